package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"unicode"

	_ "embed"
	"strconv"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Readings are how a name is read aloud, made at import so that visitors
// can find names written in Chinese characters from the keys they have: a
// Japanese name's kana (貫入釉の蓮絵茶器 → かんにゅうゆうのはすえちゃき),
// a Chinese name's pinyin (陶瓷 → táo cí). A pack may give its own for a
// product (name_ja_reading, name_zh_pinyin); those win.
type Readings struct {
	Kana   string // hiragana, the words separated by spaces
	Pinyin string // with tone marks, one syllable a word ("táo cí")
}

// readingTools holds what makes readings while an import runs: kagome with
// the IPA dictionary and the pinyin table. The dictionary takes a few
// hundred milliseconds and over 100 MB of heap to load, a cost only an
// import pays, never the kiosk's start; releaseReadingTools gives the memory
// back when the import ends, so a kiosk that imported its content in
// service does not carry the dictionary all day.
var readingTools struct {
	sync.Mutex
	tok    *tokenizer.Tokenizer
	tokErr error
	pinyin map[rune]string
}

func japaneseTokenizer() (*tokenizer.Tokenizer, error) {
	readingTools.Lock()
	defer readingTools.Unlock()
	if readingTools.tok == nil && readingTools.tokErr == nil {
		readingTools.tok, readingTools.tokErr = newJapaneseTokenizer()
	}
	return readingTools.tok, readingTools.tokErr
}

// ipaDict is kagome's IPA dictionary, a zip (see ipadic/README.md).
//
//go:embed ipadic/ipa.dict
var ipaDict []byte

func newJapaneseTokenizer() (*tokenizer.Tokenizer, error) {
	zr, err := zip.NewReader(bytes.NewReader(ipaDict), int64(len(ipaDict)))
	if err != nil {
		return nil, fmt.Errorf("open the Japanese dictionary: %w", err)
	}
	d, err := dict.Load(zr, true)
	if err != nil {
		return nil, fmt.Errorf("load the Japanese dictionary: %w", err)
	}
	return tokenizer.New(d, tokenizer.OmitBosEos())
}

// releaseReadingTools drops the dictionary and the table (a later reading
// loads them again) and returns the freed memory to the system at once:
// the Go runtime would otherwise keep it for minutes, and a kiosk's memory
// is watched.
func releaseReadingTools() {
	readingTools.Lock()
	had := readingTools.tok != nil || readingTools.pinyin != nil
	readingTools.tok, readingTools.tokErr, readingTools.pinyin = nil, nil, nil
	readingTools.Unlock()
	if had {
		debug.FreeOSMemory()
	}
}

// KanaReading is the reading of Japanese text in hiragana, one word of the
// morphological analysis per space-separated part. Kana in the text stay
// as they are; a word the dictionary does not know keeps its spelling.
func KanaReading(s string) string {
	t, err := japaneseTokenizer()
	if err != nil {
		return ""
	}
	var parts []string
	for _, tok := range t.Tokenize(s) {
		surface := strings.TrimSpace(tok.Surface)
		if surface == "" || !hasLetter(surface) {
			continue
		}
		reading, ok := tok.Reading()
		if !ok || reading == "" || reading == "*" {
			reading = surface
		}
		parts = append(parts, toHiragana(reading))
	}
	return strings.Join(parts, " ")
}

// pinyinTable is the usual reading of each Chinese character, with its
// tone mark, as github.com/mozillazg/go-pinyin gives it, written out by
// data/internal/pinyingen: embedded text costs the kiosk's start nothing,
// where go-pinyin's own table is a map built at every start.
//
//go:embed pinyin.txt
var pinyinTable string

// pinyinOfRune reads the table on first use (only imports need it).
func pinyinOfRune() map[rune]string {
	readingTools.Lock()
	defer readingTools.Unlock()
	if readingTools.pinyin != nil {
		return readingTools.pinyin
	}
	m := make(map[rune]string, 27000)
	for _, line := range strings.Split(pinyinTable, "\n") {
		hex, reading, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if r, err := strconv.ParseUint(hex, 16, 32); err == nil {
			m[rune(r)] = reading
		}
	}
	readingTools.pinyin = m
	return m
}

// PinyinReading is Chinese text's pinyin, one syllable per character, in
// the order written; what is not a Chinese character is left out.
func PinyinReading(s string) string {
	var parts []string
	table := pinyinOfRune()
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if py := table[r]; py != "" {
			parts = append(parts, py)
		}
	}
	return strings.Join(parts, " ")
}

// makeReadings fills in the readings a product's pack did not give.
func makeReadings(name Text, given Readings) Readings {
	r := given
	if r.Kana == "" && name[JA] != "" {
		r.Kana = KanaReading(name[JA])
	}
	if r.Pinyin == "" && name[ZH] != "" {
		r.Pinyin = PinyinReading(name[ZH])
	}
	return r
}

// toHiragana writes katakana as hiragana, so text in either kana is found
// by the other (the long-vowel mark stays).
func toHiragana(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ァ' && r <= 'ヶ' {
			return r - 0x60
		}
		return r
	}, s)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
