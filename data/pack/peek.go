package pack

import (
	"io/fs"
	"os"
	"path/filepath"

	"ocopkiosk/data"
)

// Summary is what a pack says of itself, read from its manifest alone: enough
// for staff to tell packs on a USB stick apart before checking one.
type Summary struct {
	Path  string
	Pack  data.PackInfo // Title, Version and Created, as far as the manifest gives them
	Bytes int64         // the .zip's size, or the folder's total
}

// Peek reads the manifest of the pack at path (a folder or .zip) without
// checking the rest. It fails when path is not a pack: no manifest, or one
// that is not a manifest at all.
func Peek(path string) (Summary, error) {
	src, err := openSource(path)
	if err != nil {
		return Summary{}, err
	}
	defer src.close()
	rd := &reader{fsys: src.fsys}
	if _, err := fs.Stat(src.fsys, manifestFile); err != nil {
		return Summary{}, err
	}
	rd.manifest()
	if rd.cat.Pack.Title == "" {
		return Summary{}, rd.r.problems.sorted()
	}
	return Summary{Path: path, Pack: rd.cat.Pack, Bytes: sizeOf(path)}, nil
}

// maxSizeWalk bounds the files counted for a folder's size: a folder on a
// slow stick with a national catalogue would keep the picker waiting.
const maxSizeWalk = 20000

// sizeOf is a file's size or a folder's total (of its first maxSizeWalk
// files), 0 when unknown.
func sizeOf(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	if !info.IsDir() {
		return info.Size()
	}
	var total int64
	n := 0
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || n > maxSizeWalk {
			return filepath.SkipDir
		}
		n++
		if i, err := d.Info(); err == nil && d.Type().IsRegular() {
			total += i.Size()
		}
		return nil
	})
	return total
}
