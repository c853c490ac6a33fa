package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"

	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"ocopkiosk/buildinfo"
	"ocopkiosk/data"
	"ocopkiosk/data/fleet"
	"ocopkiosk/data/sign"
)

// fleetCommand is one `ocopkiosk fleet` subcommand.
type fleetCommand struct {
	summary, usage string
	run            func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error
}

var fleetCommands = map[string]fleetCommand{
	"publish": {"check a pack, sign it and place it in the hub for the kiosks", "PACK --key FILE --hub DIR [--centre ID]... [--id ID] [--expires DATE] [--password-file FILE]", runFleetPublish},
	"status":  {"every kiosk of the hub: last seen, centre, pack, problems", "--hub DIR [--json]", runFleetStatus},
	"report":  {"the analytics of every kiosk together, in total and per centre", "--hub DIR [--from DATE] [--to DATE] [--format csv|json] [--top N] [--db PATH]", runFleetReport},
	"join":    {"make this kiosk part of a fleet (or change its fleet settings)", "--hub DIR --key PUB [--key PUB]... --kiosk-id ID [--centre ID] [--remove-key PUB] [--allow-unsigned] [--db PATH]", runFleetJoin},
	"sync":    {"sync this kiosk from its hub without a screen (the kiosk does this itself)", "[--once] [--rescan D] [--status-every D] [--db PATH]", runFleetSync},
}

// runFleet dispatches `ocopkiosk fleet SUBCOMMAND`.
func runFleet(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || fleetCommands[args[0]].run == nil {
		if len(args) > 0 && args[0] != "help" && args[0] != "--help" && args[0] != "-h" {
			fmt.Fprintf(e.stderr, "ocopkiosk fleet: unknown subcommand %q\n", args[0])
			printFleetHelp(e.stderr)
			return errUsage
		}
		printFleetHelp(e.stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	sub := fleetCommands[args[0]]
	fs := flag.NewFlagSet("ocopkiosk fleet "+args[0], flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: ocopkiosk fleet %s %s\n\n%s.\n\nOptions:\n", args[0], sub.usage, capitalize(sub.summary))
		fs.PrintDefaults()
	}
	return sub.run(ctx, e, fs, args[1:])
}

func printFleetHelp(w io.Writer) {
	fmt.Fprintln(w, "Usage: ocopkiosk fleet SUBCOMMAND [options]   (see docs/fleet.md)\n\nSubcommands:")
	names := make([]string, 0, len(fleetCommands))
	for n := range fleetCommands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, fleetCommands[n].summary)
	}
}

// parseInterleaved parses flags that may come before or after positional
// arguments ("publish PACK --key K"), checks how many positionals came, and
// returns them (see env.parse).
func parseInterleaved(e *env, fs *flag.FlagSet, args []string, positional int) ([]string, error) {
	if err := e.parse(fs, args, positional); err != nil {
		return nil, err
	}
	return fs.Args(), nil
}

func requireFlag(e *env, fs *flag.FlagSet, name, value string) error {
	if value == "" {
		fmt.Fprintf(e.stderr, "%s: --%s is required\n", fs.Name(), name)
		fs.Usage()
		return errUsage
	}
	return nil
}

func runFleetPublish(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	keyPath := fs.String("key", "", "the office's secret key `FILE` (ocopkiosk keygen)")
	hub := fs.String("hub", "", "the hub `DIR`")
	var centres keyList
	fs.Var(&centres, "centre", "the centre `ID` the pack is for; repeat for several (default: every centre)")
	id := fs.String("id", "", "the pack `ID` (default: the pack's file or folder name)")
	expires := fs.String("expires", "", "the last `DATE` the pack may be shown, YYYY-MM-DD, to the end of that day in Vietnam (default: in 180 days)")
	passFile := passwordFlag(fs)
	pos, err := parseInterleaved(e, fs, args, 1)
	if err != nil {
		return err
	}
	if err := requireFlag(e, fs, "key", *keyPath); err != nil {
		return err
	}
	if err := requireFlag(e, fs, "hub", *hub); err != nil {
		return err
	}
	if _, err := os.Stat(*hub); err != nil {
		return fmt.Errorf("the hub folder %s: %w", *hub, err)
	}
	opts := fleet.PublishOptions{PackID: *id, Centres: centres}
	if *expires != "" {
		d, err := parseDate("--expires", *expires)
		if err != nil {
			return err
		}
		opts.Expires = fleet.EndOfDay(time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, fleet.CentreTime)) // the whole of that day, in the centres' time
	}
	password, err := readPassword(*passFile)
	if err != nil {
		return err
	}
	key, err := sign.ReadSecretKey(*keyPath, password)
	if errors.Is(err, sign.ErrNeedsPassword) {
		return fmt.Errorf("%w: give it with --password-file or %s", err, sign.PasswordEnv)
	}
	if err != nil {
		return err
	}
	m, err := fleet.Publish(ctx, fleet.Hub(*hub), pos[0], key, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "published %s (%d files) for %s, shown until the end of %s (Vietnam time), signed by %s\n%s\n",
		m.Name(), len(m.Files), m.CentreList(), m.LastDay(),
		sign.KeyString(sign.PublicKeyOf(key)), fleet.Hub(*hub).Content()+string(os.PathSeparator)+m.DirName())
	return nil
}

func runFleetStatus(_ context.Context, e *env, fs *flag.FlagSet, args []string) error {
	hub := fs.String("hub", "", "the hub `DIR`")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterleaved(e, fs, args, 0); err != nil {
		return err
	}
	if err := requireFlag(e, fs, "hub", *hub); err != nil {
		return err
	}
	st, err := fleet.ReadFleetStatus(fleet.Hub(*hub), time.Now())
	if err != nil {
		return err
	}
	for _, w := range st.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIOSK\tCENTRE\tLAST SEEN\tAPP\tPACK\tSTATE")
	for _, k := range st.Kiosks {
		s := k.Status
		if s == nil {
			fmt.Fprintf(tw, "%s\t?\t?\t?\t?\t%s\n", k.KioskID, strings.Join(k.Flags, "; "))
			continue
		}
		state := "ok"
		if len(k.Flags) > 0 {
			state = strings.Join(k.Flags, "; ")
		}
		packName := fmt.Sprintf("v%d", s.PackVersion)
		if s.PackID != "" {
			packName = s.PackID + " " + packName
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", k.KioskID, s.Centre, s.WrittenAt.Local().Format("2006-01-02 15:04"), s.AppVersion, packName, state)
	}
	return tw.Flush()
}

func runFleetReport(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	hub := fs.String("hub", "", "the hub `DIR`")
	fromFlag := fs.String("from", "", "first `DATE`, YYYY-MM-DD (default: 30 days before --to)")
	toFlag := fs.String("to", "", "last `DATE`, YYYY-MM-DD, inclusive (default: today)")
	format := fs.String("format", "csv", "csv (for Excel) or json")
	top := fs.Int("top", 20, "at most `N` entries in each top list (0: all)")
	db := fs.String("db", "", "a database `PATH` whose catalogue names the products (optional)")
	if _, err := parseInterleaved(e, fs, args, 0); err != nil {
		return err
	}
	if err := requireFlag(e, fs, "hub", *hub); err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return fmt.Errorf("--format %q: expected csv or json", *format)
	}
	to, from, err := reportPeriod(*fromFlag, *toFlag)
	if err != nil {
		return err
	}
	var names data.ItemNames
	if *db != "" {
		st, err := openStore(*db)
		if err != nil {
			return err
		}
		defer st.Close()
		names = st.ItemNames(ctx)
	}
	r, err := fleet.ReadFleetReport(fleet.Hub(*hub), from, to, *top, names)
	if err != nil {
		return err
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return writeFleetReportCSV(e.stdout, r)
}

// reportPeriod reads --from and --to as the report command does.
func reportPeriod(fromFlag, toFlag string) (to, from time.Time, err error) {
	to = time.Now()
	if toFlag != "" {
		if to, err = parseDate("--to", toFlag); err != nil {
			return
		}
	}
	from = to.AddDate(0, 0, -30)
	if fromFlag != "" {
		from, err = parseDate("--from", fromFlag)
	}
	return
}

// writeFleetReportCSV writes the report command's table once for the whole
// fleet ("all") and once per centre, with the centre as the first column.
func writeFleetReportCSV(w io.Writer, r fleet.FleetReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(append([]string{"centre"}, reportColumns...))
	centres := make([]string, 0, len(r.Centres))
	for c := range r.Centres {
		centres = append(centres, c)
	}
	sort.Strings(centres)
	write := func(centre string, rep data.Report) error {
		var buf strings.Builder
		if err := writeReportCSV(&buf, rep); err != nil {
			return err
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
		if err != nil {
			return err
		}
		for _, row := range rows[1:] {
			cw.Write(append([]string{centre}, row...))
		}
		return nil
	}
	if err := write("all", r.Total); err != nil {
		return err
	}
	for _, c := range centres {
		if err := write(c, r.Centres[c]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func runFleetJoin(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	hub := fs.String("hub", "", "the hub `DIR` on this kiosk (the folder Syncthing or the USB stick holds)")
	var keys, remove keyList
	fs.Var(&keys, "key", "a trusted public `KEY` of the office (RW… or a .pub file); repeat for several")
	fs.Var(&remove, "remove-key", "stop trusting a public `KEY` (after a rotation)")
	id := fs.String("kiosk-id", "", "this kiosk's `ID` in the fleet (letters, digits, - and _)")
	centre := fs.String("centre", "", "the centre `ID` this kiosk stands in (default: the centre in its settings)")
	unsigned := fs.Bool("allow-unsigned", false, "also take packs that are not signed (not for a real fleet)")
	db := dbFlag(fs)
	if _, err := parseInterleaved(e, fs, args, 0); err != nil {
		return err
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg, err := fleet.LoadConfig(ctx, st)
	if err != nil {
		return err
	}
	if *hub != "" {
		// The kiosk runs from another folder (a service's): a relative
		// hub would be looked for there.
		abs, err := filepath.Abs(*hub)
		if err != nil {
			return err
		}
		cfg.Hub = abs
	}
	if *id != "" {
		cfg.KioskID = *id
	}
	if *centre != "" {
		cfg.Centre = *centre
	}
	cfg.RequireSigned = !*unsigned
	for _, k := range keys {
		pub, err := sign.LoadPublicKey(k)
		if err != nil {
			return err
		}
		cfg.AddKey(pub)
	}
	for _, k := range remove {
		pub, err := sign.LoadPublicKey(k)
		if err != nil {
			return err
		}
		if !cfg.RemoveKey(pub) {
			return fmt.Errorf("%s is not a trusted key", sign.KeyString(pub))
		}
	}
	if err := fleet.SaveConfig(ctx, st, cfg); err != nil {
		return fmt.Errorf("fleet settings not saved: %w", err)
	}
	if _, err := os.Stat(cfg.Hub); err != nil {
		fmt.Fprintf(e.stderr, "note: the hub folder %s does not exist yet; the kiosk will keep looking for it\n", cfg.Hub)
	}
	centreID := cfg.Centre
	if centreID == "" {
		centreID = "(none yet: give --centre ID)"
		if set, err := st.Settings(ctx); err == nil && set.CentreID != "" {
			centreID = set.CentreID + " (from its settings; --centre sets another)"
		}
	}
	fmt.Fprintf(e.stdout, "kiosk %s of centre %s syncs from the hub %s; trusted keys:\n", cfg.KioskID, centreID, cfg.Hub)
	for _, k := range cfg.Trusted {
		fmt.Fprintf(e.stdout, "  %s\n", k)
	}
	if !cfg.RequireSigned {
		fmt.Fprintln(e.stdout, "unsigned packs are taken too")
	}
	return nil
}

func runFleetSync(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	once := fs.Bool("once", false, "look at the hub once, write the status and stop")
	db := dbFlag(fs)
	interval := fs.Duration("rescan", 30*time.Second, "how often to look at the whole hub besides change notices")
	statusEvery := fs.Duration("status-every", time.Minute, "how often to write status.json and the events files (at most 5m)")
	if _, err := parseInterleaved(e, fs, args, 0); err != nil {
		return err
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s := &fleet.Syncer{Store: st, AppVersion: appVersion(), Rescan: *interval, StatusEvery: *statusEvery,
		Log: func(line string) { fmt.Fprintf(e.stderr, "%s %s\n", time.Now().Format("15:04:05"), line) }}
	if *once {
		if err := s.Load(ctx); err != nil {
			return err
		}
		if !s.View().Joined {
			return errors.New("this kiosk has not joined a fleet (ocopkiosk fleet join)")
		}
		s.Check(ctx)
		s.ExportEvents(ctx, 90)
		s.WriteStatus(ctx)
		v := s.View()
		fmt.Fprintf(e.stdout, "%s\n", v.LastResult)
		for _, r := range v.Refused {
			fmt.Fprintf(e.stdout, "refused: %s\n", r.Message)
		}
		if v.LastError.Format != "" {
			return v.LastError
		}
		return nil
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	return s.Run(ctx)
}

// appVersion is the version this binary was built as, with its commit,
// as a kiosk reports it to the office ("0.1.0 (abc1234def56)").
func appVersion() string {
	in := buildinfo.Get()
	c := in.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if in.Dirty {
		c += ", modified"
	}
	return fmt.Sprintf("%s (%s)", in.Version, c)
}
