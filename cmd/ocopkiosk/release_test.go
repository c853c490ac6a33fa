package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ocopkiosk/buildinfo"
)

func TestVersionCommandAndFlag(t *testing.T) {
	out, errOut, code := ocopkiosk(t, "version")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	in := buildinfo.Get()
	if !strings.HasPrefix(out, "OCOP Kiosk "+in.Version+" (build ") {
		t.Errorf("first line: %q", out)
	}
	for _, field := range []string{"commit:", "built:", "platform:", "Go:", "Fyne:", "SQLite:   3."} {
		if !strings.Contains(out, "\n"+field) {
			t.Errorf("no %q in\n%s", field, out)
		}
	}
	flagOut, _, code := ocopkiosk(t, "--version")
	if code != 0 || flagOut != out {
		t.Errorf("--version (exit %d) printed %q, version printed %q", code, flagOut, out)
	}
}

func TestKioskWithoutADisplaySaysSoInOneLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	free := 900 // a display number with no X server here (others may run Xvfb)
	for ; free < 999; free++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", free)); err != nil {
			break
		}
	}
	for _, c := range []struct{ display, want string }{
		{"", "no display: DISPLAY is not set"},
		{fmt.Sprintf(":%d", free), fmt.Sprintf("no X server on display :%d", free)},
	} {
		t.Setenv("DISPLAY", c.display)
		t.Setenv("WAYLAND_DISPLAY", "")
		_, errOut, code := ocopkiosk(t, "run", "--db", db)
		if code != 1 || !strings.HasPrefix(errOut, "ocopkiosk run: "+c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("DISPLAY=%q: exit %d, stderr %q", c.display, code, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the kiosk made a database before finding it had no display")
	}
}

func TestAFolderTheKioskCannotWriteIsOneLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := ocopkiosk(t, "stats", "--db", filepath.Join(file, "kiosk.db"))
	if code != 1 || !strings.Contains(errOut, "cannot use the data folder "+file) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if os.Geteuid() != 0 { // root writes anywhere
		locked := filepath.Join(dir, "locked")
		os.Mkdir(locked, 0o500)
		_, errOut, code = ocopkiosk(t, "stats", "--db", filepath.Join(locked, "kiosk.db"))
		if code != 1 || !regexp.MustCompile(`^ocopkiosk stats: no write access to .*locked for user \S+: `).MatchString(errOut) {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	}
}

// A read-only disk needs a mount: the test runs where it can mount a tmpfs
// (as root, as in CI) and is skipped elsewhere.
func TestReadOnlyDisk(t *testing.T) {
	mnt := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt).Run(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	existing := filepath.Join(mnt, "kiosk.db")
	os.WriteFile(existing, []byte("an existing database"), 0o644)
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
	_, errOut, code := ocopkiosk(t, "stats", "--db", filepath.Join(mnt, "new", "kiosk.db"))
	want := "ocopkiosk stats: cannot create the kiosk's database: " + filepath.Join(mnt, "new") + " is on a read-only disk"
	if code != 1 || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// An existing catalogue on a read-only disk (a locked-down image) is
	// the store's to open read-only: the check lets it through.
	if err := checkDataFolder(existing); err != nil {
		t.Errorf("existing database on a read-only disk: %v", err)
	}
}
