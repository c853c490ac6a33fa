// What a cold trial of staff mode found (audit details, time left, the
// retention setting), kept from coming back.
package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
)

// The audit log's details the kiosk writes itself read in the staff
// language; file names and pack titles stay as written.
func TestAuditDetailsInTheStaffLanguage(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.opt.StaffLang = data.JA
	e := k.newStaffEnv()
	for _, c := range []struct{ action, detail, want string }{
		{data.AuditImport, `command line: /media/USB/pack ("Làng nghề" version 2)`, "コマンドラインから: /media/USB/pack (「Làng nghề」バージョン 2)"},
		{data.AuditImport, "pack-broken (2 problems)", "pack-broken (問題 2 件)"},
		{data.AuditImport, "pack.zip", "pack.zip"},
		{data.AuditSettings, "staff language, idle time", e.st("settings.staff_lang") + ", " + e.st("settings.idle")},
	} {
		if got := e.auditDetail(c.action, c.detail); got != c.want {
			t.Errorf("%s %q reads %q, want %q", c.action, c.detail, got, c.want)
		}
	}
}

// The time an import has left is said only while it is 5 s or more: staff
// read "about 0 min 0 s left" as a stalled import.
func TestTimeLeftNeverSaysNothingLeft(t *testing.T) {
	if left, ok := timeLeft(10*time.Second, 99, 100); ok {
		t.Errorf("with one photo of 100 left, time left %v", left)
	}
	if left, ok := timeLeft(10*time.Second, 10, 100); !ok || left != 90*time.Second {
		t.Errorf("with 90 of 100 photos left after 10 s, time left %v, %v; want 1m30s", left, ok)
	}
}

// Staff set how long raw visitor events are kept in the Settings tab, as
// the staff guide says they can.
func TestStaffSetTheEventRetention(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	v := k.staff.panel.settings
	if !onScreen(k, k.st("settings.retention")) || !onScreen(k, k.sn("settings.days", 90)) {
		t.Fatalf("no retention setting in the Settings tab: %q", texts(k))
	}
	plus := buttonsIn(v.body, "+") // idle time, attract interval, retention
	test.Tap(plus[len(plus)-1])
	test.Tap(button(t, k, k.st("settings.save")))
	stored, _ := f.st.Settings(context.Background())
	if stored.EventRetentionDays != 120 {
		t.Errorf("retention stored: %d days, want 120", stored.EventRetentionDays)
	}
}
