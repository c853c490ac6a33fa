// Package media keeps the kiosk's photos: the original file of every photo a
// pack brought, and the display-size copy and thumbnail made from it once, at
// import, so the kiosk never decodes a full-size photo to draw a tile.
// Files are named by the SHA-256 of the original, so importing the same
// photo twice writes nothing new.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	xdraw "golang.org/x/image/draw"

	// Decoders for the formats a pack may hold.
	_ "image/gif"
	_ "image/png"

	_ "golang.org/x/image/webp"

	"ocopkiosk/lang"
)

// Variant is one of the files kept for a photo.
type Variant string

// The files kept for each photo.
const (
	Original Variant = "orig"    // the file as it came in the pack
	Display  Variant = "display" // at most DisplayMax pixels on its long side, JPEG
	Thumb    Variant = "thumb"   // at most ThumbMax pixels on its long side, JPEG
)

// Sizes of the copies: the display copy is the largest a photo is drawn
// (full screen in the attract loop), the thumbnail a product tile.
const (
	DisplayMax  = 1600
	ThumbMax    = 480
	jpegQuality = 85
)

// Limits on what a photo may be, checked from its header before decoding.
const (
	MaxSide   = 8192
	MaxPixels = 40_000_000
)

// Library is a folder of photos.
type Library struct {
	Dir string
	log *writeLog // what an import wrote (TrackWrites); nil: not tracked
}

// Path is where a photo's variant lives (whether or not it exists yet).
// A hash that is not lower-case hex (as Hash makes) gives a path inside the
// library where no file is, never one outside it.
func (l Library) Path(hash string, v Variant) string {
	if len(hash) < 2 || strings.Trim(hash, "0123456789abcdef") != "" ||
		(v != Original && v != Display && v != Thumb) {
		return filepath.Join(l.Dir, "invalid")
	}
	name := hash + "." + string(v)
	if v != Original {
		name += ".jpg"
	}
	return filepath.Join(l.Dir, hash[:2], name)
}

// Hash is the identity of a photo file's bytes.
func Hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Info is what Check learns about a photo.
type Info struct {
	Format        string // "jpeg", "png", "gif" or "webp"
	Width, Height int
}

// ErrNotImage means the bytes are not a picture in a format the kiosk reads.
var ErrNotImage = errors.New("file is not a picture (JPEG, PNG, GIF or WebP expected)")

// Check reads a photo's header and refuses sizes the kiosk will not decode.
// It never decodes the pixels, so a 100,000×100,000 "image bomb" costs nothing.
func Check(b []byte) (Info, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return Info{}, ErrNotImage
	}
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height}
	switch {
	case cfg.Width <= 0 || cfg.Height <= 0:
		return info, lang.Phrasef("picture has no pixels (%d×%d)", cfg.Width, cfg.Height)
	case cfg.Width > MaxSide || cfg.Height > MaxSide:
		return info, lang.Phrasef("picture is %d×%d pixels; at most %d×%d is allowed", cfg.Width, cfg.Height, MaxSide, MaxSide)
	case cfg.Width*cfg.Height > MaxPixels:
		return info, lang.Phrasef("picture has %d megapixels; at most %d is allowed", cfg.Width*cfg.Height/1_000_000, MaxPixels/1_000_000)
	}
	return info, nil
}

// Decode checks and fully decodes a photo, which catches truncated files.
func Decode(b []byte) (image.Image, Info, error) {
	info, err := Check(b)
	if err != nil {
		return nil, info, err
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, info, lang.Phrasef("picture is damaged or cut short (%v)", err)
	}
	return img, info, nil
}

// Add stores a photo: its original bytes, a display copy and a thumbnail.
// Variants already present (the same photo imported before) are kept as they
// are. Each file appears atomically, so a crash never leaves half a photo.
func (l Library) Add(hash string, original []byte, img image.Image) error {
	if l.WriteFailure() != nil {
		return ErrStopped
	}
	if err := l.writeIfMissing(l.Path(hash, Original), func() ([]byte, error) { return original, nil }); err != nil {
		return err
	}
	display, thumb := variants(original, img)
	if err := l.writeIfMissing(l.Path(hash, Display), display); err != nil {
		return err
	}
	return l.writeIfMissing(l.Path(hash, Thumb), thumb)
}

// writeIfMissing writes a variant not stored yet, recording it (TrackWrites).
func (l Library) writeIfMissing(path string, make func() ([]byte, error)) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	b, err := make()
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := WriteFileAtomic(path, b); err != nil {
		l.failed(err) // the disk's fault, not the photo's: stop here
		return err
	}
	l.wrote(path, len(b))
	return nil
}

// Has reports whether every variant of the photo is stored.
func (l Library) Has(hash string) bool {
	for _, v := range []Variant{Original, Display, Thumb} {
		if _, err := os.Stat(l.Path(hash, v)); err != nil {
			return false
		}
	}
	return true
}

// Prune deletes the photos whose hash is not in keep, and leftovers of
// interrupted writes. It is run after an import has committed.
func (l Library) Prune(keep map[string]bool) error {
	dirs, err := os.ReadDir(l.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("prune photos: %w", err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		sub := filepath.Join(l.Dir, d.Name())
		files, err := os.ReadDir(sub)
		if err != nil {
			return fmt.Errorf("prune photos: %w", err)
		}
		for _, f := range files {
			hash, _, _ := strings.Cut(f.Name(), ".")
			if !keep[hash] || strings.HasPrefix(f.Name(), ".tmp") {
				if err := os.Remove(filepath.Join(sub, f.Name())); err != nil {
					return fmt.Errorf("prune photos: %w", err)
				}
			}
		}
	}
	return nil
}

// fit scales img down so its long side is at most max pixels; a smaller
// image is returned as it is.
func fit(img image.Image, max int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= max && h <= max {
		return img
	}
	if w >= h {
		w, h = max, h*max/w
	} else {
		w, h = w*max/h, max
	}
	return scaleDown(img, max1(w), max1(h))
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// encodeJPEG writes img as a JPEG, flattening any transparency onto white.
func encodeJPEG(img image.Image) ([]byte, error) {
	if !opaque(img) {
		flat := image.NewRGBA(img.Bounds())
		xdraw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, xdraw.Src)
		xdraw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, xdraw.Over)
		img = flat
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// writeIfMissing writes the file produced by make unless it exists, through
// a temporary file that is synced and renamed into place.
func writeIfMissing(path string, make func() ([]byte, error)) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	b, err := make()
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return WriteFileAtomic(path, b)
}

// WriteFileAtomic writes a file so that it appears whole or not at all: a
// temporary file in the same folder, synced, then renamed over path. The
// folder is synced too (on Unix), or a power cut could undo the rename and
// leave a database that names a photo the disk no longer has.
func WriteFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	_, statErr := os.Stat(dir)
	// The kiosk's folders and files are private (see data/private.go).
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if statErr != nil {
		// A new folder is itself a name in its parent that must survive.
		if err := SyncDir(filepath.Dir(dir)); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private (0600), as the kiosk's files are.
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return SyncDir(dir)
}

// SyncDir flushes a folder's entries (names created, renamed or removed in
// it) to disk, so that a rename survives a power cut. Windows cannot open a
// folder for syncing and orders its metadata itself, so there it does
// nothing; file systems that cannot sync a folder (EINVAL) are let be.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}
