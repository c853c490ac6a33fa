package fleet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
	"ocopkiosk/lang"
)

// WriteStatus writes status.json to the kiosk's folder in the hub,
// atomically. A hub that is missing or full is noted, never fatal; the
// kiosk never creates the hub itself (it would end up on the wrong disk).
func (s *Syncer) WriteStatus(ctx context.Context) error {
	v := s.View()
	uptime := s.now().Sub(s.started)
	if !v.Joined {
		return nil
	}
	info, err := s.Store.PackInfo(ctx)
	if err != nil {
		return err // the store is closing (the kiosk stops): better no status than a wrong one
	}
	st := Status{KioskID: v.KioskID, Centre: v.Centre, AppVersion: s.AppVersion,
		PackVersion: info.Version, PackTitle: info.Title, RolledBack: v.RolledBack,
		LastSync: v.LastCheck.UTC(), LastSyncResult: v.LastResult, LastError: v.LastError.String(),
		Waiting: v.Waiting.String(), LastHubOutage: v.LastOutage, Refused: v.Refused, FreeDiskBytes: freeDisk(filepath.Dir(s.Store.Path())),
		UptimeSeconds: int64(uptime.Seconds()), WrittenAt: s.now().UTC()}
	if st.Refused == nil {
		st.Refused = []Refusal{}
	}
	if v.Current != nil {
		st.PackID = v.Current.PackID
	}
	if fi, err := os.Stat(s.Store.Path()); err == nil {
		st.DBSizeBytes = fi.Size()
	}
	err = s.writeToHub(v.Hub, Hub(v.Hub).Status(v.KioskID), mustJSON(st))
	// No picture in the first 30 s: the window may not be drawn yet.
	if err == nil && s.Screen != nil && s.now().Sub(s.shotAt) >= 5*time.Minute && s.now().Sub(s.started) >= 30*time.Second {
		if pic := s.Screen(); pic != nil {
			s.shotAt = s.now()
			err = s.writeToHub(v.Hub, filepath.Join(Hub(v.Hub).Kiosk(v.KioskID), ScreenshotFile), pic)
		}
	}
	if err != nil {
		// A full or vanished hub is a state to show, not a reason to stop.
		s.mu.Lock()
		var ph lang.Phrase
		if errors.As(err, &ph) {
			s.view.LastError = ph // the hub is missing or unreadable: say that first
		} else {
			s.view.LastError = lang.Phrasef("could not write to the hub: %v", err)
		}
		s.publish()
		s.mu.Unlock()
	}
	return err
}

// writeToHub writes one file of the kiosk's own hub folder, atomically.
func (s *Syncer) writeToHub(hub, path string, b []byte) error {
	if _, err := os.Stat(hub); err != nil {
		return hubError(hub, err)
	}
	if old, err := os.ReadFile(path); err == nil && string(old) == string(b) {
		return nil // unchanged: no work for Syncthing
	}
	if err := media.WriteFileAtomic(path, b); err != nil {
		return fmt.Errorf("write %s to the hub: %w", filepath.Base(path), err)
	}
	return nil
}

// exportEvents writes the events files of the last days days (today
// included), each whole; unchanged files are left alone. The days stay in
// the kiosk's database (90 days by default), so an office cut off for days
// gets them all once the hub is reachable again.
func (s *Syncer) exportEvents(ctx context.Context, days int) error {
	v := s.View()
	hub, id := Hub(v.Hub), v.KioskID
	now := s.now()
	from := now.AddDate(0, 0, -(days - 1)).Format("2006-01-02")
	stats, err := s.Store.DailyStats(ctx, from, now.Format("2006-01-02"))
	if err != nil {
		return err
	}
	byDay := map[string][]data.DailyStat{}
	for _, d := range stats {
		byDay[d.Day] = append(byDay[d.Day], d)
	}
	daysList := make([]string, 0, len(byDay))
	for d := range byDay {
		daysList = append(daysList, d)
	}
	sort.Strings(daysList)
	for _, day := range daysList {
		if err := s.writeToHub(string(hub), hub.Events(id, day), marshalEvents(byDay[day])); err != nil {
			return err
		}
	}
	return nil
}

// ExportEvents is exportEvents for the commands: the last days days.
func (s *Syncer) ExportEvents(ctx context.Context, days int) error { return s.exportEvents(ctx, days) }
