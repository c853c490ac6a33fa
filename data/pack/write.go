package pack

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"ocopkiosk/data"
)

// Write writes cat as a new pack folder at out, in the same format Export
// writes, for a catalogue that is not in a store (generated content, for
// instance). Each photo the catalogue names, by its Image.Source, is written
// with the bytes photo returns for that source; photo is called once per
// distinct source, from several goroutines at once, so that drawing photos
// uses every core. Nothing appears at out unless the whole pack was written.
//
// Unlike Export, Write does not sync each file to disk: what it writes can be
// made again, and an fsync per file would cost seconds for a large pack.
func Write(cat *data.Catalogue, out string, photo func(source string) ([]byte, error)) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("write pack: %s already exists; choose a new name", out)
	}
	if strings.EqualFold(filepath.Ext(out), ".zip") {
		return errors.New("write pack: only a folder can be written; zip it afterwards if needed")
	}
	files, err := textFiles(cat)
	if err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	var sources []string
	for source := range photoSources(cat) {
		// A path that leaves the pack would also be written outside it.
		if clean, err := cleanPath(source); err != nil || clean != source {
			return fmt.Errorf("write pack: photo path %q must be a clean path inside the pack", source)
		}
		sources = append(sources, source)
	}
	sort.Strings(sources) // map order is random; draw photos in a stable order

	tmp, err := os.MkdirTemp(filepath.Dir(out), ".write-*")
	if err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	dirs := map[string]bool{}
	put := func(name string, body []byte) error {
		dst := filepath.Join(tmp, filepath.FromSlash(name))
		if dir := filepath.Dir(dst); !dirs[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			dirs[dir] = true
		}
		return os.WriteFile(dst, body, 0o644)
	}
	for _, f := range files {
		if err := put(f.name, f.body); err != nil {
			return fmt.Errorf("write pack %s: %w", f.name, err)
		}
	}
	// Folders are made here, once, so the workers below only write files.
	for _, s := range sources {
		if dir := filepath.Join(tmp, filepath.FromSlash(s), ".."); !dirs[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("write pack: %w", err)
			}
			dirs[dir] = true
		}
	}
	if err := writePhotos(tmp, sources, photo); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("write pack: %w", err)
	}
	return nil
}

// writePhotos calls photo for every source on all cores and writes the
// results under dir; it stops at the first error.
func writePhotos(dir string, sources []string, photo func(string) ([]byte, error)) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		next     int
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr != nil || next >= len(sources) {
			return 0, false
		}
		next++
		return next - 1, true
	}
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr == nil {
			firstErr = err
		}
	}
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := take()
				if !ok {
					return
				}
				b, err := photo(sources[i])
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, filepath.FromSlash(sources[i])), b, 0o644)
				}
				if err != nil {
					fail(fmt.Errorf("write pack %s: %w", sources[i], err))
					return
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}
