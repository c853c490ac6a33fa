package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
)

// checkDisplay says, before Fyne tries and panics, why the kiosk cannot
// open a window: it was started outside a graphical session (over SSH, from
// a service without DISPLAY) or before the X server is up.
func checkDisplay() error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return nil
	}
	display := os.Getenv("DISPLAY")
	if display == "" {
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			return fmt.Errorf("no X display: DISPLAY is not set, and this build needs X (under Wayland, Xwayland provides it; see docs/install.md)")
		}
		return fmt.Errorf("no display: DISPLAY is not set; start the kiosk in a graphical session (docs/install.md), or use a command such as `ocopkiosk stats`")
	}
	// A local display ":N" has its server's socket in /tmp/.X11-unix.
	if strings.HasPrefix(display, ":") {
		n, _, _ := strings.Cut(display[1:], ".")
		if _, err := os.Stat(filepath.Join("/tmp/.X11-unix", "X"+n)); err != nil {
			return fmt.Errorf("no X server on display %s (/tmp/.X11-unix/X%s is missing): is the graphical session running?", display, n)
		}
	}
	return nil
}

// openWindow makes the kiosk's window. GLFW panics when the display cannot
// be opened (a server that refuses us, a missing OpenGL); that becomes one
// line and a non-zero exit instead of a stack dump.
func openWindow(a fyne.App, title string) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot open a window on display %q: %v", os.Getenv("DISPLAY"), r)
		}
	}()
	return a.NewWindow(title), nil
}
