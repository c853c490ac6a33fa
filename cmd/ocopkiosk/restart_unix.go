//go:build !windows

package main

import (
	"os"
	"syscall"

	"ocopkiosk/data"
)

// restartSelf starts the kiosk afresh in this process, after saving what
// is pending: staff chose Restart.
func restartSelf(events *data.Recorder, st *data.Store) error {
	events.Close()
	st.Close()
	return execSelf()
}

// execSelf replaces this process with a new start of the kiosk.
func execSelf() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return syscall.Exec(exe, os.Args, os.Environ())
}
