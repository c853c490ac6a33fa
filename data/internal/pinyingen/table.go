package main

import (
	"fmt"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// Blocks of Chinese characters in the table: CJK Unified Ideographs and
// Extension A (names on signs and labels use these).
var blocks = [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}}

// Table is the file's text: a line per character that has a reading,
// "<hex code point> <reading>", in code point order.
func Table() string {
	a := pinyin.NewArgs()
	a.Style = pinyin.Tone
	var b strings.Builder
	b.WriteString("# The usual pinyin of each character, from github.com/mozillazg/go-pinyin (MIT);\n# made by go run ./data/internal/pinyingen. Do not edit.\n")
	for _, blk := range blocks {
		for r := blk[0]; r <= blk[1]; r++ {
			if py := pinyin.SinglePinyin(r, a); len(py) > 0 && py[0] != "" {
				fmt.Fprintf(&b, "%x %s\n", r, py[0])
			}
		}
	}
	return b.String()
}
