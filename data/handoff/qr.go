package handoff

import (
	"bytes"
	"container/list"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"

	"github.com/skip2/go-qrcode"
)

// MaxQRText is the most bytes any QR code can hold (version 40, byte mode,
// recovery level L). At the level M that Code uses, plain text fits about
// 2,331 bytes; the encoder refuses what does not fit.
const MaxQRText = 2953

// MaxPxPerModule bounds the scale of a QR image: at 32 pixels per module
// the largest code is already almost 6,000 pixels wide.
const MaxPxPerModule = 32

// Code encodes text as a QR code at recovery level M (15 % of the code may
// be smudged or covered), the usual trade-off between size and robustness
// for a code on a screen. Text must be ASCII: a QR code carries no marker
// of its character set, so a phone could read UTF-8 as something else;
// BuildLink and VietQR give ASCII already.
func Code(text string) (*qrcode.QRCode, error) {
	switch {
	case text == "":
		return nil, errors.New("QR code: no text to encode")
	case len(text) > MaxQRText:
		return nil, fmt.Errorf("QR code: text is %d bytes long; at most %d fit in a QR code", len(text), MaxQRText)
	}
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return nil, fmt.Errorf("QR code: text has a non-ASCII character at byte %d; percent-encode it (BuildLink does)", i)
		}
	}
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code: %d bytes do not fit at recovery level M: %w", len(text), err)
	}
	return q, nil
}

// Image draws the QR code of text with pxPerModule pixels per module and
// the standard quiet zone of 4 modules around it, in black on white. Each
// module is an exact square of pixels (no smoothing, no rounding of the
// scale), because a blurred edge is what makes a code on a screen hard to
// scan; show it with canvas.ImageScalePixels for the same reason.
func Image(text string, pxPerModule int) (image.Image, error) {
	if pxPerModule < 1 || pxPerModule > MaxPxPerModule {
		return nil, fmt.Errorf("QR code: %d pixels per module; expected 1 to %d", pxPerModule, MaxPxPerModule)
	}
	modules, err := Modules(text)
	if err != nil {
		return nil, err
	}
	return draw(modules, pxPerModule), nil
}

// ImageToFit draws the code of text as large as fits in side pixels, in
// whole pixels per module and never fewer than minPx, and says how many
// pixels a side it came to. The text is encoded once per process (see
// Modules); drawing is a fraction of the cost.
func ImageToFit(text string, side, minPx int) (image.Image, int, error) {
	modules, err := Modules(text) // includes the quiet zone
	if err != nil {
		return nil, 0, err
	}
	px := min(MaxPxPerModule, max(minPx, side/len(modules)))
	return draw(modules, px), len(modules) * px, nil
}

// codeCacheSize is how many encoded codes Modules keeps: a kiosk shows one
// item's few codes (buy, pay, directions) in five languages at a time, and
// visitors come back to the same items.
const codeCacheSize = 256

var codeCache = struct {
	sync.Mutex
	byText map[string]*list.Element
	order  *list.List // of codeEntry, most recent first
}{byText: map[string]*list.Element{}, order: list.New()}

type codeEntry struct {
	text    string
	modules [][]bool
}

// Modules is the QR code of text as modules (true = dark), with the quiet
// zone, encoded once and kept: encoding (Reed–Solomon and choosing the best
// of eight masks) is about 1.6 ms for a 187-character link, drawing the
// modules a twentieth of that. The link holds the visitor's language, so a
// code is encoded once per item, kind and language. Callers must not
// change the result.
func Modules(text string) ([][]bool, error) {
	codeCache.Lock()
	if e, ok := codeCache.byText[text]; ok {
		codeCache.order.MoveToFront(e)
		codeCache.Unlock()
		return e.Value.(codeEntry).modules, nil
	}
	codeCache.Unlock()
	q, err := Code(text)
	if err != nil {
		return nil, err
	}
	modules := q.Bitmap()
	codeCache.Lock()
	defer codeCache.Unlock()
	if _, ok := codeCache.byText[text]; !ok {
		codeCache.byText[text] = codeCache.order.PushFront(codeEntry{text, modules})
		for codeCache.order.Len() > codeCacheSize {
			last := codeCache.order.Back()
			codeCache.order.Remove(last)
			delete(codeCache.byText, last.Value.(codeEntry).text)
		}
	}
	return modules, nil
}

// draw paints modules, pxPerModule pixels each, black on white.
func draw(modules [][]bool, pxPerModule int) image.Image {
	side := len(modules) * pxPerModule
	img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.White, color.Black})
	for y, row := range modules {
		// Draw one line of pixels for this row of modules, then copy it
		// down to make the modules square.
		top := y * pxPerModule * img.Stride
		line := img.Pix[top : top+side]
		for x, dark := range row {
			if dark {
				for i := x * pxPerModule; i < (x+1)*pxPerModule; i++ {
					line[i] = 1
				}
			}
		}
		for i := 1; i < pxPerModule; i++ {
			copy(img.Pix[top+i*img.Stride:], line)
		}
	}
	return img
}

// PNG is Image encoded as PNG: a two-colour, one bit per pixel file, small
// enough to cache per item.
func PNG(text string, pxPerModule int) ([]byte, error) {
	img, err := Image(text, pxPerModule)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	return buf.Bytes(), nil
}
