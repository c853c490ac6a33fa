package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
)

// Staff choose the language of staff mode in Settings: saved, staff mode
// speaks it at once (tabs, the saved note), it survives a restart, and the
// visitors' language is not touched.
func TestStaffLanguageIsASetting(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	vi, en := f.k.msg.T(data.VI, "staff.tab_settings"), f.k.msg.T(data.EN, "staff.tab_settings")
	test.Tap(button(t, f.k, vi))
	english := buttonsIn(f.k.staff.panel.body, languageNames[data.EN])
	if len(english) != 3 { // offered, default, staff
		t.Fatalf("%d English buttons in Settings, want 3", len(english))
	}
	test.Tap(english[2])
	test.Tap(button(t, f.k, f.k.msg.T(data.VI, "settings.save")))
	if !onScreen(f.k, en) || onScreen(f.k, vi) {
		t.Errorf("staff mode still speaks Vietnamese after choosing English")
	}
	if !onScreen(f.k, f.k.msg.T(data.EN, "settings.saved")) {
		t.Errorf("no saved note in English")
	}
	if f.k.Lang() != data.VI {
		t.Errorf("the visitors' language changed to %s", f.k.Lang())
	}
	got, err := f.st.Settings(context.Background())
	if err != nil || got.StaffLang != data.EN {
		t.Errorf("stored staff language %q, %v", got.StaffLang, err)
	}
}
