package fleet

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"ocopkiosk/data"
)

// Status is a kiosk's status.json: its heartbeat to the office.
type Status struct {
	KioskID        string    `json:"kiosk_id"`
	Centre         string    `json:"centre"`
	AppVersion     string    `json:"app_version"`
	PackID         string    `json:"pack_id,omitempty"` // the fleet pack shown; empty for one loaded by hand
	PackVersion    int       `json:"pack_version"`
	PackTitle      string    `json:"pack_title,omitempty"`
	RolledBack     bool      `json:"rolled_back,omitempty"` // staff rolled back from a newer pack
	LastSync       time.Time `json:"last_sync"`             // the last look at the hub
	LastSyncResult string    `json:"last_sync_result"`      // in words
	LastError      string    `json:"last_error,omitempty"`
	Waiting        string    `json:"waiting,omitempty"` // a pack on its way, and what it waits for
	Refused        []Refusal `json:"refused"`
	FreeDiskBytes  int64     `json:"free_disk_bytes"` // on the kiosk's disk; -1 when unknown
	UptimeSeconds  int64     `json:"uptime_seconds"`
	DBSizeBytes    int64     `json:"db_size_bytes"`
	WrittenAt      time.Time `json:"written_at"`
}

// ParseStatus reads a status.json, refusing one that is damaged.
func ParseStatus(b []byte) (*Status, error) {
	var s Status
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("not a readable status.json: %w", err)
	}
	if !ValidID(s.KioskID) || s.WrittenAt.IsZero() {
		return nil, fmt.Errorf("not a kiosk status: no kiosk id or time of writing")
	}
	return &s, nil
}

// eventsHeader is the first line of an events file.
var eventsHeader = []string{"day", "metric", "key", "count", "extra"}

// marshalEvents writes one day's totals as CSV.
func marshalEvents(stats []data.DailyStat) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(eventsHeader)
	for _, d := range stats {
		w.Write([]string{d.Day, d.Metric, d.Key, strconv.Itoa(d.Count), strconv.Itoa(d.Extra)})
	}
	w.Flush()
	return buf.Bytes()
}

// parseEvents reads an events file for day whole, or says why it is damaged
// (then none of it counts: a total is never made of half a file).
func parseEvents(r io.Reader, day string, add func(data.DailyStat)) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(eventsHeader)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("no header: %w", err)
	}
	for i, h := range eventsHeader {
		if head[i] != h {
			return fmt.Errorf("header %v: expected %v", head, eventsHeader)
		}
	}
	var rows []data.DailyStat
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		n, err1 := strconv.Atoi(rec[3])
		x, err2 := strconv.Atoi(rec[4])
		if err1 != nil || err2 != nil || n < 0 {
			return fmt.Errorf("line %d: count %q, extra %q: expected whole numbers", line, rec[3], rec[4])
		}
		if rec[0] != day {
			return fmt.Errorf("line %d: day %s in the file for %s", line, rec[0], day)
		}
		rows = append(rows, data.DailyStat{Day: day, Metric: rec[1], Key: rec[2], Count: n, Extra: x})
	}
	for _, d := range rows {
		add(d)
	}
	return nil
}

func mustJSON(v any) []byte {
	b, _ := json.MarshalIndent(v, "", "  ")
	return append(b, '\n')
}
