package ui

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"ocopkiosk/data"
)

// Korean, Chinese and Japanese headings in bold. The theme's bold font
// (Noto Sans) has no CJK letters; Fyne then borrows them from a system font
// glyph by glyph, but always in its regular weight, so a heading came out
// half bold (Latin) and half regular (CJK). For a CJK visitor the theme's
// bold font is instead the Noto Sans CJK Bold face of their language (the
// right glyph forms for Korean, Simplified Chinese and Japanese), which has
// Latin letters too; Vietnamese letters it lacks still come, bold, from
// Noto Sans. Debian ships the faces in one collection (.ttc), which Fyne
// cannot load, so the language's face is copied out of it into a plain
// OpenType font, once, when first needed.

// cjkBoldCollections are where Debian's fonts-noto-cjk puts the bold faces.
var cjkBoldCollections = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
}

var cjkFamilies = map[data.Lang]string{
	data.KO: "Noto Sans CJK KR",
	data.ZH: "Noto Sans CJK SC",
	data.JA: "Noto Sans CJK JP",
}

var (
	cjkMu    sync.Mutex
	cjkBold  = map[data.Lang]fyne.Resource{}
	cjkTried = map[data.Lang]bool{}
	fontLang data.Lang // the visitor's language, for the theme's bold font
)

// setFontLang tells the theme the visitor's language, and reports whether
// that changes the bold font (Fyne then needs the theme set again: it keeps
// one face per text style until the theme changes).
func setFontLang(l data.Lang) bool {
	cjkMu.Lock()
	defer cjkMu.Unlock()
	changed := cjkFamilies[l] != cjkFamilies[fontLang]
	fontLang = l
	if _, cjk := cjkFamilies[l]; !cjk {
		clear(cjkBold) // not needed until a CJK visitor comes
	}
	return changed
}

// currentFontLang is the language the theme's bold font is for.
func currentFontLang() data.Lang {
	cjkMu.Lock()
	defer cjkMu.Unlock()
	return fontLang
}

// boldFontFor is the bold face for the visitor's language, or nil for the
// theme's own.
func boldFont() fyne.Resource {
	cjkMu.Lock()
	defer cjkMu.Unlock()
	l := fontLang
	family, ok := cjkFamilies[l]
	if !ok {
		return nil
	}
	if _, ok := cjkBold[l]; !ok && !cjkTried[l] {
		res, err := loadCJKBold(family)
		if err != nil {
			cjkTried[l] = true // the fonts are missing: do not read the disk at every switch
			fyne.LogError("bold CJK font (headings stay regular)", err)
		} else {
			// One face at a time (see cjkBoldFace).
			clear(cjkBold)
			cjkBold[l] = res
		}
	}
	return cjkBold[l]
}

func loadCJKBold(family string) (fyne.Resource, error) {
	for _, path := range cjkBoldCollections {
		if _, err := os.Stat(path); err == nil {
			return cjkBoldFace{family: family, collection: path}, nil
		}
	}
	return nil, fmt.Errorf("no Noto Sans CJK Bold collection (install fonts-noto-cjk)")
}

// cjkBoldFace is a bold CJK face as a font resource whose bytes are copied
// out of the collection each time they are read, not kept. Fyne reads a
// theme font once, when it parses it after a theme change, and keeps its
// own parsed copy; keeping the 16 MB file too cost a CJK visitor's kiosk
// that much memory for nothing (the real-window soak's heap profile).
type cjkBoldFace struct {
	family     string
	collection string // the .ttc it is copied from
}

func (f cjkBoldFace) Name() string { return f.family + " Bold.otf" }

// Content copies the face out of its collection; nil (Fyne then draws
// the regular face) if that fails, which is logged.
func (f cjkBoldFace) Content() []byte {
	b, err := os.ReadFile(f.collection)
	if err == nil {
		var face []byte
		if face, err = extractFace(b, f.family); err == nil {
			return face
		}
	}
	fyne.LogError("bold CJK font "+f.family+" from "+f.collection+" (headings stay regular)", err)
	return nil
}

// extractFace copies the face of a family out of a font collection into a
// font file of its own.
func extractFace(collection []byte, family string) ([]byte, error) {
	loaders, err := ot.NewLoaders(bytes.NewReader(collection))
	if err != nil {
		return nil, err
	}
	for _, ld := range loaders {
		if desc, _ := font.Describe(ld, nil); desc.Family == family {
			return writeSFNT(ld)
		}
	}
	return nil, fmt.Errorf("no face %q in the collection", family)
}

// writeSFNT writes a loader's tables as one OpenType font file.
func writeSFNT(ld *ot.Loader) ([]byte, error) {
	tags := ld.Tables()
	sort.Slice(tags, func(i, j int) bool { return tags[i] < tags[j] })
	tables := make([][]byte, len(tags))
	for i, tag := range tags {
		t, err := ld.RawTable(tag)
		if err != nil {
			return nil, err
		}
		tables[i] = t
	}
	n := len(tags)
	search, selector := 1, 0
	for search*2 <= n {
		search, selector = search*2, selector+1
	}
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t) + 3) &^ 3
	}
	var out bytes.Buffer
	out.Grow(size) // exactly: a face is about 17 MB, and a grown buffer kept up to twice that
	version := uint32(0x00010000)
	if ld.HasTable(ot.MustNewTag("CFF ")) {
		version = 0x4F54544F // "OTTO": CFF outlines
	}
	w := func(v any) { binary.Write(&out, binary.BigEndian, v) }
	w(version)
	w(uint16(n))
	w(uint16(search * 16))
	w(uint16(selector))
	w(uint16(n*16 - search*16))
	offset := uint32(12 + 16*n)
	for i, tag := range tags {
		w(uint32(tag))
		w(checksum(tables[i]))
		w(offset)
		w(uint32(len(tables[i])))
		offset += uint32((len(tables[i]) + 3) &^ 3)
	}
	for _, t := range tables {
		out.Write(t)
		out.Write(make([]byte, (4-len(t)%4)%4))
	}
	return out.Bytes(), nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
