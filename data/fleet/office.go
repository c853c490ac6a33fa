package fleet

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"ocopkiosk/data"
)

// SilentAfter is how long without a status.json before the office flags a
// kiosk as silent.
const SilentAfter = 15 * time.Minute

// KioskRow is one kiosk as the office sees it.
type KioskRow struct {
	KioskID string  `json:"kiosk_id"`
	Status  *Status `json:"status,omitempty"` // nil when none could be read
	// Flags say what needs a person's attention: "silent for 2h10m",
	// "on an old pack (v6; v7 is published)", "refused 2 pack(s)", "error: …".
	Flags []string `json:"flags"`
}

// FleetStatus is every kiosk of a hub, and the files that could not be read.
type FleetStatus struct {
	At       time.Time  `json:"at"`
	Newest   int        `json:"newest_version"` // the highest version published for all centres
	Kiosks   []KioskRow `json:"kiosks"`
	Warnings []string   `json:"warnings"`
}

// ReadFleetStatus reads every kiosk's status.json in the hub. A damaged or
// missing file is a warning naming it, and its kiosk is flagged.
func ReadFleetStatus(hub Hub, now time.Time) (FleetStatus, error) {
	st := FleetStatus{At: now.UTC(), Kiosks: []KioskRow{}, Warnings: []string{}}
	published, bad := Published(hub)
	for _, err := range bad {
		st.Warnings = append(st.Warnings, err.Error())
	}
	ids, err := kioskIDs(hub)
	if err != nil {
		return st, err
	}
	for _, id := range ids {
		row := KioskRow{KioskID: id, Flags: []string{}}
		path := hub.Status(id)
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			row.Flags = append(row.Flags, "no status yet")
			st.Kiosks = append(st.Kiosks, row)
			continue
		}
		if err == nil {
			row.Status, err = ParseStatus(b)
		}
		if err != nil {
			st.Warnings = append(st.Warnings, fmt.Sprintf("%s: skipped: %v", path, err))
			row.Flags = append(row.Flags, "no readable status")
			st.Kiosks = append(st.Kiosks, row)
			continue
		}
		s := row.Status
		if age := now.Sub(s.WrittenAt); age > SilentAfter {
			row.Flags = append(row.Flags, "silent for "+age.Round(time.Minute).String())
		}
		newest := newestFor(published, s.Centre, now)
		if newest > s.PackVersion {
			row.Flags = append(row.Flags, fmt.Sprintf("on an old pack (v%d; v%d is published for it)", s.PackVersion, newest))
		}
		if newest > st.Newest {
			st.Newest = newest
		}
		if n := alarming(s.Refused, s.PackVersion); n > 0 {
			row.Flags = append(row.Flags, fmt.Sprintf("refused %d pack(s)", n))
		}
		if s.LastError != "" {
			row.Flags = append(row.Flags, "error: "+s.LastError)
		}
		st.Kiosks = append(st.Kiosks, row)
	}
	return st, nil
}

// alarming counts the refusals someone should look at: not the packs meant
// for other centres, nor old ones kept in the hub (not newer, or older than
// the pack the kiosk shows: an expired v7 under v12 is history).
func alarming(rs []Refusal, shown int) int {
	n := 0
	for _, r := range rs {
		old := r.Reason == ReasonNotNewer || r.Version > 0 && r.Version < shown
		if r.Reason != ReasonOtherCentre && !old {
			n++
		}
	}
	return n
}

// newestFor is the highest version published for a centre that a kiosk
// could still take: an expired pack is not counted.
func newestFor(ms []*Manifest, centre string, now time.Time) int {
	v := 0
	for _, m := range ms {
		if m.ForCentre(centre) && now.Before(m.Expires) && m.Version > v {
			v = m.Version
		}
	}
	return v
}

func kioskIDs(hub Hub) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(string(hub), KiosksDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hub kiosks folder: %w", err)
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && ValidID(e.Name()) {
			ids = append(ids, e.Name())
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// FleetReport is the analytics of every kiosk of a hub: in total and per
// centre, each a data.Report.
type FleetReport struct {
	Total    data.Report            `json:"total"`
	Centres  map[string]data.Report `json:"centres"`
	Kiosks   int                    `json:"kiosks"`
	Files    int                    `json:"files"` // events files counted
	Warnings []string               `json:"warnings"`
}

// ReadFleetReport adds up the events files of every kiosk for the days from
// from to to. A damaged file is left out whole, with a warning naming it. A
// kiosk's centre is the one its status.json names ("unknown" without one).
func ReadFleetReport(hub Hub, from, to time.Time, top int, names data.ItemNames) (FleetReport, error) {
	fr := FleetReport{Centres: map[string]data.Report{}, Warnings: []string{}}
	total, err := data.NewReportTotals(from, to)
	if err != nil {
		return fr, err
	}
	ids, err := kioskIDs(hub)
	if err != nil {
		return fr, err
	}
	first, last := from.Format("2006-01-02"), to.Format("2006-01-02")
	// Each worker reads and adds up whole kiosks into its own totals per
	// centre; they are merged at the end. Memory stays at one file's rows.
	type workerTotals struct {
		centres  map[string]*data.ReportTotals
		files    int
		warnings []string
	}
	jobs := make(chan string)
	workers := make([]workerTotals, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range workers {
		w := &workers[i]
		w.centres = map[string]*data.ReportTotals{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			intern := map[string]string{}
			for id := range jobs {
				readKioskEvents(hub, id, first, last, intern, func(centre string, rows []data.DailyStat, warning string) {
					if warning != "" {
						w.warnings = append(w.warnings, warning)
						return
					}
					w.files++
					ct := w.centres[centre]
					if ct == nil {
						ct, _ = data.NewReportTotals(from, to)
						w.centres[centre] = ct
					}
					for _, d := range rows {
						ct.Add(d)
					}
				})
			}
		}()
	}
	for _, id := range ids {
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	centres := map[string]*data.ReportTotals{}
	for _, w := range workers {
		fr.Files += w.files
		fr.Warnings = append(fr.Warnings, w.warnings...)
		for c, ct := range w.centres {
			if centres[c] == nil {
				centres[c], _ = data.NewReportTotals(from, to)
			}
			centres[c].Merge(ct)
		}
	}
	for _, ct := range centres {
		total.Merge(ct)
	}
	sort.Strings(fr.Warnings)
	fr.Kiosks = len(ids)
	if fr.Total, err = total.Report(top, names); err != nil {
		return fr, err
	}
	for c, ct := range centres {
		if fr.Centres[c], err = ct.Report(top, names); err != nil {
			return fr, err
		}
	}
	return fr, nil
}

// readKioskEvents reads one kiosk's events files of the days from first to
// last, giving each file's rows (or a warning naming a damaged file).
func readKioskEvents(hub Hub, id, first, last string, intern map[string]string, got func(centre string, rows []data.DailyStat, warning string)) {
	centre := "unknown"
	if b, err := os.ReadFile(hub.Status(id)); err == nil {
		if s, err := ParseStatus(b); err == nil && s.Centre != "" {
			centre = s.Centre
		}
	}
	dir := filepath.Join(hub.Kiosk(id), EventsDir)
	var buf []byte
	var rows []data.DailyStat // reused: got must not keep them
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		got(centre, nil, fmt.Sprintf("%s: skipped: %v", dir, err))
	}
	for _, e := range entries {
		day, ok := strings.CutSuffix(e.Name(), ".csv")
		if !ok || len(day) != 10 || day < first || day > last {
			continue
		}
		path := filepath.Join(dir, e.Name())
		var err error
		if buf, err = readInto(buf, path); err == nil {
			rows, err = parseEventsInterned(buf, day, intern, rows)
		}
		if err != nil {
			got(centre, nil, fmt.Sprintf("%s: skipped, damaged: %v", path, err))
			continue
		}
		got(centre, rows, "")
	}
}

// readInto reads a file into buf, reusing it when it is large enough.
func readInto(buf []byte, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
