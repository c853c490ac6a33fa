package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// dbFlag adds --db to a command.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the kiosk database `PATH` (default: the user's data directory)")
}

// openContent opens the database named by --db (or the default one) and,
// if it is new, loads content into it, as the kiosk does on its first
// start. A damaged database is moved aside and rebuilt from the last
// imported pack (see openRecovering), so the kiosk never starts blank.
func openContent(ctx context.Context, e *env, path string) (*data.Store, error) {
	return openContentWith(ctx, e, path, data.OpenOrRecover)
}

// openContentWith is openContent with a choice of how the database is
// checked (the kiosk checks it in the background, see runKiosk).
func openContentWith(ctx context.Context, e *env, path string, opener recoveringOpener) (*data.Store, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	if err := checkDataFolder(path); err != nil {
		return nil, err
	}
	st, err := openRecovering(ctx, e, path, opener)
	if err != nil {
		return nil, err
	}
	if err := ensureContent(ctx, st, e); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// openStore opens the database named by --db or the default one.
func openStore(path string) (*data.Store, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return data.Open(path)
}

func runValidate(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	settings, where, err := kioskSettings(ctx, *db)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "checking against %s\n", where)
	cat, err := pack.Validate(ctx, fs.Arg(0), pack.Options{AllowedHosts: settings.AllowedHosts})
	if err != nil {
		return problemsError(e, err)
	}
	fmt.Fprintf(e.stdout, "%s: pack %q version %d is valid: %d villages, %d products, %d tours\n",
		fs.Arg(0), cat.Pack.Title, cat.Pack.Version, len(cat.Villages), len(cat.Products), len(cat.Tours))
	return nil
}

// kioskSettings are the settings of the kiosk whose database is at path
// (or the default one), which import checks a pack against; a database
// that does not exist yet means a new kiosk's defaults. It also says which.
func kioskSettings(ctx context.Context, path string) (data.Settings, string, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return data.Settings{}, "", err
		}
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return data.DefaultSettings(), "the settings of a new kiosk (no database at " + path + ")", nil
	}
	st, err := data.Open(path)
	if err != nil {
		return data.Settings{}, "", err
	}
	defer st.Close()
	s, err := st.Settings(ctx)
	return s, "the settings of the kiosk at " + path, err
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	cat, err := pack.Import(ctx, st, fs.Arg(0), pack.Options{AllowedHosts: settings.AllowedHosts})
	if aerr := st.Audit(ctx, data.AuditImport, importOutcome(err), "command line: "+fs.Arg(0)+importDetail(cat, err)); aerr != nil {
		fmt.Fprintf(e.stderr, "warning: %v\n", aerr)
	}
	if err != nil {
		return problemsError(e, err)
	}
	fmt.Fprintf(e.stdout, "imported %q version %d: %d villages, %d products, %d tours (%.1fs)\n",
		cat.Pack.Title, cat.Pack.Version, len(cat.Villages), len(cat.Products), len(cat.Tours), time.Since(start).Seconds())
	return nil
}

// problemsError prints every problem of a pack on its own line and returns
// a one-line summary, so that staff see all of them at once.
func problemsError(e *env, err error) error {
	var problems pack.Problems
	if !errors.As(err, &problems) {
		return err
	}
	local := 0
	for _, p := range problems {
		if p.Setting != "" {
			local++
			fmt.Fprintf(e.stderr, "%v [depends on this kiosk's settings: %s]\n", p, p.Setting)
			continue
		}
		fmt.Fprintln(e.stderr, p)
	}
	if local > 0 {
		return fmt.Errorf("%d problem(s) found, %d of them because of this kiosk's settings; nothing was changed", len(problems), local)
	}
	return fmt.Errorf("%d problem(s) found; nothing was changed", len(problems))
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := pack.Export(ctx, st, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "exported to %s\n", fs.Arg(0))
	return nil
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(stats)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	// Text from a pack is printed escaped: a title holding ESC]0;… would
	// otherwise retitle or clear the staff's terminal.
	fmt.Fprintf(w, "pack\t%s (version %d)\n", data.Printable(stats.PackTitle), stats.PackVersion)
	if !stats.ImportedAt.IsZero() {
		fmt.Fprintf(w, "imported\t%s\n", stats.ImportedAt.Local().Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(w, "villages\t%d\nproducts\t%d\ntours\t%d\n", stats.Villages, stats.Products, stats.Tours)
	fmt.Fprintf(w, "languages\t%s\n", strings.Join(langStrings(stats.Languages), ", "))
	return w.Flush()
}

func langStrings(ls []data.Lang) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	lang := fs.String("lang", "vi", "show names in this language (vi, en, ko, zh, ja)")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most this many results")
	if err := e.parse(fs, args, anyCount); err != nil {
		return err
	}
	l, ok := data.ParseLang(*lang)
	if !ok {
		return fmt.Errorf("--lang %q: expected vi, en, ko, zh or ja", *lang)
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	query := strings.Join(fs.Args(), " ")
	res, err := st.Find(ctx, data.SearchQuery{Text: query, Lang: l, Limit: *limit})
	if err != nil {
		return err
	}
	hits := res.Hits
	type result struct {
		Kind  data.Kind `json:"kind"`
		ID    string    `json:"id"`
		Name  string    `json:"name"`
		Score float64   `json:"score"`
	}
	results := make([]result, len(hits))
	for i, h := range hits {
		results[i] = result{h.Kind, h.ID, h.Name.In(l), h.Score}
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(results)
	}
	if len(results) == 0 {
		fmt.Fprintf(e.stdout, "nothing found for %q\n", data.Printable(query))
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, r := range results {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.Kind, data.Printable(r.ID), data.Printable(r.Name))
	}
	return w.Flush()
}

// importOutcome is the audit log's outcome of an import that returned err.
func importOutcome(err error) string {
	switch {
	case err == nil:
		return data.OutcomeOK
	case errors.Is(err, context.Canceled):
		return data.OutcomeCancelled
	}
	return data.OutcomeFailed
}

// importDetail says what an import loaded, or how many problems it found.
func importDetail(cat *data.Catalogue, err error) string {
	var problems pack.Problems
	switch {
	case cat != nil:
		return fmt.Sprintf(" (%q version %d)", cat.Pack.Title, cat.Pack.Version)
	case errors.As(err, &problems):
		return fmt.Sprintf(" (%d problems)", len(problems))
	case err != nil:
		return " (" + err.Error() + ")"
	}
	return ""
}
