package fleet

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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
	Waiting        string    `json:"waiting,omitempty"`         // a pack on its way, and what it waits for
	LastHubOutage  string    `json:"last_hub_outage,omitempty"` // when the hub was last unreadable (from … to …)
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
func parseEvents(b []byte, day string) ([]data.DailyStat, error) {
	return parseEventsInterned(b, day, map[string]string{}, nil)
}

// parseEventsInterned is parseEvents sharing one copy of each metric name
// through intern. Most files have no quoted cell and are split by hand,
// several times faster than encoding/csv over a national fleet's 27,000
// files; a file with quotes (a search with a comma) goes through encoding/csv.
// The rows are appended to rows[:0], so a caller reading many files can
// reuse one slice.
func parseEventsInterned(b []byte, day string, intern map[string]string, rows []data.DailyStat) ([]data.DailyStat, error) {
	// Metrics are few and repeat on every line: one copy of each. Keys
	// are many (a fleet's 20,000 products): copying is cheaper than
	// looking each up.
	metric := func(b []byte) string {
		if s, ok := intern[string(b)]; ok { // no allocation to look up
			return s
		}
		s := string(b)
		if len(intern) < 64 {
			intern[s] = s
		}
		return s
	}
	rows = rows[:0]
	add := func(line int, day0, metricB, key, count, extra []byte) error {
		n, ok1 := atoi(count)
		x, ok2 := atoi(extra)
		if !ok1 || !ok2 {
			return fmt.Errorf("line %d: count %q, extra %q: expected whole numbers", line, count, extra)
		}
		if string(day0) != day {
			return fmt.Errorf("line %d: day %s in the file for %s", line, day0, day)
		}
		rows = append(rows, data.DailyStat{Day: day, Metric: metric(metricB), Key: string(key), Count: n, Extra: x})
		return nil
	}
	header := strings.Join(eventsHeader, ",")
	if bytes.IndexByte(b, '"') >= 0 {
		cr := csv.NewReader(bytes.NewReader(b))
		cr.FieldsPerRecord = len(eventsHeader)
		records, err := cr.ReadAll()
		if err != nil {
			return nil, err
		}
		if len(records) == 0 || strings.Join(records[0], ",") != header {
			return nil, fmt.Errorf("the first line is not %s", header)
		}
		for i, r := range records[1:] {
			if err := add(i+2, []byte(r[0]), []byte(r[1]), []byte(r[2]), []byte(r[3]), []byte(r[4])); err != nil {
				return nil, err
			}
		}
		return rows, nil
	}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	if string(bytes.TrimSuffix(first, []byte("\r"))) != header {
		return nil, fmt.Errorf("the first line is not %s", header)
	}
	var cells [5][]byte
	for line := 2; len(rest) > 0; line++ {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
		l = bytes.TrimSuffix(l, []byte("\r"))
		n := 0
		for n < 4 {
			i := bytes.IndexByte(l, ',')
			if i < 0 {
				break
			}
			cells[n], l = l[:i], l[i+1:]
			n++
		}
		if n != 4 || bytes.IndexByte(l, ',') >= 0 {
			return nil, fmt.Errorf("line %d does not have %d cells", line, len(eventsHeader))
		}
		cells[4] = l
		if err := add(line, cells[0], cells[1], cells[2], cells[3], cells[4]); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// atoi reads a whole number of at most 18 digits without allocating.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func mustJSON(v any) []byte {
	b, _ := json.MarshalIndent(v, "", "  ")
	return append(b, '\n')
}
