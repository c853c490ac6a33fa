package media_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"ocopkiosk/data/media"
)

// A 1×1 lossless WebP: x/image has no WebP encoder.
const tinyWebP = "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"

func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 5), uint8(x ^ y), 255})
		}
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngClaiming is a valid 1×1 PNG whose header claims w×h pixels.
func pngClaiming(t *testing.T, w, h uint32) []byte {
	b := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29])) // IHDR's checksum
	return b
}

// jpegClaiming is a small JPEG whose frame header claims w×h pixels.
func jpegClaiming(t *testing.T, w, h uint16) []byte {
	b := encodeJPEG(t, testImage(8, 8))
	i := bytes.Index(b, []byte{0xFF, 0xC0}) // SOF0: length, precision, height, width
	if i < 0 {
		t.Fatal("no SOF0 marker")
	}
	binary.BigEndian.PutUint16(b[i+5:], h)
	binary.BigEndian.PutUint16(b[i+7:], w)
	return b
}

// gifClaiming is a GIF header whose logical screen is w×h.
func gifClaiming(w, h uint16) []byte {
	b := []byte("GIF89a\x00\x00\x00\x00\x00\x00\x00")
	binary.LittleEndian.PutUint16(b[6:], w)
	binary.LittleEndian.PutUint16(b[8:], h)
	return b
}

// webpClaiming is an extended (VP8X) WebP header whose canvas is w×h.
func webpClaiming(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00")
	b.Write([]byte{0, 0, 0, 0})
	b.Write([]byte{byte(w - 1), byte((w - 1) >> 8), byte((w - 1) >> 16)})
	b.Write([]byte{byte(h - 1), byte((h - 1) >> 8), byte((h - 1) >> 16)})
	return b.Bytes()
}

// Image bombs are refused from the header, before any pixel is decoded:
// more than 8192 pixels on a side, or more than 40 megapixels in all.
func TestMediaCheckRefusesImageBombs(t *testing.T) {
	cases := []struct {
		name    string
		b       []byte
		wantErr string
	}{
		{"PNG wider than 8192", pngClaiming(t, 8193, 1), "8193×1 pixels; at most 8192×8192"},
		{"PNG taller than 8192", pngClaiming(t, 1, 8193), "1×8193 pixels; at most 8192×8192"},
		{"PNG 100,000 square", pngClaiming(t, 100_000, 100_000), "at most 8192×8192"},
		{"PNG 8000×6000 = 48 MP", pngClaiming(t, 8000, 6000), "48 megapixels; at most 40"},
		{"PNG 8192×8192 = 67 MP", pngClaiming(t, 8192, 8192), "67 megapixels; at most 40"},
		{"JPEG 8000×6000", jpegClaiming(t, 8000, 6000), "48 megapixels"},
		{"JPEG 65535 square", jpegClaiming(t, 65535, 65535), "at most 8192×8192"},
		{"GIF 8000×6000", gifClaiming(8000, 6000), "48 megapixels"},
		{"GIF 65535 wide", gifClaiming(65535, 1), "at most 8192×8192"},
		{"WebP 8000×6000", webpClaiming(8000, 6000), "48 megapixels"},
		{"WebP 16384 square", webpClaiming(16384, 16384), "at most 8192×8192"},
		{"GIF with no pixels", gifClaiming(0, 0), "no pixels"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if info, err := media.Check(tc.b); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Check = %+v, %v; want an error containing %q", info, err, tc.wantErr)
			}
			if img, _, err := media.Decode(tc.b); err == nil || img != nil {
				t.Fatalf("Decode of a refused picture gave %v, %v", img, err)
			}
		})
	}
}

// Just under both limits is fine as far as the header goes.
func TestMediaCheckAcceptsTheLimits(t *testing.T) {
	for _, size := range [][2]uint32{{8192, 4882}, {4882, 8192}, {8192, 1}, {1, 8192}, {6324, 6324}} {
		w, h := size[0], size[1]
		info, err := media.Check(pngClaiming(t, w, h))
		if err != nil || info.Width != int(w) || info.Height != int(h) || info.Format != "png" {
			t.Errorf("%d×%d (%.2f MP): %+v, %v", w, h, float64(w*h)/1e6, info, err)
		}
	}
}

// A picture is read by what it is, not by what its name says (Check never
// sees the name), in each of the four formats a pack may hold.
func TestMediaDecodeEveryFormat(t *testing.T) {
	img := testImage(40, 30)
	for _, tc := range []struct {
		format string
		b      []byte
	}{
		{"png", encodePNG(t, img)},
		{"jpeg", encodeJPEG(t, img)},
		{"gif", encodeGIF(t, img)},
		{"webp", []byte(tinyWebP)},
	} {
		got, info, err := media.Decode(tc.b)
		if err != nil || info.Format != tc.format || got.Bounds().Dx() != info.Width || got.Bounds().Dy() != info.Height {
			t.Errorf("%s: %+v, %v", tc.format, info, err)
		}
	}
}

// A file cut short is refused when it is decoded, with a message that says so.
func TestMediaDecodeRefusesTruncatedPictures(t *testing.T) {
	img := testImage(200, 150)
	for _, tc := range []struct {
		format string
		b      []byte
	}{
		{"png", encodePNG(t, img)},
		{"jpeg", encodeJPEG(t, img)},
		{"gif", encodeGIF(t, img)},
		{"webp", []byte(tinyWebP)},
	} {
		for _, keep := range []int{len(tc.b) / 2, len(tc.b) - 3} {
			_, _, err := media.Decode(tc.b[:keep])
			if err == nil {
				t.Errorf("%s cut to %d of %d bytes was decoded", tc.format, keep, len(tc.b))
				continue
			}
			if msg := err.Error(); !strings.Contains(msg, "damaged or cut short") && !errors.Is(err, media.ErrNotImage) {
				t.Errorf("%s cut to %d bytes: %v", tc.format, keep, err)
			}
		}
	}
}

// What is not a picture in a format the kiosk reads is reported as such.
func TestMediaCheckRefusesWhatIsNotAPicture(t *testing.T) {
	bmp := append([]byte("BM"), make([]byte, 60)...)
	for name, b := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("this is a text file, not a photo"),
		"SVG":       []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`),
		"BMP":       bmp,
		"HTML":      []byte("<!doctype html><img src=https://evil.example/x.png>"),
		"PNG magic": []byte("\x89PNG\r\n\x1a\n"),
		"zip":       []byte("PK\x03\x04"),
	} {
		if _, err := media.Check(b); !errors.Is(err, media.ErrNotImage) {
			t.Errorf("%s: Check = %v; want ErrNotImage", name, err)
		}
	}
}

// A hash from a damaged database never leads outside the library.
func TestMediaPathStaysInTheLibrary(t *testing.T) {
	lib := media.Library{Dir: filepath.Join(t.TempDir(), "photos")}
	good := media.Hash([]byte("x"))
	if p := lib.Path(good, media.Thumb); filepath.Dir(filepath.Dir(p)) != lib.Dir || !strings.HasPrefix(filepath.Base(p), good) {
		t.Errorf("Path(%s) = %s", good, p)
	}
	for _, hash := range []string{"", "a", "../../etc/passwd", "..", "ab/../../x", `ab\..\..\x`, "/etc/passwd", "AB12", "ab cd"} {
		for _, v := range []media.Variant{media.Original, media.Display, media.Thumb, "../x"} {
			p := lib.Path(hash, v)
			if rel, err := filepath.Rel(lib.Dir, p); err != nil || strings.HasPrefix(rel, "..") || rel != "invalid" {
				t.Errorf("Path(%q, %q) = %s", hash, v, p)
			}
		}
	}
	if p := lib.Path(good, "../x"); filepath.Base(p) != "invalid" {
		t.Errorf("Path with an unknown variant = %s", p)
	}
}
