package pack

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"ocopkiosk/lang"
)

// Limits on a zipped pack, checked from its directory before anything is read.
const (
	maxZipEntries    = 100_000
	maxZipBytes      = 8 << 30 // all entries uncompressed
	maxZipEntryBytes = max(maxSheetBytes, maxPhotoBytes, maxStoryBytes, 1<<20)
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
	// With GODEBUG=zipinsecurepath=0 a zip naming a file outside itself
	// comes with ErrInsecurePath; checkZip then says which entry it is.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("open pack: %s is not a readable zip file: %w", path, err)
	}
	if err := checkZip(&zr.Reader); err != nil {
		zr.Close()
		var problems Problems
		if errors.As(err, &problems) {
			return nil, problems
		}
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

// checkZip refuses zips that claim more entries or bytes than any real pack,
// from the zip's directory alone, and entries that no pack folder could have
// made: names reaching outside the zip (../, /, C:), symbolic links, and two
// entries for the same file. Such entries are never read (archive/zip would
// quietly read "../x" as "x"), and the zip is never extracted, so nothing is
// ever written anywhere; they are refused so that what is checked is
// exactly what staff see in the zip. Bad entries come back as Problems,
// one per entry.
func checkZip(zr *zip.Reader) error {
	if len(zr.File) > maxZipEntries {
		return lang.Phrasef("zip holds %d entries; at most %d are allowed", len(zr.File), maxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > maxZipBytes {
			return lang.Phrasef("zip unpacks to over %d GB; at most %d GB are allowed", maxZipBytes>>30, maxZipBytes>>30)
		}
	}
	var r report
	seen := map[string]string{} // cleaned name → the entry's name
	for _, f := range zr.File {
		if err := checkZipEntry(f); err != nil {
			r.add(zipEntryName(f.Name), 0, "", "%v", err)
			if len(r.problems) == maxZipProblems {
				r.add("", 0, "", "stopped after %d bad zip entries", maxZipProblems)
				break
			}
			continue
		}
		key := strings.TrimSuffix(path.Clean(strings.ReplaceAll(f.Name, "\\", "/")), "/")
		if first, dup := seen[key]; dup {
			r.add(zipEntryName(f.Name), 0, "", "the zip holds this file twice (also as %q); keep only one", zipEntryName(first))
			continue
		}
		seen[key] = f.Name
	}
	if len(r.problems) > 0 {
		return r.problems
	}
	return nil
}

// maxZipProblems bounds the bad entries listed, for a zip made to have many.
const maxZipProblems = 100

// checkZipEntry says what is wrong with one entry of a zip, or nil.
func checkZipEntry(f *zip.File) error {
	name := strings.ReplaceAll(f.Name, "\\", "/")
	switch {
	case name == "" || strings.ContainsRune(name, 0):
		return lang.Phrasef("zip entry has no usable name; make the zip again from the pack folder")
	case strings.HasPrefix(name, "/"):
		return lang.Phrasef("zip entry has an absolute path (it starts with /); make the zip again from the pack folder")
	case len(name) >= 2 && name[1] == ':' && (name[0]|0x20 >= 'a' && name[0]|0x20 <= 'z'):
		return lang.Phrasef("zip entry names a drive (%s); make the zip again from the pack folder", name[:2])
	case slices.Contains(strings.Split(name, "/"), ".."):
		return lang.Phrasef("zip entry points outside the pack (..); make the zip again from the pack folder")
	case f.Mode()&fs.ModeSymlink != 0:
		return lang.Phrasef("zip entry is a symbolic link; a pack holds only files and folders, so put the file itself in the zip")
	case f.Mode()&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0:
		return lang.Phrasef("zip entry is not a plain file or folder")
	case f.UncompressedSize64 > maxZipEntryBytes:
		return lang.Phrasef("unpacks to %d MB; at most %d MB are allowed for one file", f.UncompressedSize64>>20, maxZipEntryBytes>>20)
	}
	return nil
}

// zipEntryName is an entry's name fit for a message: valid UTF-8, no
// control characters, not too long.
func zipEntryName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(name, "?"))
	return shorten(name)
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
	return fsys, lang.Phrasef("no manifest.json at the top of the zip or in its only folder")
}
