package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func TestOpenChecksTheHeaderCheaply(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	st, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"not a database": append([]byte("PK\x03\x04 a zip, not a database"), make([]byte, 4096)...),
		"torn":           b[:len(b)-100],
		"short":          b[:50],
	}
	for name, content := range cases {
		path := filepath.Join(dir, name+".db")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(path); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: Open = %v, want ErrCorrupt", name, err)
		}
	}
}

func TestAnUncleanShutdownIsNoticedFromTheInUseRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if uncleanShutdown(path) {
		t.Fatal("a database never marked counts as shut down uncleanly")
	}
	if err := st.MarkInUse(); err != nil {
		t.Fatal(err)
	}
	if !uncleanShutdown(path) {
		t.Error("a record of this very process, found at open, is not an unclean shutdown (a restart without closing)")
	}
	st.Close()
	if _, err := os.Stat(inUseMarker(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Close left the in-use record: %v", err)
	}
	if uncleanShutdown(path) {
		t.Error("a cleanly closed database counts as shut down uncleanly")
	}
	write := func(pid int) {
		if err := os.WriteFile(inUseMarker(path), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if runtime.GOOS != "windows" { // process 1 is init only on Unix
		write(1) // init: alive, another process using the database now
		if uncleanShutdown(path) {
			t.Error("a database in use by a live process counts as shut down uncleanly")
		}
	}
	write(1 << 30) // no such process
	if !uncleanShutdown(path) {
		t.Error("a record left by a process that is gone is not an unclean shutdown")
	}
	// Open then runs the quick check, and still opens a healthy database.
	st, err = Open(path)
	if err != nil {
		t.Fatalf("Open after an unclean shutdown: %v", err)
	}
	st.Close()
}
