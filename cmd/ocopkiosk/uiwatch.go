package main

import (
	"context"
	"fmt"
	"io"
	"runtime/pprof"
	"time"

	"ocopkiosk/data"
)

// restartAfterStall is what the kiosk does when its watchdog (ui.Watchdog)
// finds the window no longer drawn, or the UI goroutine silent: it writes
// why and every goroutine's stack to the log (the journal under systemd),
// then starts itself again. It runs on the watchdog's goroutine, since the
// UI goroutine may be the one stuck, so it does not wait for the UI: it
// flushes the visitor events and closes the database for at most a few
// seconds, then replaces the process (SQLite's journal makes that safe
// even if a write was under way). systemd's watchdog stays as the outer
// guard for a kiosk that cannot even do this.
func restartAfterStall(w io.Writer, reason string, events *data.Recorder, st *data.Store) {
	fmt.Fprintf(w, "watchdog: %s; restarting. Goroutines:\n", reason)
	pprof.Lookup("goroutine").WriteTo(w, 2)
	done := make(chan error, 1)
	go func() { done <- restartSelf(events, st) }()
	select {
	case err := <-done:
		fmt.Fprintf(w, "watchdog: restart failed: %v\n", err)
	case <-time.After(5 * time.Second):
		// Closing waited on a stuck query: restart without it.
		fmt.Fprintf(w, "watchdog: closing the database took too long; restarting anyway: %v\n", execSelf())
	}
}

// watchUI runs the kiosk's watchdog until ctx ends.
func watchUI(ctx context.Context, watch interface {
	Run(context.Context, func(string))
}, w io.Writer, events *data.Recorder, st *data.Store) {
	watch.Run(ctx, func(reason string) { restartAfterStall(w, reason, events, st) })
}
