//go:build windows

package main

import (
	"os"
	"os/exec"

	"ocopkiosk/data"
)

// restartSelf starts a new kiosk process and lets this one end: Windows
// cannot replace a running process.
func restartSelf(events *data.Recorder, st *data.Store) error {
	events.Close()
	st.Close()
	return startSelf()
}

// execSelf starts a new kiosk and ends this one.
func execSelf() error {
	if err := startSelf(); err != nil {
		return err
	}
	os.Exit(0)
	return nil
}

// startSelf starts a new kiosk process.
func startSelf() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Start()
}
