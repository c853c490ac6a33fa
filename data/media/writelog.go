package media

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// ErrStopped is what Add returns once a write has failed in a tracked
// import: the first failure stops the rest.
var ErrStopped = errors.New("stopped after a failed write")

// writeLog records the files an import wrote, and its first failed write.
type writeLog struct {
	mu      sync.Mutex
	paths   []string
	bytes   int64
	failure error
}

// TrackWrites returns the library recording every file it writes from now
// on, so that an import that cannot finish can take them back
// (RemoveWritten), and stopping at the first failed write (a full disk
// would otherwise fail once per photo).
func (l Library) TrackWrites() Library {
	l.log = &writeLog{}
	return l
}

func (l Library) wrote(path string, n int) {
	if l.log != nil {
		l.log.mu.Lock()
		l.log.paths = append(l.log.paths, path)
		l.log.bytes += int64(n)
		l.log.mu.Unlock()
	}
}

func (l Library) failed(err error) {
	if l.log != nil {
		l.log.mu.Lock()
		if l.log.failure == nil {
			l.log.failure = err
		}
		l.log.mu.Unlock()
	}
}

// WriteFailure is the first write that failed, or nil.
func (l Library) WriteFailure() error {
	if l.log == nil {
		return nil
	}
	l.log.mu.Lock()
	defer l.log.mu.Unlock()
	return l.log.failure
}

// Written says how many files, of how many bytes, were written.
func (l Library) Written() (files int, bytes int64) {
	if l.log == nil {
		return 0, 0
	}
	l.log.mu.Lock()
	defer l.log.mu.Unlock()
	return len(l.log.paths), l.log.bytes
}

// RemoveWritten deletes every file written since TrackWrites, and any
// half-written temporary file, so a failed import leaves the disk as it
// found it.
func (l Library) RemoveWritten() error {
	if l.log == nil {
		return nil
	}
	l.log.mu.Lock()
	paths := l.log.paths
	l.log.paths, l.log.bytes = nil, 0
	l.log.mu.Unlock()
	var first error
	dirs := map[string]bool{}
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = fmt.Errorf("remove %s: %w", p, err)
		}
		dirs[filepath.Dir(p)] = true
	}
	for d := range dirs {
		os.Remove(d) // only if now empty
	}
	os.Remove(l.Dir) // likewise
	return first
}
