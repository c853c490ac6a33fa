package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"log"

	"fyne.io/fyne/v2"
	"golang.org/x/image/draw"

	"ocopkiosk/data"
	"ocopkiosk/data/fleet"
	"ocopkiosk/ui"
)

// kioskFleet is the kiosk's fleet sync when it joined a fleet, else nil.
func kioskFleet(ctx context.Context, st *data.Store) *fleet.Syncer {
	cfg, err := fleet.LoadConfig(ctx, st)
	if err != nil {
		fyne.LogError("read the fleet settings", err)
		return nil
	}
	if !cfg.Joined() {
		return nil
	}
	s := &fleet.Syncer{Store: st, AppVersion: appVersion(), Log: func(line string) { log.Print("fleet: " + line) }}
	if err := s.Load(ctx); err != nil {
		fyne.LogError("load the fleet state", err)
		return nil
	}
	return s
}

// fleetOption is s for ui.Options (a nil interface, not a nil pointer, when off).
func fleetOption(s *fleet.Syncer) ui.FleetSync {
	if s == nil {
		return nil
	}
	return s
}

// startFleet runs the fleet sync beside the kiosk: content is swapped only
// while no visitor is there, and the screens reload after.
func startFleet(ctx context.Context, s *fleet.Syncer, k *ui.Kiosk, w fyne.Window) {
	if s == nil {
		return
	}
	s.Idle = k.VisitorAway
	s.OnApplied = k.ContentChanged
	s.Screen = func() []byte { return screenPicture(w) }
	go func() {
		if err := s.Run(ctx); err != nil {
			fyne.LogError(fmt.Sprintf("fleet sync stopped: %v", err), err)
		}
	}()
}

// screenPicture is the window's content, scaled to 640 px wide, as a JPEG:
// enough for the office to see what a kiosk shows, small enough to send
// from 300 kiosks every 5 minutes.
func screenPicture(w fyne.Window) []byte {
	var img image.Image
	fyne.DoAndWait(func() { img = w.Canvas().Capture() })
	if img == nil || img.Bounds().Dx() == 0 {
		return nil
	}
	b := img.Bounds()
	small := image.NewRGBA(image.Rect(0, 0, 640, 640*b.Dy()/b.Dx()))
	draw.ApproxBiLinear.Scale(small, small.Bounds(), img, b, draw.Src, nil)
	if blank(small) {
		// The GL driver's capture is all black under Xvfb with Mesa;
		// sending that would only mislead the office.
		return nil
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, small, &jpeg.Options{Quality: 75}); err != nil {
		return nil
	}
	return buf.Bytes()
}

// blank reports whether every pixel of img is black.
func blank(img *image.RGBA) bool {
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i]|img.Pix[i+1]|img.Pix[i+2] != 0 {
			return false
		}
	}
	return true
}
