package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"ocopkiosk/data"
)

const dateLayout = "2006-01-02"

// runReport prints the visitor analytics for a period. It only reads: raw
// events are pruned by the kiosk, never by a report.
func runReport(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	fromFlag := fs.String("from", "", "first `DATE` of the period, YYYY-MM-DD (default: 30 days before --to)")
	toFlag := fs.String("to", "", "last `DATE` of the period, YYYY-MM-DD, inclusive (default: today)")
	format := fs.String("format", "csv", "csv (for Excel) or json")
	top := fs.Int("top", 20, "at most `N` entries in each top list (0: all)")
	audit := fs.Bool("audit", false, "print the staff audit log (sign-ins, imports, settings, exits) instead of visitor analytics")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return fmt.Errorf("--format %q: expected csv or json", *format)
	}
	to := time.Now()
	if *toFlag != "" {
		var err error
		if to, err = parseDate("--to", *toFlag); err != nil {
			return err
		}
	}
	from := to.AddDate(0, 0, -30)
	if *fromFlag != "" {
		var err error
		if from, err = parseDate("--from", *fromFlag); err != nil {
			return err
		}
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *audit {
		return printAudit(ctx, e.stdout, st, from, to.AddDate(0, 0, 1), *format)
	}
	report, err := st.Report(ctx, from, to, *top)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return writeReportCSV(e.stdout, report)
}

// parseDate reads a YYYY-MM-DD date as a day in the kiosk's time zone,
// which is how the report counts days.
func parseDate(flagName, s string) (time.Time, error) {
	t, err := time.ParseInLocation(dateLayout, s, time.Local)
	if err != nil {
		return t, fmt.Errorf("%s %q: expected a date like 2026-05-31", flagName, s)
	}
	return t, nil
}

// reportColumns are the CSV's columns: every section of the report in one
// table, so that it opens as a single sheet.
var reportColumns = []string{"section", "day_or_key", "kind", "id", "name", "count", "results"}

// writeReportCSV writes the report the way Excel opens it correctly: UTF-8
// with a byte order mark (or Vietnamese names come out garbled), CRLF line
// ends, and no cell Excel would take for a formula.
func writeReportCSV(w io.Writer, r data.Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	row := func(cells ...string) {
		for i, c := range cells {
			cells[i] = spreadsheetSafe(c)
		}
		cw.Write(cells) // errors are kept by the writer and reported by Error
	}
	n := strconv.Itoa
	row(reportColumns...)
	row("sessions", r.From+"/"+r.To, "", "", "", n(r.Sessions), "")
	for _, d := range r.SessionsPerDay {
		row("sessions_per_day", d.Day, "", "", "", n(d.Count), "")
	}
	for _, list := range []struct {
		section string
		items   []data.ItemCount
	}{{"top_products", r.TopProducts}, {"top_villages", r.TopVillages}, {"top_tours", r.TopTours}} {
		for _, it := range list.items {
			row(list.section, "", string(it.Kind), it.ID, it.Name.In(data.VI), n(it.Count), "")
		}
	}
	for _, list := range []struct {
		section string
		keys    []data.KeyCount
	}{{"qr_by_kind", r.QRByKind}, {"qr_by_lang", r.QRByLang}, {"languages", r.Languages}} {
		for _, k := range list.keys {
			row(list.section, k.Key, "", "", "", n(k.Count), "")
		}
	}
	for _, list := range []struct {
		section  string
		searches []data.SearchCount
	}{{"top_searches", r.TopSearches}, {"no_result_searches", r.NoResultSearches}} {
		for _, s := range list.searches {
			row(list.section, s.Query, "", "", "", n(s.Count), n(s.Results))
		}
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe stops a cell from being run as a formula when the CSV is
// opened in Excel: a search query is typed by a visitor, and "=cmd|..." must
// stay text. A cell beginning with = + - @, a tab or a carriage return gets a
// leading apostrophe, which Excel shows as text.
func spreadsheetSafe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// printAudit writes the audit log from from to to (exclusive), oldest
// first, as CSV or JSON.
func printAudit(ctx context.Context, w io.Writer, st *data.Store, from, to time.Time, format string) error {
	entries, err := st.AuditLog(ctx, from, to, 0)
	if err != nil {
		return err
	}
	slices.Reverse(entries)
	if format == "json" {
		if entries == nil {
			entries = []data.AuditEntry{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	// As the analytics report: a BOM and CRLF for Excel, and a detail that
	// quotes a pack's title or a file name never read as a formula.
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write([]string{"time", "action", "outcome", "detail"})
	for _, en := range entries {
		cw.Write([]string{en.At.Local().Format("2006-01-02 15:04:05"), en.Action, en.Outcome, spreadsheetSafe(en.Detail)})
	}
	cw.Flush()
	return cw.Error()
}
