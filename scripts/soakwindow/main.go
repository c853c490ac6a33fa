// Command soakwindow is the real-window soak (`make soak-window`): it starts
// Xvfb and the real ocopkiosk binary, drives it as visitors do with xdotool
// (taps, drags, flicks, Back, Home, languages, the staff gesture with a
// wrong PIN, staff mode's Exit–Cancel–Leave sequence, idle resets), samples
// the kiosk's proportional set size and the screen, and fails on a crash, a
// freeze (the screen unchanged for 5 s while actions land, and still
// unchanged after a probe), a window wider than the screen, a blank screen,
// or memory over the targets in BENCHMARKS.md.
//
// It is a separate program, not part of the kiosk: it needs Xvfb, xdotool and
// ImageMagick's import, which `make test-deps` installs.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// config is what one soak does.
type config struct {
	bin, db, out  string
	actions       int
	width, height int
	rest          time.Duration
	idle          time.Duration
	sampleEvery   int
	seed          int64
	pin           string
	peakMiB       float64
	restFactor    float64
	maxTime       time.Duration
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "bin/ocopkiosk", "the kiosk binary")
	flag.StringVar(&c.db, "db", "", "the kiosk's database (made from the built-in sample when it does not exist)")
	flag.StringVar(&c.out, "out", "out/soak-window", "where the log, samples and screenshots go")
	flag.IntVar(&c.actions, "actions", 300, "visitor actions to send")
	size := flag.String("size", "1920x1080", "the screen size")
	flag.DurationVar(&c.rest, "rest", 2*time.Minute, "quiet time after the actions before the last memory reading")
	flag.DurationVar(&c.idle, "idle", 15*time.Second, "the kiosk's idle timeout (idle resets happen during the soak)")
	flag.IntVar(&c.sampleEvery, "sample-every", 100, "read memory and the window's size every N actions")
	flag.Int64Var(&c.seed, "seed", 1, "random seed for the actions")
	flag.Float64Var(&c.peakMiB, "max-peak", 300, "fail if PSS peaks above this many MiB")
	flag.Float64Var(&c.restFactor, "max-rest", 1.15, "fail if PSS after the rest is above this times the first screen's")
	flag.DurationVar(&c.maxTime, "max-time", 0, "stop sending actions after this long (the soak then fails as incomplete); 0: no limit")
	flag.Parse()
	if _, err := fmt.Sscanf(*size, "%dx%d", &c.width, &c.height); err != nil {
		fmt.Fprintln(os.Stderr, "soakwindow: --size wants WxH, e.g. 1920x1080")
		os.Exit(2)
	}
	c.pin = "258036"
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "soakwindow:", err)
		os.Exit(1)
	}
	if c.db == "" {
		c.db = filepath.Join(c.out, "soak.db")
	}
	res, err := soak(c)
	if res != nil {
		res.print(os.Stdout, c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "soakwindow: FAIL:", err)
		os.Exit(1)
	}
	fmt.Println("soakwindow: PASS")
}
