// Command pinyingen writes data/pinyin.txt, the usual pinyin reading (with
// its tone mark) of each Chinese character, from github.com/mozillazg/go-pinyin.
// The kiosk reads that file, embedded, only when it imports a pack:
// importing go-pinyin itself would build its 40,000-entry map at every
// start of the kiosk (about 20 ms on the kiosk PC).
//
//	go run ./data/internal/pinyingen > data/pinyin.txt
package main

import (
	"fmt"
	"os"
)

func main() {
	if _, err := os.Stdout.WriteString(Table()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
