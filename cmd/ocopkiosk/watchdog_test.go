package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// notifySocket listens where systemd would, on a short path (a socket's
// name is limited to about 100 bytes, which t.TempDir can exceed).
func notifySocket(t *testing.T) (string, *net.UnixConn) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("systemd notifications are a Unix matter")
	}
	dir, err := os.MkdirTemp("", "sd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return path, conn
}

// receive reads one datagram, or returns "" after wait.
func receive(t *testing.T, conn *net.UnixConn, wait time.Duration) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(wait))
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		return ""
	}
	return string(buf[:n])
}

func TestSdNotifySendsOneDatagramInSystemdsFormat(t *testing.T) {
	path, conn := notifySocket(t)
	for _, state := range []string{"READY=1", "WATCHDOG=1"} {
		if err := sdNotify(path, state); err != nil {
			t.Fatal(err)
		}
		// sd_notify(3): the datagram is the bare assignment, no newline.
		if got := receive(t, conn, time.Second); got != state {
			t.Errorf("received %q, want %q", got, state)
		}
	}
	if err := sdNotify(filepath.Join(filepath.Dir(path), "nobody"), "READY=1"); err == nil {
		t.Error("no error for a socket nobody listens on")
	}
}

func TestWatchdogIntervalIsHalfWhatSystemdAsks(t *testing.T) {
	pid := 4242
	for _, c := range []struct {
		usec, pid string
		want      time.Duration
	}{
		{"", "", 0},
		{"30000000", "", 15 * time.Second},
		{"30000000", "4242", 15 * time.Second},
		{"30000000", "99", 0}, // meant for another process
		{"0", "", 0},
		{"soon", "", 0},
	} {
		env := map[string]string{"WATCHDOG_USEC": c.usec, "WATCHDOG_PID": c.pid}
		if got := watchdogInterval(func(k string) string { return env[k] }, pid); got != c.want {
			t.Errorf("WATCHDOG_USEC=%q WATCHDOG_PID=%q: %v, want %v", c.usec, c.pid, got, c.want)
		}
	}
}

// TestPingsStopWhenTheUILoopHangs runs startSystemdNotify with a stand-in
// for the UI loop: READY=1 and the pings come through it, and once it stops
// running callbacks the pings stop too, which is what lets systemd catch a
// hung kiosk.
func TestPingsStopWhenTheUILoopHangs(t *testing.T) {
	path, conn := notifySocket(t)
	t.Setenv("NOTIFY_SOCKET", path)
	t.Setenv("WATCHDOG_USEC", "40000") // a ping every 20 ms
	t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))

	queue := make(chan func(), 100)
	hang := make(chan struct{})
	go func() { // the UI loop
		for {
			select {
			case <-hang:
				return
			case f := <-queue:
				f()
			}
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	startSystemdNotify(ctx, func(f func()) { queue <- f }, func(err error) { t.Error(err) })

	if got := receive(t, conn, 5*time.Second); got != "READY=1" {
		t.Fatalf("first message %q, want READY=1", got)
	}
	for range 3 {
		if got := receive(t, conn, 5*time.Second); got != "WATCHDOG=1" {
			t.Fatalf("message %q, want WATCHDOG=1", got)
		}
	}
	close(hang)
	// A ping the loop was running as it stopped may still arrive; none
	// after that (the bound keeps a failing test from draining forever).
	for i := 0; i < 2 && receive(t, conn, 100*time.Millisecond) != ""; i++ {
	}
	if got := receive(t, conn, 200*time.Millisecond); got != "" {
		t.Errorf("%q sent with the UI loop hung", got)
	}
	if n := len(queue); n > 1 {
		t.Errorf("%d pings piled up behind the hung loop; want at most 1", n)
	}
}
