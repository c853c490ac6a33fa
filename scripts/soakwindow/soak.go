package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Freeze rule: the screen unchanged this long while at least freezeActions
// actions landed, and still unchanged after a probe that always changes a
// working kiosk's screen.
const (
	freezeAfter   = 5 * time.Second
	freezeActions = 3
	grabEvery     = 8 // actions between screen grabs
	// changeWait is how long a tap that must change the screen may take to
	// show, on a busy shared machine with a software renderer.
	changeWait = 6 * time.Second
)

// sample is one memory reading.
type sample struct {
	action  int
	at      time.Duration
	pssMiB  float64
	winW    int
	winH    int
	comment string
}

// result is what a soak found.
type result struct {
	samples   []sample
	actions   int
	took      time.Duration // the action phase
	freezes   int
	crashes   int
	blanks    int
	tooWide   int
	idleReset int
	staffRuns int
	problems  []string
}

func (r *result) first() float64 { return r.samples[0].pssMiB }
func (r *result) last() float64  { return r.samples[len(r.samples)-1].pssMiB }
func (r *result) peak() float64 {
	p := 0.0
	for _, s := range r.samples {
		p = max(p, s.pssMiB)
	}
	return p
}

// kiosk is the running binary.
type kiosk struct {
	cmd  *exec.Cmd
	done chan error
}

func (k *kiosk) alive() bool {
	select {
	case err := <-k.done:
		k.done <- err
		return false
	default:
		return true
	}
}

func soak(c config) (*result, error) {
	if err := setPIN(c); err != nil {
		return nil, err
	}
	x, err := startX(c.width, c.height)
	if err != nil {
		return nil, err
	}
	defer x.stop()
	k, err := startKiosk(c, x)
	if err != nil {
		return nil, err
	}
	defer func() {
		if k.alive() {
			k.cmd.Process.Kill()
			<-k.done
		}
	}()
	d := &driver{c: c, x: x, k: k, rng: rand.New(rand.NewSource(c.seed)), res: &result{}}
	if err := d.waitFirstScreen(); err != nil {
		return d.res, err
	}
	d.start = time.Now()
	d.measure(0, "first screen")
	err = d.run()
	d.res.took = time.Since(d.start)
	if err == nil {
		err = d.rest()
	}
	if err == nil {
		err = d.verdict()
	}
	return d.res, err
}

// setPIN gives the database a staff PIN, so that the soak's staff gesture
// meets a PIN pad that asks for it (and refuses a wrong one).
func setPIN(c config) error {
	cmd := exec.Command(c.bin, "set-pin", "--db", c.db)
	cmd.Stdin = strings.NewReader(c.pin + "\n" + c.pin + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("set the staff PIN: %v: %s", err, out)
	}
	return nil
}

func startKiosk(c config, x *xserver) (*kiosk, error) {
	log, err := os.Create(filepath.Join(c.out, "kiosk.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.bin, "run", "--db", c.db, "--idle", c.idle.String())
	cmd.Env = append(x.env(), "LANG=C.UTF-8")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the kiosk: %w", err)
	}
	k := &kiosk{cmd: cmd, done: make(chan error, 1)}
	go func() { k.done <- cmd.Wait(); log.Close() }()
	return k, nil
}

// driver sends the actions and watches the screen.
type driver struct {
	c     config
	x     *xserver
	k     *kiosk
	rng   *rand.Rand
	res   *result
	start time.Time

	lastFrame  frame
	lastChange time.Time
	sinceGrab  int // actions since the screen last changed
	logw       io.Writer
}

func (d *driver) waitFirstScreen() error {
	deadline := time.Now().Add(3 * time.Minute) // a cold start on a busy machine
	for time.Now().Before(deadline) {
		if !d.k.alive() {
			return d.crashed()
		}
		if f, err := d.x.grab(); err == nil && !f.blank && f.bar {
			time.Sleep(3 * time.Second) // photos load in the background
			d.lastFrame, _ = d.x.grab()
			d.lastChange = time.Now()
			return d.x.save(filepath.Join(d.c.out, "first.png"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	return errors.New("the kiosk drew nothing within 3 minutes")
}

func (d *driver) crashed() error {
	d.res.crashes++
	err := <-d.k.done
	d.k.done <- err
	return fmt.Errorf("the kiosk exited (%v); see %s", err, filepath.Join(d.c.out, "kiosk.log"))
}

// Screen positions, from the layout at any size: the top bar's buttons sit
// at fixed distances from its ends, overlays are centred.
func (d *driver) back() (int, int)  { return 60, 40 }
func (d *driver) home() (int, int)  { return 300, 40 }
func (d *driver) title() (int, int) { return d.c.width / 2, 40 }

// lang is a language button: vi en ko zh ja, measured from the right on a
// 1920x1080 screenshot (the same in every language since the bar plans
// for the widest Back and Home). Aa is right of them, at W-52; the soak
// leaves it alone, since large text moves the PIN pad and the staff
// sequence's buttons (before 2026-12-01 these offsets were one button to
// the right, so "Japanese" toggled large text and 11 of 27 staff
// sequences tapped beside Cancel).
func (d *driver) lang(i int) (int, int) {
	fromRight := []int{635, 502, 380, 272, 159}
	return d.c.width - fromRight[i], 40
}

// pinKey is a key of the centred PIN pad: digits 0-9, 10 = OK, 11 = Cancel.
// The pad sits lower since its card keeps a line for messages (measured on
// a 1920x1080 screenshot: the digit rows' centres at 504, 608, 712, 816).
func (d *driver) pinKey(key int) (int, int) {
	cx, cy := d.c.width/2, d.c.height/2
	switch key {
	case 0:
		return cx, cy + 276
	case 10:
		return cx + 158, cy + 276
	case 11:
		return cx, cy + 374
	}
	row, col := (key-1)/3, (key-1)%3
	return cx + (col-1)*159, cy - 36 + row*104
}

func (d *driver) run() error {
	f, err := os.Create(filepath.Join(d.c.out, "actions.log"))
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	d.logw = w
	resets := max(1, d.c.actions/4000)
	for i := 1; i <= d.c.actions; i++ {
		if d.c.maxTime > 0 && time.Since(d.start) > d.c.maxTime {
			d.res.problems = append(d.res.problems, fmt.Sprintf("stopped after %d of %d actions: --max-time %s", i-1, d.c.actions, d.c.maxTime))
			break
		}
		if !d.k.alive() {
			return d.crashed()
		}
		if err := d.act(i); err != nil {
			return err
		}
		if i%(d.c.actions/(resets+1)+1) == 0 {
			if err := d.idleReset(i); err != nil {
				return err
			}
		}
		if i%grabEvery == 0 || i == d.c.actions {
			if err := d.watch(i); err != nil {
				return err
			}
		}
		if i%d.c.sampleEvery == 0 {
			d.measure(i, "")
		}
		d.res.actions = i
	}
	return nil
}

// act sends one random visitor action.
func (d *driver) act(i int) error {
	r := d.rng.Float64()
	W, H := d.c.width, d.c.height
	var err error
	var what string
	switch {
	case i == 5 || r < 0.004: // the sequence that once froze the screen
		what = "staff exit-cancel-leave"
		err = d.staffExitCancel()
	case r < 0.01:
		what = "staff gesture, wrong PIN"
		err = d.staffWrongPIN()
	case r < 0.10:
		what = "back"
		err = d.x.tap(d.back())
	case r < 0.15:
		what = "home"
		err = d.x.tap(d.home())
	case r < 0.22:
		l := d.rng.Intn(5)
		what = "language " + strconv.Itoa(l)
		err = d.x.tap(d.lang(l))
	case r < 0.34:
		x0, y0 := 100+d.rng.Intn(W-200), H/2+d.rng.Intn(H/3)
		what = "drag"
		err = d.x.drag(x0, y0, x0, y0-100-d.rng.Intn(H/3), 6, 250*time.Millisecond)
	case r < 0.44:
		x0, y0 := 100+d.rng.Intn(W-200), H/3+d.rng.Intn(H/2)
		dy := 250 + d.rng.Intn(H/3)
		if d.rng.Intn(3) == 0 {
			dy = -dy
		}
		what = "flick"
		err = d.x.drag(x0, y0, x0, max(110, min(H-10, y0-dy)), 3, 45*time.Millisecond)
	default:
		px, py := 10+d.rng.Intn(W-20), 110+d.rng.Intn(H-120)
		what = fmt.Sprintf("tap %d,%d", px, py)
		err = d.x.tap(px, py)
	}
	fmt.Fprintf(d.logw, "%d %.1fs %s\n", i, time.Since(d.start).Seconds(), what)
	time.Sleep(time.Duration(30+d.rng.Intn(50)) * time.Millisecond)
	return err
}

// staffWrongPIN makes the staff gesture, types a wrong PIN, and cancels.
func (d *driver) staffWrongPIN() error {
	for j := 0; j < 5; j++ {
		if err := d.x.tap(d.title()); err != nil {
			return err
		}
		time.Sleep(80 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	for _, key := range []int{9, 9, 9, 9, 10, 11} {
		if err := d.x.tap(d.pinKey(key)); err != nil {
			return err
		}
		time.Sleep(120 * time.Millisecond)
	}
	return nil
}

// staffExitCancel is the sequence from issue 11: staff mode, Exit kiosk,
// Cancel, Leave staff mode, then visitor taps; the screen must change after
// each of them.
func (d *driver) staffExitCancel() error {
	d.res.staffRuns++
	for j := 0; j < 5; j++ {
		if err := d.x.tap(d.title()); err != nil {
			return err
		}
		time.Sleep(80 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	for _, r := range d.c.pin {
		if err := d.x.tap(d.pinKey(int(r - '0'))); err != nil {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	W, H := d.c.width, d.c.height
	steps := []struct {
		what string
		x, y int
	}{
		{"OK", 0, 0}, // filled below
		{"Exit kiosk", W - 84, 40},
		{"Cancel", W/2 - 292, (H+80)/2 + 6},
		{"Leave staff mode", W - 316, 40},
	}
	steps[0].x, steps[0].y = d.pinKey(10)
	for _, s := range steps {
		before, err := d.x.grab()
		if err != nil {
			return err
		}
		if err := d.x.tap(s.x, s.y); err != nil {
			return err
		}
		if !d.changes(before.hash, changeWait) {
			// The PIN may be locked out by earlier wrong ones: then the
			// pad stays, and the rest of the sequence only touches it.
			fmt.Fprintf(d.logw, "staff sequence: the screen did not change after %s\n", s.what)
			d.x.tap(d.pinKey(11)) // cancel a locked-out pad
			if s.what == "Cancel" {
				// Never leave the Exit question open: the next random
				// tap could answer it, and the kiosk would rightly quit.
				d.x.tap(s.x, s.y)
			}
			return nil
		}
		// A button's pressed look is a change too: wait for the screen
		// the tap opens (the Exit question) before tapping inside it.
		d.settle(300*time.Millisecond, changeWait)
	}
	// Then a visitor taps English, then Tiếng Việt: whichever language
	// the screen was in, at least one of the two changes it.
	changed := false
	for _, l := range []int{1, 0} {
		before, err := d.x.grab()
		if err != nil {
			return err
		}
		if err := d.x.tap(d.lang(l)); err != nil {
			return err
		}
		changed = d.changes(before.hash, changeWait) || changed
	}
	if !changed {
		// A PIN pad still open (a PIN refused, or locked out by earlier
		// wrong ones) rightly ignores the languages: Cancel it and try
		// again. Only a screen that none of this changes is frozen.
		before, err := d.x.grab()
		if err != nil {
			return err
		}
		d.x.tap(d.pinKey(11))
		if d.changes(before.hash, changeWait) {
			fmt.Fprintf(d.logw, "staff sequence: the PIN pad was still open\n")
			return nil
		}
		return d.freeze("after staff mode's Exit, Cancel, Leave: neither English, Tiếng Việt nor the PIN pad's Cancel changed the screen")
	}
	return nil
}

// settle waits, up to limit, until the screen stays the same for quiet.
func (d *driver) settle(quiet, limit time.Duration) {
	deadline := time.Now().Add(limit)
	last, err := d.x.grab()
	if err != nil {
		return
	}
	for time.Now().Before(deadline) {
		time.Sleep(quiet)
		f, err := d.x.grab()
		if err != nil || f.hash == last.hash {
			return
		}
		last = f
	}
}

// changes waits up to limit for the screen to differ from hash.
func (d *driver) changes(hash uint64, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if f, err := d.x.grab(); err == nil && f.hash != hash {
			d.lastFrame, d.lastChange, d.sinceGrab = f, time.Now(), 0
			return true
		}
	}
	return false
}

// watch grabs the screen and looks for a blank screen or a freeze.
func (d *driver) watch(i int) error {
	f, err := d.x.grab()
	if err != nil {
		return err
	}
	d.sinceGrab += grabEvery
	if f.blank {
		d.res.blanks++
		d.x.save(filepath.Join(d.c.out, fmt.Sprintf("blank-%d.png", i)))
		return fmt.Errorf("the screen is blank after action %d", i)
	}
	if f.hash != d.lastFrame.hash {
		d.lastFrame, d.lastChange, d.sinceGrab = f, time.Now(), 0
		return nil
	}
	if time.Since(d.lastChange) < freezeAfter || d.sinceGrab < freezeActions {
		return nil
	}
	if w, h, err := d.x.windowSize(d.k.cmd.Process.Pid); err == nil && (w > d.c.width || h > d.c.height) {
		d.res.tooWide++
		d.x.save(filepath.Join(d.c.out, fmt.Sprintf("too-big-%d.png", i)))
		return fmt.Errorf("the window is %dx%d on a %dx%d screen after action %d: its top bar is out of reach", w, h, d.c.width, d.c.height, i)
	}
	// Five seconds of taps that changed nothing: every action may have hit
	// a dead spot. Probe: Cancel where a PIN pad has it, Home, then a
	// language, then the other one; one of them changes any working
	// kiosk's screen.
	for _, l := range []int{1, 0} {
		d.x.tap(d.pinKey(11))
		time.Sleep(100 * time.Millisecond)
		d.x.tap(d.home())
		time.Sleep(100 * time.Millisecond)
		d.x.tap(d.lang(l))
		if d.changes(f.hash, changeWait) {
			return nil
		}
	}
	return d.freeze(fmt.Sprintf("the screen unchanged for %.0f s over %d actions and a probe", time.Since(d.lastChange).Seconds(), d.sinceGrab))
}

func (d *driver) freeze(what string) error {
	d.res.freezes++
	name := filepath.Join(d.c.out, fmt.Sprintf("freeze-%d.png", d.res.actions))
	d.x.save(name)
	return fmt.Errorf("freeze: %s (screen in %s)", what, name)
}

// idleReset leaves the kiosk alone past its idle timeout and countdown: the
// screen must change (the warning, then Home or the attract loop).
func (d *driver) idleReset(i int) error {
	d.res.idleReset++
	before, err := d.x.grab()
	if err != nil {
		return err
	}
	fmt.Fprintf(d.logw, "%d idle reset: waiting %s\n", i, d.c.idle+12*time.Second)
	time.Sleep(d.c.idle + 12*time.Second)
	if !d.changes(before.hash, changeWait) {
		return d.freeze("the idle reset did not change the screen")
	}
	return nil
}

// measure reads the kiosk's PSS and window size.
func (d *driver) measure(action int, comment string) {
	s := sample{action: action, at: time.Since(d.start), comment: comment}
	s.pssMiB, _ = pssMiB(d.k.cmd.Process.Pid)
	var err error
	s.winW, s.winH, err = d.x.windowSize(d.k.cmd.Process.Pid)
	if err == nil && (s.winW > d.c.width || s.winH > d.c.height) {
		d.res.tooWide++
		d.res.problems = append(d.res.problems, fmt.Sprintf("window %dx%d on a %dx%d screen at action %d", s.winW, s.winH, d.c.width, d.c.height, action))
	}
	d.res.samples = append(d.res.samples, s)
	d.x.save(filepath.Join(d.c.out, fmt.Sprintf("shot-%05d.png", action)))
	if f, ok := d.logw.(*bufio.Writer); ok {
		f.Flush()
	}
	if d.logw != nil {
		fmt.Fprintf(d.logw, "%d memory %.1f MiB, window %dx%d %s\n", action, s.pssMiB, s.winW, s.winH, comment)
	}
}

// rest leaves the kiosk quiet, reading memory three times.
func (d *driver) rest() error {
	for j := 1; j <= 3; j++ {
		time.Sleep(d.c.rest / 3)
		if !d.k.alive() {
			return d.crashed()
		}
		d.measure(d.res.actions, fmt.Sprintf("rest %s", d.c.rest*time.Duration(j)/3))
	}
	return nil
}

// verdict checks the figures against the targets.
func (d *driver) verdict() error {
	r := d.res
	if r.peak() > d.c.peakMiB {
		r.problems = append(r.problems, fmt.Sprintf("PSS peaked at %.0f MiB (target ≤ %.0f)", r.peak(), d.c.peakMiB))
	}
	if r.last() > r.first()*d.c.restFactor {
		r.problems = append(r.problems, fmt.Sprintf("PSS after the rest %.0f MiB is over %.0f%% of the first screen's %.0f MiB", r.last(), d.c.restFactor*100, r.first()))
	}
	if n := len(r.samples); n >= 3 {
		a, b, c := r.samples[n-3].pssMiB, r.samples[n-2].pssMiB, r.samples[n-1].pssMiB
		if b > a*1.01 && c > b*1.01 {
			r.problems = append(r.problems, fmt.Sprintf("PSS still rising over the last three readings: %.0f, %.0f, %.0f MiB", a, b, c))
		}
	}
	if log, err := os.ReadFile(filepath.Join(d.c.out, "kiosk.log")); err == nil {
		for _, line := range strings.Split(string(log), "\n") {
			if _, cause, ok := strings.Cut(line, "Cause: screen "); ok {
				r.tooWide++
				r.problems = append(r.problems, "the kiosk's layout check: screen "+cause)
			}
			if strings.HasPrefix(line, "watchdog: ") && !strings.HasPrefix(line, "watchdog: restart") {
				r.freezes++
				r.problems = append(r.problems, "the kiosk's own "+line)
			}
		}
	}
	if len(r.problems) > 0 {
		return errors.New(strings.Join(r.problems, "; "))
	}
	return nil
}

// pssMiB reads a process's proportional set size.
func pssMiB(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "Pss:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024, err
		}
	}
	return 0, errors.New("no Pss in smaps_rollup")
}

// print writes the figures BENCHMARKS.md quotes.
func (r *result) print(w io.Writer, c config) {
	fmt.Fprintf(w, "soakwindow: %s, %dx%d, %d actions in %s (%.1f actions/s)\n", c.db, c.width, c.height, r.actions, r.took.Round(time.Second), float64(r.actions)/max(r.took.Seconds(), 0.001))
	for _, s := range r.samples {
		fmt.Fprintf(w, "  action %5d  %7s  PSS %6.1f MiB  window %dx%d  %s\n", s.action, s.at.Round(time.Second), s.pssMiB, s.winW, s.winH, s.comment)
	}
	if len(r.samples) > 0 {
		fmt.Fprintf(w, "PSS first %.0f MiB, peak %.0f MiB, after rest %.0f MiB\n", r.first(), r.peak(), r.last())
	}
	fmt.Fprintf(w, "freezes %d, crashes %d, blank screens %d, window too wide %d, idle resets %d, staff exit-cancel sequences %d\n",
		r.freezes, r.crashes, r.blanks, r.tooWide, r.idleReset, r.staffRuns)
}
