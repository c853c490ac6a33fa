package main

import (
	"os"
	"testing"
)

// The embedded table is what go-pinyin says today: regenerate it after
// upgrading go-pinyin.
func TestTableIsUpToDate(t *testing.T) {
	b, err := os.ReadFile("../../pinyin.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != Table() {
		t.Error("data/pinyin.txt is out of date: go run ./data/internal/pinyingen > data/pinyin.txt")
	}
}
