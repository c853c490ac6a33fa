package ui

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/assets"
	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/i18n"
)

// sampleDB is a database with the built-in sample content, imported once
// for all the tests of this package (each test opens its own store on a copy).
var sampleDB string

func TestMain(m *testing.M) {
	if os.Getenv("FYNE_CACHE") == "" {
		// Fyne keeps a widget's renderer for a minute after it was last
		// drawn, and reads how long once, at start. These tests (the soak
		// above all) pass a visitor's day in seconds, so they run again in
		// a child process whose renderers expire after a second, as they
		// would for a kiosk between visitors.
		cmd := exec.Command(os.Args[0], os.Args[1:]...)
		cmd.Env = append(os.Environ(), "FYNE_CACHE=1s")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			if exit, ok := err.(*exec.ExitError); ok {
				os.Exit(exit.ExitCode())
			}
			panic(err)
		}
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "ui-test-")
	if err != nil {
		panic(err)
	}
	sampleDB = filepath.Join(dir, "sample.db")
	st, err := data.Open(sampleDB)
	if err != nil {
		panic(err)
	}
	if _, err := pack.ImportFS(context.Background(), st, assets.Sample(), pack.Options{}); err != nil {
		panic(fmt.Sprintf("import sample: %v", err))
	}
	st.Close()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

// newTestKiosk opens the sample store and a kiosk in a 1920×1080 test window.
func newTestKiosk(t *testing.T) (*Kiosk, fyne.Window, *fakeClock) {
	t.Helper()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(Theme())
	st, err := data.Open(sampleDB)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &fakeClock{now: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	k := New(st, i18n.MustLoad(), Options{Now: clock.Now, SyncPhotos: true, Animate: runAllFrames})
	w := test.NewTempWindow(t, k.Root())
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1920, 1080))
	return k, w, clock
}

// runAllFrames plays an animation to its end at once, on the test's goroutine.
func runAllFrames(frame func() bool) {
	for i := 0; i < 1000 && frame(); i++ {
	}
}

// texts lists every text on screen.
func texts(k *Kiosk) []string {
	var out []string
	walk(k.Root(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			out = append(out, x.Text)
		case *widget.Label:
			out = append(out, x.Text)
		case *touchButton:
			out = append(out, x.text)
		case *storyText: // its lines are canvas.Texts too; this is the whole
			out = append(out, x.text())
		}
	})
	return out
}

func onScreen(k *Kiosk, s string) bool {
	for _, t := range texts(k) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// button finds a touchButton by its text.
func button(t *testing.T, k *Kiosk, text string) *touchButton {
	t.Helper()
	found := buttonIfAny(k, text)
	if found == nil {
		t.Fatalf("no button %q on screen %v", text, k.Current())
	}
	return found
}

// card finds the tap card that shows text.
func card(t *testing.T, k *Kiosk, text string) *tapCard {
	t.Helper()
	var found *tapCard
	walk(k.Root(), func(o fyne.CanvasObject) {
		c, ok := o.(*tapCard)
		if !ok || found != nil {
			return
		}
		walk(c.content, func(inner fyne.CanvasObject) {
			if l, ok := inner.(*widget.Label); ok && l.Text == text {
				found = c
			}
			if l, ok := inner.(*canvas.Text); ok && l.Text == text {
				found = c
			}
		})
	})
	if found == nil {
		t.Fatalf("no card showing %q on screen %v", text, k.Current())
	}
	return found
}

func firstOf[T fyne.CanvasObject](k *Kiosk) T {
	var found T
	var done bool
	walk(k.Root(), func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok && !done {
			found, done = x, true
		}
	})
	return found
}

func sampleFS() fs.FS { return assets.Sample() }

// mainScroll is the scroll of the screen on show whose position is kept.
func mainScroll(k *Kiosk) *container.Scroll {
	if a, ok := k.shownEnv.mainScroll.(scrollAdapter); ok {
		return a.s
	}
	return nil
}
