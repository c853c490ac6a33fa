package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// The starting screen says what is happening in every visitor language,
// and its bar appears with the first progress an import reports.
func TestStartingScreenSaysSoInEveryLanguageAndShowsProgress(t *testing.T) {
	test.NewTempApp(t)
	msg := i18n.MustLoad()
	s := NewStarting(msg)
	w := test.NewTempWindow(t, s.Object())
	w.Resize(fyne.NewSize(1080, 1920))
	shown := map[string]bool{}
	walk(s.Object(), func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok {
			shown[x.Text] = true
		}
	})
	for _, l := range data.Languages {
		if want := msg.T(l, "start.preparing"); !shown[want] {
			t.Errorf("the starting screen does not say %q (%s)", want, l)
		}
	}
	if s.bar.Visible() {
		t.Error("the bar shows before any progress")
	}
	s.SetProgress(0.5)
	if !s.bar.Visible() || s.bar.Value != 0.5 {
		t.Errorf("after progress 0.5 the bar is visible=%v at %v", s.bar.Visible(), s.bar.Value)
	}
}
