package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// An import writes, for each photo not stored yet, its original, a display
// copy and a thumbnail (measured on the Hanoi pack: 2.04 times the photos'
// bytes), then the catalogue into the database, then a copy of the pack
// kept for recovery. These bound what the space check asks for.
const (
	photoSpaceFactor = 2.1
	minDatabaseSpace = 8 << 20
	dbSpacePerItem   = 2 << 10 // texts, search index and cards: 37 MB for Hanoi's 3,240 items, with room
)

// freeBytes is media.FreeBytes; tests replace it.
var freeBytes = media.FreeBytes

// ErrNoSpace means an import was refused or stopped for want of disk space.
var ErrNoSpace = errors.New("not enough disk space")

// checkSpace refuses an import that cannot fit on the database's disk,
// before anything is written: the photos it would add, the catalogue, and
// the kept copy of the pack. It says how much it needs and how much is free.
func checkSpace(rd *reader, st *data.Store, packBytes int64) error {
	need := int64(minDatabaseSpace) + packBytes
	need += int64(len(rd.cat.Products)+len(rd.cat.Villages)+len(rd.cat.Tours)) * dbSpacePerItem
	seen := map[string]bool{}
	for _, ref := range rd.images {
		if seen[ref.source] {
			continue
		}
		seen[ref.source] = true
		if info, err := fs.Stat(rd.fsys, ref.source); err == nil {
			need += int64(float64(info.Size()) * photoSpaceFactor)
		}
	}
	dir := filepath.Dir(st.Path())
	free, err := freeBytes(dir)
	if err != nil {
		return nil // not measurable here (Windows): the first failed write stops the import
	}
	if need > free {
		return fmt.Errorf("%w on %s: the import needs %s, %s free; nothing was changed", ErrNoSpace, dir, megabytes(need), megabytes(free))
	}
	return nil
}

// packSize is how many bytes the pack at path holds (a zip's size, or the
// sum of a folder's files); 0 for a pack that is not on disk.
func packSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	if !info.IsDir() {
		return info.Size()
	}
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if i, err := d.Info(); err == nil {
				n += i.Size()
			}
		}
		return nil
	})
	return n
}

func megabytes(n int64) string { return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20) }

// writeFailed is the one line an import stopped by a failed write reports,
// after removing what it wrote.
func writeFailed(lib media.Library) error {
	files, bytes := lib.Written()
	cause := lib.WriteFailure()
	err := lib.RemoveWritten()
	what := fmt.Sprintf("writing photos failed: %v; the %d files written (%s) were removed, nothing was changed", cause, files, megabytes(bytes))
	if err != nil {
		what = fmt.Sprintf("writing photos failed: %v; removing the %d files written failed too: %v", cause, files, err)
	}
	if isNoSpace(cause) {
		return fmt.Errorf("%w: %s", ErrNoSpace, what)
	}
	return errors.New(what)
}

// saveFailed is the one line an import whose catalogue could not be saved
// reports, after removing the photos it wrote (the database rolled back).
func saveFailed(err error, lib media.Library) error {
	files, bytes := lib.Written()
	if rerr := lib.RemoveWritten(); rerr != nil {
		return fmt.Errorf("%w; and removing the %d photo files written failed: %v", err, files, rerr)
	}
	what := fmt.Errorf("%w; the %d photo files written (%s) were removed, nothing was changed", err, files, megabytes(bytes))
	if isNoSpace(err) {
		return fmt.Errorf("%w: %w", ErrNoSpace, what)
	}
	return what
}

// isNoSpace reports a full disk, as the system or SQLite ("database or disk
// is full") says it.
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "disk is full")
}
