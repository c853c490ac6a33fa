package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Support asks which build a kiosk runs: staff mode's settings show it, as
// `ocopkiosk version` prints it.
func TestStaffSettingsShowWhichBuildThisIs(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	k.opt.About = "OCOP Kiosk 9.8.7 (build 3)\ncommit:   0123abcd (built with uncommitted changes)\n"
	test.Tap(button(t, k, k.t("staff.tab_settings")))
	if !onScreen(k, k.t("settings.about")) || !onScreen(k, "OCOP Kiosk 9.8.7 (build 3)") || !onScreen(k, "uncommitted") {
		t.Fatalf("the build is not shown: %q", texts(k))
	}
}
