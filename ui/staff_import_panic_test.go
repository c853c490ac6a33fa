package ui

import (
	"context"
	"strings"
	"testing"

	"ocopkiosk/data/pack"
)

// panickyStaff is a staff backend whose import panics, standing for any
// fault not yet found in reading a pack.
type panickyStaff struct{ StaffBackend }

func (panickyStaff) ImportPack(context.Context, string, func(pack.Progress)) error {
	panic("a fault in the reader")
}

// An import runs on its own goroutine; a panic there used to end the whole
// kiosk. It is an import failure with a message, and the kiosk goes on.
func TestStaffImportSurvivesAPanic(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	k.opt.Staff = panickyStaff{k.opt.Staff}
	<-k.staff.panel.content.importPack(t.TempDir())
	found := false
	for _, s := range texts(k) {
		found = found || strings.Contains(s, "import stopped by an internal error (a fault in the reader)")
	}
	if !found {
		t.Fatalf("no message about the failed import: %q", texts(k))
	}
	if !k.inStaffMode() {
		t.Error("the failed import left staff mode")
	}
}
