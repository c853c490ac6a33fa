//go:build unix

package data_test

import (
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"ocopkiosk/data"
)

// The database, its WAL and the photos are private to the kiosk's user
// whatever the umask, and files an earlier version made readable by all are
// made private when the database is opened.
func TestDataFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0) // the most permissive: nothing is taken away
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "ocop", "data")
	path := filepath.Join(dir, "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RecordEvents(ctx, []data.Event{{Session: 1, Kind: data.EventSessionStart}}); err != nil {
		t.Fatal(err)
	}
	if err := st.Photos().Add("0123abcd", []byte("the original's bytes"), image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	photos := 0
	mode := func(p string) fs.FileMode {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return info.Mode().Perm()
	}
	for p, want := range map[string]fs.FileMode{dir: 0o700, filepath.Dir(dir): 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600} {
		if got := mode(p); got != want {
			t.Errorf("%s is %o, want %o", p, got, want)
		}
	}
	filepath.WalkDir(st.MediaDir(), func(p string, d fs.DirEntry, err error) error {
		photos++
		if err == nil && mode(p)&0o077 != 0 {
			t.Errorf("%s is %o; want nothing for group and others", p, mode(p))
		}
		return nil
	})
	if photos < 4 {
		t.Errorf("the media folder holds %d entries; want the folder and 3 files at least", photos)
	}
	st.Close()

	// As an earlier version left them.
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Chmod(p, 0o644)
	}
	os.Chmod(st.MediaDir(), 0o755)
	st, err = data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, p := range []string{path, st.MediaDir()} {
		if got := mode(p); got&0o077 != 0 {
			t.Errorf("after reopening, %s is %o", p, got)
		}
	}
}
