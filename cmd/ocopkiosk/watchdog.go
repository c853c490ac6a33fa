package main

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// The kiosk speaks systemd's notify protocol (sd_notify(3)) itself, a few
// lines instead of a dependency: when systemd starts it as a Type=notify
// service (deploy/ocopkiosk.service) it sets $NOTIFY_SOCKET, and expects
// "READY=1" once the kiosk is up and, with WatchdogSec=, "WATCHDOG=1" at
// least that often. A kiosk that stops pinging is killed and restarted.

// sdNotify sends one notification datagram to the socket systemd named.
// A name starting with "@" is an abstract socket; Go maps it the same way
// sd_notify does.
func sdNotify(socket, state string) error {
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: socket, Net: "unixgram"})
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}

// watchdogInterval is how often to ping systemd: half the watchdog time in
// $WATCHDOG_USEC, as sd_watchdog_enabled(3) advises, so that one late ping
// is not fatal. It is zero when there is no watchdog, or when
// $WATCHDOG_PID names another process (the variable leaked to a child).
func watchdogInterval(getenv func(string) string, pid int) time.Duration {
	usec, err := strconv.ParseInt(getenv("WATCHDOG_USEC"), 10, 64)
	if err != nil || usec <= 0 {
		return 0
	}
	if p := getenv("WATCHDOG_PID"); p != "" && p != strconv.Itoa(pid) {
		return 0
	}
	return time.Duration(usec) * time.Microsecond / 2
}

// startSystemdNotify tells systemd the kiosk is ready and keeps telling it
// the kiosk is alive, until ctx ends; it does nothing when systemd did not
// ask ($NOTIFY_SOCKET unset).
//
// Both messages are sent from callbacks that do runs on the UI goroutine
// (fyne.Do). The first runs only once the UI loop is running, that is after
// ShowAndRun has shown the window, so READY=1 means the window is up. The
// pings prove the UI loop itself is alive, not just some goroutine: if the
// UI hangs, the callbacks stop running, the pings stop, and systemd
// restarts the kiosk (with SIGABRT, so Go prints every goroutine's stack to
// the journal first). A ping is scheduled only when the previous one has
// run, so a hung loop does not pile them up.
func startSystemdNotify(ctx context.Context, do func(func()), logErr func(error)) {
	socket := os.Getenv("NOTIFY_SOCKET")
	if socket == "" {
		return
	}
	send := func(state string) {
		if err := sdNotify(socket, state); err != nil {
			logErr(errors.New("systemd notify " + state + ": " + err.Error()))
		}
	}
	every := watchdogInterval(os.Getenv, os.Getpid())
	// From another goroutine: called on the UI goroutine before the loop
	// runs, fyne.Do would run the callback at once, before the window.
	go func() {
		do(func() { send("READY=1") })
		if every <= 0 {
			return
		}
		var pending atomic.Bool
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if pending.CompareAndSwap(false, true) {
				do(func() {
					pending.Store(false)
					send("WATCHDOG=1")
				})
			}
		}
	}()
}
