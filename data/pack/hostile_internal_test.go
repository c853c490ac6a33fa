package pack

import (
	"bytes"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// ReadWithHosts reads the sheets and stories of a pack in fsys as Validate
// would with an allow-list (readConfig.allowedHosts), photos left out, and
// returns its problems. For the black-box tests in hostile_test.go, until
// Options carries the list.
func ReadWithHosts(fsys fs.FS, hosts []string) Problems {
	return readWith(fsys, readConfig{allowedHosts: hosts}).r.problems.sorted()
}

// endlessFS is a pack whose every file is endless and claims no size, like
// a device or a file that grows while it is read.
type endlessFS struct{ read *int64 }

func (e endlessFS) Open(name string) (fs.File, error) { return &endlessFile{read: e.read}, nil }

type endlessFile struct{ read *int64 }

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (f *endlessFile) Close() error               { return nil }
func (f *endlessFile) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'a'
	}
	*f.read += int64(len(b))
	return len(b), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "endless" }
func (endlessInfo) Size() int64        { return 0 }
func (endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

// A file that claims a small size but goes on and on is cut off at the
// limit: readLimited reads at most limit+1 bytes, and its buffer never grows
// past that.
func TestHostileReadLimitedStopsAtTheLimit(t *testing.T) {
	var read int64
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readLimited(endlessFS{&read}, "villages.csv", maxSheetBytes)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "file is too large (over 64 MB)") {
		t.Fatalf("readLimited of an endless file: %v", err)
	}
	if read > maxSheetBytes+1 {
		t.Errorf("read %d bytes of an endless file; at most %d wanted", read, maxSheetBytes+1)
	}
	// The buffer doubles from one byte up to the limit: under twice the
	// limit allocated in all, never more than the limit held at the end.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2*maxSheetBytes+8<<20 {
		t.Errorf("reading an endless file allocated %d MB", alloc>>20)
	}
}

// A file whose size is known is read into a buffer of exactly that size.
func TestHostileReadLimitedAllocatesTheSizeOnce(t *testing.T) {
	body := bytes.Repeat([]byte("x,"), 4<<20)
	fsys := fstest.MapFS{"a.csv": {Data: body}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b, err := readLimited(fsys, "a.csv", maxSheetBytes)
	runtime.ReadMemStats(&after)
	if err != nil || !bytes.Equal(b, body) {
		t.Fatalf("readLimited: %d bytes, %v", len(b), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(body))+1<<20 {
		t.Errorf("reading %d MB allocated %d MB", len(body)>>20, alloc>>20)
	}
}

// A folder or an odd file where a file is expected is a clear problem.
func TestHostileReadLimitedRefusesWhatIsNotAFile(t *testing.T) {
	fsys := fstest.MapFS{
		"villages.csv/x": {Data: []byte("x")},
		"pipe":           {Mode: fs.ModeNamedPipe},
	}
	if _, err := readLimited(fsys, "villages.csv", 10); err == nil || !strings.Contains(err.Error(), "this is a folder") {
		t.Errorf("a folder: %v", err)
	}
	if _, err := readLimited(fsys, "pipe", 10); err == nil || !strings.Contains(err.Error(), "not a plain file") {
		t.Errorf("a named pipe: %v", err)
	}
	if _, err := readLimited(endlessFS{new(int64)}, "x", 10); err == nil {
		t.Error("an endless file was read")
	}
}

func TestHostilePixelBudget(t *testing.T) {
	b := newPixelBudget(100)
	if got := b.acquire(1000, 100); got != 100 {
		t.Fatalf("a photo larger than the budget took %d, want all 100", got)
	}
	done := make(chan int)
	go func() { done <- b.acquire(10, 100) }()
	select {
	case <-done:
		t.Fatal("acquired pixels from an empty budget")
	case <-time.After(20 * time.Millisecond):
	}
	b.release(100)
	if got := <-done; got != 10 {
		t.Fatalf("acquired %d, want 10", got)
	}
	if got := b.acquire(0, 100); got != 1 {
		t.Fatalf("a photo with no pixels took %d, want 1", got)
	}
	b.release(1)
	b.release(10)
	if b.free != 100 {
		t.Fatalf("free = %d after all was released", b.free)
	}
}
