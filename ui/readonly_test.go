package ui

import (
	"strings"
	"testing"
)

func TestStaffModeSaysWhyNothingCanBeSavedOnAReadOnlyDisk(t *testing.T) {
	f := newStaffKiosk(t)
	f.k.opt.ReadOnly = "the disk is read-only: /media/kiosk"
	f.unlock(t)
	want := f.k.t("staff.read_only", "Reason", f.k.opt.ReadOnly)
	if !onScreen(f.k, want) {
		t.Fatalf("staff mode does not say %q; it shows %s", want, strings.Join(texts(f.k), " | "))
	}
	f.k.opt.ReadOnly = ""
	f.k.leaveStaff()
	f.unlock(t)
	if onScreen(f.k, want) {
		t.Error("the read-only note shows on a writable disk")
	}
}
