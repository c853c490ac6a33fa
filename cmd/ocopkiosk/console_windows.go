package main

import (
	"os"
	"syscall"
)

// The Windows build is a GUI program (linked with -H=windowsgui), so that
// no console window opens behind the kiosk. The staff commands
// (`ocopkiosk.exe stats`, `import`, ...) then attach to the console they
// were typed in, so their output shows there; when their output is
// redirected to a file or a pipe, that is left as it is.
func init() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer, a shortcut or at logon: no console
	}
	reopen := func(std int, f **os.File) {
		if h, err := syscall.GetStdHandle(std); err == nil && h != 0 && h != syscall.InvalidHandle {
			return // redirected
		}
		if c, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*f = c
		}
	}
	reopen(syscall.STD_OUTPUT_HANDLE, &os.Stdout)
	reopen(syscall.STD_ERROR_HANDLE, &os.Stderr)
	if h, err := syscall.GetStdHandle(syscall.STD_INPUT_HANDLE); err != nil || h == 0 || h == syscall.InvalidHandle {
		if c, err := os.Open("CONIN$"); err == nil {
			os.Stdin = c // set-pin reads the PIN from the console
		}
	}
}
