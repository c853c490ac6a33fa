package main

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// xserver is a private Xvfb display and the tools that act on it.
type xserver struct {
	display string
	cmd     *exec.Cmd
	w, h    int
	seed    maphash.Seed
}

// startX starts Xvfb on the first free display from :140.
func startX(w, h int) (*xserver, error) {
	for n := 140; n < 200; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		x := &xserver{display: ":" + strconv.Itoa(n), w: w, h: h, seed: maphash.MakeSeed()}
		x.cmd = exec.Command("Xvfb", x.display, "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
		if err := x.cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb (is it installed? make test-deps): %w", err)
		}
		for i := 0; i < 100; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return x, nil
			}
			time.Sleep(50 * time.Millisecond)
		}
		x.stop()
		return nil, fmt.Errorf("Xvfb %s did not start", x.display)
	}
	return nil, fmt.Errorf("no free X display between :140 and :199")
}

func (x *xserver) stop() {
	if x.cmd != nil && x.cmd.Process != nil {
		x.cmd.Process.Signal(os.Interrupt) // lets it remove its socket and lock
		x.cmd.Wait()
	}
}

func (x *xserver) env() []string { return append(os.Environ(), "DISPLAY="+x.display) }

// xdo runs one xdotool command line.
func (x *xserver) xdo(args ...string) error {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = x.env()
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

func (x *xserver) tap(px, py int) error {
	return x.xdo("mousemove", strconv.Itoa(px), strconv.Itoa(py), "click", "1")
}

// drag moves the pointer from one point to another with the button down, in
// steps, taking about `over` in all: slow for a drag, fast for a flick.
func (x *xserver) drag(x0, y0, x1, y1, steps int, over time.Duration) error {
	args := []string{"mousemove", strconv.Itoa(x0), strconv.Itoa(y0), "mousedown", "1"}
	pause := fmt.Sprintf("%.3f", over.Seconds()/float64(steps))
	for i := 1; i <= steps; i++ {
		args = append(args, "sleep", pause, "mousemove",
			strconv.Itoa(x0+(x1-x0)*i/steps), strconv.Itoa(y0+(y1-y0)*i/steps))
	}
	return x.xdo(append(args, "mouseup", "1")...)
}

// frame is one grab of the screen: a hash, and whether it is one colour.
type frame struct {
	hash  uint64
	blank bool
	// bar is true when the kiosk's red top bar is drawn (not the plain
	// "Preparing the content" screen of a first start).
	bar bool
}

// grab reads the whole screen as raw RGB.
func (x *xserver) grab() (frame, error) {
	cmd := exec.Command("import", "-window", "root", "-depth", "8", "rgb:-")
	cmd.Env = x.env()
	raw, err := cmd.Output()
	if err != nil {
		return frame{}, fmt.Errorf("grab the screen: %w", err)
	}
	if len(raw) < 3 {
		return frame{}, fmt.Errorf("grab the screen: %d bytes", len(raw))
	}
	first := raw[:3]
	blank := true
	for i := 3; i+3 <= len(raw); i += 3 * 97 { // a sample is enough: a real screen has text and photos
		if !bytes.Equal(raw[i:i+3], first) {
			blank = false
			break
		}
	}
	bar := false
	if at := (4*x.w + x.w/2) * 3; at+3 <= len(raw) {
		r, g, b := raw[at], raw[at+1], raw[at+2]
		bar = r > 110 && g < 90 && b < 90
	}
	return frame{hash: maphash.Bytes(x.seed, raw), blank: blank, bar: bar}, nil
}

// save writes the screen to a PNG.
func (x *xserver) save(path string) error {
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = x.env()
	return cmd.Run()
}

// windowSize is the size of the kiosk's window.
func (x *xserver) windowSize(pid int) (int, int, error) {
	cmd := exec.Command("xdotool", "search", "--pid", strconv.Itoa(pid), "--name", "OCOP Kiosk", "getwindowgeometry")
	cmd.Env = x.env()
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("find the kiosk's window: %w", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if g, ok := strings.CutPrefix(line, "Geometry: "); ok {
			var w, h int
			if _, err := fmt.Sscanf(g, "%dx%d", &w, &h); err == nil {
				return w, h, nil
			}
		}
	}
	return 0, 0, fmt.Errorf("no geometry in %q", out)
}
