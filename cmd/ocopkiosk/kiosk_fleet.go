package main

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"

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
func startFleet(ctx context.Context, s *fleet.Syncer, k *ui.Kiosk) {
	if s == nil {
		return
	}
	s.Idle = k.VisitorAway
	s.OnApplied = k.ContentChanged
	go func() {
		if err := s.Run(ctx); err != nil {
			fyne.LogError(fmt.Sprintf("fleet sync stopped: %v", err), err)
		}
	}()
}
