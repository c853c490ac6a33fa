//go:build unix

package fleetlab

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in its own process group, so that killGroup stops
// Syncthing and any process it started (it may run itself as a monitor
// and a child).
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func killGroup(cmd *exec.Cmd) { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
