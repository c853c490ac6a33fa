package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/canvas"
)

// The PIN pad, its title, keys and Cancel, is wholly on screen at every
// shape: at 1366x768 its title was above the screen and Cancel below it.
func TestThePINPadFitsEveryShape(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	if err := f.st.SetPIN(context.Background(), "482913"); err != nil {
		t.Fatal(err)
	}
	for _, size := range testShapes {
		f.w.Resize(size)
		k.hideOverlay()
		f.tapTitle(5)
		if k.staff.pad == nil {
			t.Fatal("five taps did not open the PIN pad")
		}
		name := fmt.Sprintf("%vx%v", size.Width, size.Height)
		overlayHolder = k.overlay
		seen := 0
		for _, p := range placeAll(k.Root(), size) {
			if p.layer != 1 {
				continue
			}
			r := p.at
			switch x := p.obj.(type) {
			case *canvas.Text:
				if x.Text == "" {
					continue
				}
				r = inkRect(x, p.at)
			case *touchButton:
			default:
				continue
			}
			seen++
			if r.x0 < 0 || r.y0 < 0 || r.x1 > size.Width || r.y1 > size.Height {
				t.Errorf("%s: %T at %v is outside the window", name, p.obj, r)
			}
		}
		if seen < 13 { // the title, ten digits, delete, OK, Cancel
			t.Errorf("%s: only %d texts and keys on the pad", name, seen)
		}
	}
}
