package pack_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
	"ocopkiosk/data/pack"
	"ocopkiosk/data/synth"
)

// smallDisk mounts a tmpfs of size bytes, a disk too small for the pack.
// It needs root (CI runs as root); elsewhere the test is skipped, saying why.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		// Before any TempDir: under wine, a TempDir's removal fails and
		// would turn the skip into a failure.
		t.Skip("a small disk is a Linux tmpfs here")
	}
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// fullDiskFixture is a store on a 12 MB disk and a pack that needs more.
func fullDiskFixture(t *testing.T, size string) (*data.Store, string, string) {
	t.Helper()
	disk := smallDisk(t, size)
	packDir := filepath.Join(t.TempDir(), "pack")
	if _, err := synth.Write(synth.Config{Products: 120, Villages: 12, Tours: 8, Photos: 90, Seed: 3}, packDir); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(filepath.Join(disk, "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The new database's schema moves from the log into the file now,
	// so that "before" and "after" compare the import alone.
	if err := st.TruncateJournal(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st, disk, packDir
}

func free(t *testing.T, dir string) int64 {
	t.Helper()
	n, err := media.FreeBytes(dir)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportOntoATooSmallDiskIsRefusedFirst(t *testing.T) {
	st, disk, packDir := fullDiskFixture(t, "12m")
	before := free(t, disk)
	_, err := pack.Import(context.Background(), st, packDir, pack.Options{})
	if !errors.Is(err, pack.ErrNoSpace) {
		t.Fatalf("Import = %v, want ErrNoSpace", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "needs") || !strings.Contains(msg, "MB free") || strings.Contains(msg, "\n") {
		t.Errorf("want one line saying what is needed and what is free: %q", msg)
	}
	if after := free(t, disk); after != before {
		t.Errorf("free space %d before, %d after", before, after)
	}
	t.Log(msg)
}

func TestImportStoppedByAFullDiskRemovesWhatItWrote(t *testing.T) {
	// 12 MB: the photos fit, saving the catalogue fills the disk; 5 MB:
	// writing the photos does, and the first failed write stops the rest.
	for _, size := range []string{"12m", "5m"} {
		t.Run(size, func(t *testing.T) { testFullDiskCleanUp(t, size) })
	}
}

func testFullDiskCleanUp(t *testing.T, size string) {
	st, disk, packDir := fullDiskFixture(t, size)
	// The space check is told there is room: the disk fills while writing.
	t.Cleanup(pack.SetFreeBytes(func(string) (int64, error) { return 1 << 40, nil }))
	before := free(t, disk)
	_, err := pack.Import(context.Background(), st, packDir, pack.Options{})
	if !errors.Is(err, pack.ErrNoSpace) {
		t.Fatalf("Import = %v, want ErrNoSpace", err)
	}
	msg := err.Error()
	full := strings.Contains(msg, "no space left") || strings.Contains(msg, "disk is full")
	if !full || !strings.Contains(msg, "were removed") || strings.Contains(msg, "\n") {
		t.Errorf("want one line naming the full disk and the clean-up: %q", msg)
	}
	if after := free(t, disk); after != before {
		out, _ := exec.Command("sh", "-c", "ls -la "+disk+"; du -a "+disk+" | sort -n | tail -5").CombinedOutput()
		t.Errorf("free space %d before, %d after: the photos written stayed:\n%s", before, after, out)
	}
	if info, err := st.PackInfo(context.Background()); err != nil || info.Version != 0 {
		t.Errorf("the catalogue changed: %+v %v", info, err)
	}
	t.Log(msg)
}
