package pack

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// The kiosk keeps a copy of the last pack it imported successfully, and of
// the one before, in "<db>.packs" beside the database: if the database is
// ever damaged, the kiosk rebuilds it from the copy (see data.OpenOrRecover)
// instead of falling back to the built-in sample. The copies are exports of
// the catalogue as committed, so they hold exactly what the kiosk showed,
// whatever folder, USB stick or zip the pack came from.
const (
	keptDirSuffix = ".packs"
	keptLast      = "last.zip"
	keptPrevious  = "last-1.zip"
	keptNext      = "last.zip.new" // written whole before it becomes last.zip
)

// staleAfter is how old a temporary file in the packs folder must be before
// keep removes it: old enough that no running import can still own it.
const staleAfter = time.Hour

// KeptPack is where the copy of the last imported pack is kept for the
// database at dbPath (whether or not it exists yet).
func KeptPack(dbPath string) string {
	return filepath.Join(dbPath+keptDirSuffix, keptLast)
}

// KeptPacks lists the kept copies that exist for the database at dbPath,
// newest first: the last imported pack, then the one before it. The second
// is also the fallback if a crash came between the two renames in keep.
func KeptPacks(dbPath string) []string {
	var out []string
	for _, name := range []string{keptLast, keptPrevious} {
		p := filepath.Join(dbPath+keptDirSuffix, name)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	return out
}

// keep exports the store's catalogue, just committed, to the packs folder
// as last.zip, and moves the previous last.zip to last-1.zip. Each file
// appears whole or not at all: the zip is written and synced under another
// name, then renamed, and the folder is synced.
func keep(ctx context.Context, st *data.Store) error {
	dir := st.Path() + keptDirSuffix
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, 0o700); err != nil { // private, as the database is
		return err
	}
	os.Chmod(dir, 0o700) // one an earlier version made 0755; best effort
	if statErr != nil {
		if err := media.SyncDir(filepath.Dir(dir)); err != nil {
			return err
		}
	}
	removeStale(dir)
	cat, err := st.LoadCatalogue(ctx)
	if err != nil {
		return err
	}
	if cat.Pack.Version == 0 {
		return errors.New("no content is loaded")
	}
	files, err := packFiles(cat, st.Photos())
	if err != nil {
		return err
	}
	next := filepath.Join(dir, keptNext)
	if err := writeZip(next, files); err != nil {
		return err
	}
	last := filepath.Join(dir, keptLast)
	if err := os.Rename(last, filepath.Join(dir, keptPrevious)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(next, last); err != nil {
		return err
	}
	return media.SyncDir(dir)
}

// removeStale deletes temporary zips that an import killed while keeping
// its copy left behind, so that crashes cannot fill the disk.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".export-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// isKept reports whether path is one of the store's kept copies, which
// need no keeping again: re-importing last.zip after a recovery must not
// push the pack before it out of last-1.zip.
func isKept(st *data.Store, path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	kept, err := os.Stat(KeptPack(st.Path()))
	return err == nil && os.SameFile(info, kept)
}

// keepWarning wraps a failure to keep the copy: the import itself is done.
func keepWarning(err error) error {
	return fmt.Errorf("the pack was imported, but keeping a copy for recovery failed: %w", err)
}
