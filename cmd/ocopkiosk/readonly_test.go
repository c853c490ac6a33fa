package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain lets a test start the kiosk itself in a child process (the GL
// driver must own the process's main thread, which a test does not).
// mountReadOnlyCopy copies a database and its photos onto a small tmpfs
// and remounts it read-only, as a locked-down kiosk image is. It needs
// root (CI runs as root); elsewhere the test is skipped, saying why.
func mountReadOnlyCopy(t *testing.T, db string) string {
	t.Helper()
	dir := t.TempDir()
	mnt := filepath.Join(dir, "ro")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	if out, err := exec.Command("cp", "-r", db, db+".media", mnt).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v: %s", err, out)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v: %s", err, out)
	}
	if err := os.WriteFile(filepath.Join(mnt, "probe"), nil, 0o644); err == nil {
		t.Fatal("the copy is still writable")
	}
	return filepath.Join(mnt, filepath.Base(db))
}

// freeDisplay is an X display number with no server on it.
func freeDisplay(t *testing.T) string {
	for n := 180; n < 240; n++ {
		_, errSock := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
		_, errLock := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
		if os.IsNotExist(errSock) && os.IsNotExist(errLock) {
			return fmt.Sprintf(":%d", n)
		}
	}
	t.Skip("no free X display between :180 and :239")
	return ""
}

func TestKioskOnAReadOnlyDiskShowsTheCatalogue(t *testing.T) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed (make test-deps)")
	}
	// A database with the sample content, closed cleanly (checkpointed).
	db := filepath.Join(t.TempDir(), "kiosk.db")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"stats", "--db", db}, &out, &errb); code != 0 {
		t.Fatalf("make the database: %s", errb.String())
	}
	ro := mountReadOnlyCopy(t, db)

	display := freeDisplay(t)
	xvfb := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xvfb.Process.Signal(os.Interrupt); xvfb.Wait() }) // lets it remove its lock
	time.Sleep(time.Second)

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	kiosk := exec.Command(self)
	kiosk.Env = append(os.Environ(), "DISPLAY="+display, "LANG=C.UTF-8",
		"OCOP_TEST_RUN="+strings.Join([]string{"run", "--window", "--db", ro}, "\x1f"))
	var log lockedBuffer // written by the child's output copier, read here
	kiosk.Stdout, kiosk.Stderr = &log, &log
	if err := kiosk.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kiosk.Process.Kill(); kiosk.Wait() })

	// Home is drawn: the screen fills with more than one colour.
	shot := filepath.Join(t.TempDir(), "home.png")
	deadline := time.Now().Add(60 * time.Second)
	for {
		if kiosk.ProcessState != nil {
			t.Fatalf("the kiosk exited: %s", log.String())
		}
		grab := exec.Command("import", "-window", "root", "-format", "%k", "info:")
		grab.Env = append(os.Environ(), "DISPLAY="+display)
		colours, _ := grab.Output()
		if n := strings.TrimSpace(string(colours)); n != "" && n != "1" && n != "0" {
			c := exec.Command("import", "-window", "root", shot)
			c.Env = grab.Env
			c.Run()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing drawn within 60 s; the kiosk said:\n%s", log.String())
		}
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(time.Second)
	said := log.String()
	if !strings.Contains(said, "read-only") || strings.Contains(said, "migrate") {
		t.Errorf("the kiosk said:\n%s", said)
	}
	for _, bad := range []string{"locale", "readonly database", "unable to open", "record visitor events"} {
		if strings.Contains(said, bad) {
			t.Errorf("the kiosk said %q:\n%s", bad, said)
		}
	}
	t.Logf("Home on a read-only disk: %s", shot)
}

// lockedBuffer is a bytes.Buffer that a child process's output may be
// copied into while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
