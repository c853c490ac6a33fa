package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// The staff bar holds six tabs on a kiosk in a fleet: on a small
// all-in-one or a portrait kiosk it must wrap, not push Leave and Exit (or
// any tab) off the screen or over one another.
func TestStaffBarFitsEveryShape(t *testing.T) {
	f := newStaffKiosk(t)
	f.k.opt.Fleet = &fakeFleet{view: syncedView()}
	f.unlock(t)
	ids := []string{"staff.title", "staff.tab_content", "staff.tab_translations", "staff.tab_analytics", "staff.tab_settings",
		"staff.tab_audit", "staff.tab_fleet", "staff.leave", "staff.exit"}
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920},
		{Width: 1366, Height: 768}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		f.w.Resize(size)
		for _, id := range ids[1:] {
			if !visibleLabel(f.k, size, f.k.msg.T(data.VI, id)) && !visibleText(f.k, size, f.k.msg.T(data.VI, id)) {
				t.Errorf("%v: %q is not wholly on screen", size, f.k.msg.T(data.VI, id))
			}
		}
		// The bar's own faults: what lies behind staff mode is the
		// visitor layout tests' business.
		for _, fault := range layoutFaults(f.k, size) {
			for _, id := range ids {
				if strings.Contains(fault, fmt.Sprintf("%q", f.k.msg.T(data.VI, id))) {
					t.Errorf("%v: %s", size, fault)
					break
				}
			}
		}
	}
}
