package pack

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Limits on a zipped pack, checked from its directory before anything is read.
const (
	maxZipEntries = 100_000
	maxZipBytes   = 8 << 30 // all entries uncompressed
)

// source is an opened pack: a file system rooted at the pack's top folder.
type source struct {
	fsys  fs.FS
	close func() error
}

// openSource opens a pack folder or .zip. A folder is opened through
// os.Root, so no path or link in it can reach outside; a zip is read in
// place and never extracted.
func openSource(path string) (*source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open pack: %w", err)
	}
	if info.IsDir() {
		root, err := os.OpenRoot(path)
		if err != nil {
			return nil, fmt.Errorf("open pack: %w", err)
		}
		return &source{fsys: root.FS(), close: root.Close}, nil
	}
	if !strings.EqualFold(strings.TrimSpace(pathExt(path)), ".zip") {
		return nil, fmt.Errorf("open pack: %s is neither a folder nor a .zip file", path)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open pack: %s is not a readable zip file: %w", path, err)
	}
	if err := checkZip(&zr.Reader); err != nil {
		zr.Close()
		return nil, fmt.Errorf("open pack %s: %w", path, err)
	}
	fsys, err := packRoot(zr)
	if err != nil {
		zr.Close()
		return nil, fmt.Errorf("open pack %s: %w", path, err)
	}
	return &source{fsys: fsys, close: zr.Close}, nil
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i:]
	}
	return ""
}

// checkZip refuses zips that claim more entries or bytes than any real pack.
func checkZip(zr *zip.Reader) error {
	if len(zr.File) > maxZipEntries {
		return fmt.Errorf("zip holds %d entries; at most %d are allowed", len(zr.File), maxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > maxZipBytes {
			return fmt.Errorf("zip unpacks to over %d GB; at most %d GB are allowed", maxZipBytes>>30, maxZipBytes>>30)
		}
	}
	return nil
}

// packRoot finds the folder holding manifest.json: the zip's top, or its
// only top-level folder (what "Send to → Compressed folder" makes).
func packRoot(fsys fs.FS) (fs.FS, error) {
	if _, err := fs.Stat(fsys, manifestFile); err == nil {
		return fsys, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), "__MACOSX") {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 1 {
		if _, err := fs.Stat(fsys, dirs[0]+"/"+manifestFile); err == nil {
			return fs.Sub(fsys, dirs[0])
		}
	}
	return fsys, errors.New("no manifest.json at the top of the zip or in its only folder")
}
