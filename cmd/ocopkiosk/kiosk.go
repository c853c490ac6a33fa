package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"ocopkiosk/assets"
	"ocopkiosk/buildinfo"
	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/i18n"
	"ocopkiosk/ui"
)

// appID names the kiosk to the desktop; FyneApp.toml says the same, but it
// is read only beside a packaged binary.
const appID = "vn.ocop.kiosk"

func runKiosk(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	windowed := fs.Bool("window", false, "run in a normal window instead of full screen")
	idle := fs.Duration("idle", 90*time.Second, "reset to Home after this long without a touch (plus a 20 s warning)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if err := checkDisplay(); err != nil {
		return err
	}
	// Opt in to Fyne's v2.6 threading model (FyneApp.toml says the same, but
	// is read only beside a packaged binary).
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: "OCOP Kiosk", Version: buildinfo.Get().Version, Icon: fyne.NewStaticResource("icon.png", assets.Icon()),
		Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	a.Settings().SetTheme(ui.Theme())
	w, err := openWindow(a, "OCOP Kiosk")
	if err != nil {
		return err
	}
	msgs := i18n.MustLoad()
	// The window is up before the database is opened: a new kiosk imports
	// its sample content first, and the screen was black while it did.
	starting := ui.NewStarting(msgs)
	w.SetContent(starting.Object())
	e = e.withProgress(startingProgress(starting))
	if *windowed {
		w.Resize(fyne.NewSize(1600, 900))
	} else {
		w.SetPadded(false)
		w.SetFullScreen(true)
		a.Driver().SetDisableScreenBlanking(true)
		// A kiosk is not closed by a plain close; staff leave through staff mode.
		w.SetCloseIntercept(func() {})
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	r := &kioskRun{ctx: runCtx, e: e, a: a, w: w, msgs: msgs}
	if *db != "" {
		r.dbFlag = " --db " + shellQuote(*db)
	}
	if idleSet(fs) {
		r.idle = idle
	}
	opened := make(chan struct{})
	go func() {
		defer close(opened)
		st, readOnly, err := openKioskStore(runCtx, e, *db)
		if err != nil {
			r.err = err
			fyne.Do(a.Quit)
			return
		}
		r.st, r.readOnly = st, readOnly
		if readOnly == "" {
			if err := st.MarkInUse(); err != nil { // so that the next start knows if this one crashed
				fyne.LogError("", err)
			}
		}
		fyne.Do(func() {
			if err := r.start(); err != nil {
				r.err = err
				a.Quit()
			}
		})
	}()
	w.ShowAndRun()
	stop()
	<-opened
	if r.restart {
		return restartSelf(r.events, r.st)
	}
	if r.events != nil {
		r.events.Close()
	}
	if r.st != nil {
		r.st.Close()
	}
	return r.err
}

// withProgress is e, telling progress how a first import advances.
func (e *env) withProgress(progress func(pack.Progress)) *env {
	c := *e
	c.progress = progress
	return &c
}

// startingProgress shows an import's progress on the starting screen, as
// one fraction over its stages (the photos are most of the time), at most
// a hundred updates.
func startingProgress(s *ui.Starting) func(pack.Progress) {
	var mu sync.Mutex
	last := -1
	return func(p pack.Progress) {
		frac := 0.0
		switch p.Stage {
		case "reading":
			frac = 0.05
		case "photos":
			if p.Total > 0 {
				frac = 0.1 + 0.8*float64(p.Done)/float64(p.Total)
			}
		case "saving":
			frac = 0.95
		}
		mu.Lock()
		step := int(frac * 100)
		changed := step != last
		last = step
		mu.Unlock()
		if changed {
			fyne.Do(func() { s.SetProgress(frac) })
		}
	}
}

// kioskRun is one run of the kiosk's window: what runKiosk opens before the
// window's loop starts, and what start makes once the database is open.
type kioskRun struct {
	ctx      context.Context
	e        *env
	a        fyne.App
	w        fyne.Window
	msgs     *i18n.Messages
	idle     *time.Duration // --idle, when given: it overrides the setting
	st       *data.Store
	readOnly string // why the database is read-only, or ""
	events   *data.Recorder
	restart  bool
	err      error
	dbFlag   string // " --db PATH" when --db was given (see ui.Options.DBFlag)
}

// shellQuote quotes a path for a shell command line when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == ':' || r == '\\' ||
			('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9'))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// start builds the kiosk on the open database and puts it in the window;
// it runs on the UI goroutine.
func (r *kioskRun) start() error {
	ctx, e, st, a, w := r.ctx, r.e, r.st, r.a, r.w
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	overridden := map[string]string{}
	if r.idle != nil {
		settings.IdleTimeout = *r.idle
		overridden["idle"] = "--idle " + r.idle.String()
	}
	if r.readOnly == "" {
		if _, err := st.PruneAudit(ctx, time.Now()); err != nil {
			fyne.LogError("prune the audit log", err)
		}
	}
	var recorder ui.EventRecorder = data.NewMemoryRecorder(50000) // a read-only disk keeps them in memory
	if r.readOnly == "" {
		if n, err := st.PruneEvents(ctx, time.Now(), settings.EventRetentionDays); err != nil {
			fyne.LogError("prune old visitor events", err)
		} else if n > 0 {
			fmt.Fprintf(e.stderr, "pruned %d visitor events older than %d days (daily totals kept)\n", n, settings.EventRetentionDays)
		}
		r.events = data.NewRecorder(st, data.RecorderOptions{OnError: func(err error) { fyne.LogError("record visitor events", err) }})
		recorder = r.events
	}
	fleetSync := kioskFleet(ctx, st)
	k := ui.New(st, r.msgs, ui.Options{
		DefaultLang: settings.DefaultLang, Languages: settings.Languages, IdleTimeout: settings.IdleTimeout,
		AttractInterval: settings.AttractInterval, AllowedHosts: settings.AllowedHosts,
		Staff: ui.StoreBackend{Store: st}, Events: recorder, ReadOnly: r.readOnly, Overridden: overridden,
		OnExit: func(again bool) { r.restart = again; a.Quit() }, Fleet: fleetOption(fleetSync),
		About: buildinfo.Get().String(), DBFlag: r.dbFlag,
	})
	k.ApplySettings(settings)
	k.SetWindow(w)
	w.SetContent(k.WindowContent())
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { k.Touch() })
	k.Start(ctx)
	if r.readOnly == "" {
		go pruneDaily(ctx, st)
	}
	go trimMemory(ctx)
	startFleet(ctx, fleetSync, k, w)
	watchUI(ctx, k.Watchdog(), e.stderr, r.events, st)
	// Under systemd: READY=1 once the kiosk is up, then watchdog pings from the UI loop.
	startSystemdNotify(ctx, fyne.Do, func(err error) { fyne.LogError("", err) })
	if os.Getenv("OCOP_STARTUP_PROBE") != "" {
		// For `ocopkiosk bench`: say when the kiosk is up, then quit.
		fmt.Fprintf(e.stderr, "window shown %d ms after start\n", time.Since(processStart).Milliseconds())
		go func() { time.Sleep(300 * time.Millisecond); fyne.Do(a.Quit) }()
	}
	go checkInBackground(ctx, st, func() { r.restart = true; a.Quit() })
	go warmSearch(ctx, st)
	return nil
}

// idleSet reports whether --idle was given, which then overrides the setting.
func idleSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "idle" })
	return set
}

// ensureContent loads content into an empty database, so that a new kiosk
// shows real content from its first start: the pack kept beside the
// database if there is one (the database file itself was lost or deleted),
// else the built-in sample.
func ensureContent(ctx context.Context, st *data.Store, e *env) error {
	info, err := st.PackInfo(ctx)
	if err != nil {
		return err
	}
	if info.Version > 0 {
		return nil
	}
	what, err := loadBestContent(ctx, st, e)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "loaded %s\n", what)
	return nil
}

// openRecovering opens the database at path; a damaged one is moved aside
// and a new one filled by loadBestContent (see data.OpenOrRecover). What
// happened goes to stderr, which systemd keeps in the journal; staff mode
// shows the same from the database's recovery note.
// recoveringOpener is data.OpenOrRecover or data.OpenOrRecoverDeferred.
type recoveringOpener func(path string, reimport func(st *data.Store) (string, error)) (*data.Store, data.Recovery, error)

func openRecovering(ctx context.Context, e *env, path string, opener recoveringOpener) (*data.Store, error) {
	st, rec, err := opener(path, func(st *data.Store) (string, error) {
		return loadBestContent(ctx, st, e)
	})
	if rec.Happened {
		fmt.Fprintf(e.stderr, "%s\n", rec.Reason)
		if rec.MovedTo != "" {
			fmt.Fprintf(e.stderr, "it was moved to %s and a new database was made\n", rec.MovedTo)
		}
		if rec.Reloaded != "" {
			fmt.Fprintf(e.stderr, "reloaded %s\n", rec.Reloaded)
		}
	}
	return st, err
}

// loadBestContent fills a store with the newest kept pack that still
// imports, else with the built-in sample, and says which it loaded. An
// import that committed counts even if it returned an error (removing old
// photos failed): the content is there, and a blank kiosk is worse.
func loadBestContent(ctx context.Context, st *data.Store, e *env) (string, error) {
	for _, kept := range pack.KeptPacks(st.Path()) {
		cat, err := pack.Import(ctx, st, kept, pack.Options{Progress: e.progress})
		if cat != nil {
			if err != nil {
				fmt.Fprintf(e.stderr, "warning: %v\n", err)
			}
			return describeLoaded("the last imported pack (kept at "+kept+")", cat), nil
		}
		fmt.Fprintf(e.stderr, "could not reload %s: %v\n", kept, problemsError(e, err))
	}
	cat, err := pack.ImportFS(ctx, st, assets.Sample(), pack.Options{Progress: e.progress})
	if cat == nil {
		return "", fmt.Errorf("load the built-in sample content: %w", problemsError(e, err))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "warning: %v\n", err)
	}
	return describeLoaded("the built-in sample content", cat), nil
}

func describeLoaded(what string, cat *data.Catalogue) string {
	return fmt.Sprintf("%s: %d villages, %d products, %d tours", what, len(cat.Villages), len(cat.Products), len(cat.Tours))
}

// pruneDaily keeps visitor events bounded on a kiosk that runs for months
// without a restart: twice a day it drops raw events past the retention set
// by staff, after their daily totals are counted.
func pruneDaily(ctx context.Context, st *data.Store) {
	tick := time.NewTicker(12 * time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		settings, err := st.Settings(ctx)
		if err == nil {
			_, err = st.PruneEvents(ctx, time.Now(), settings.EventRetentionDays)
		}
		if err == nil {
			_, err = st.PruneAudit(ctx, time.Now())
		}
		if err != nil {
			fyne.LogError("prune old visitor events", err)
		}
	}
}

// warmSearch builds the in-memory search index a moment after start, so
// that neither the first screen nor the first search waits for it.
func warmSearch(ctx context.Context, st *data.Store) {
	select {
	case <-ctx.Done():
		return
	case <-time.After(time.Second):
	}
	if err := st.WarmSearch(ctx); err != nil {
		fyne.LogError("build the search index", err)
	}
}

// checkInBackground runs the database's quick check a little after start.
// If the database is damaged it is marked so, and the kiosk restarts, so
// that the start-up recovery moves it aside and reloads the kept pack.
func checkInBackground(ctx context.Context, st *data.Store, restart func()) {
	select {
	case <-ctx.Done():
		return
	case <-time.After(3 * time.Second):
	}
	err := st.QuickCheck()
	if !errors.Is(err, data.ErrCorrupt) {
		return
	}
	fyne.LogError("the database failed its check; restarting to recover it", err)
	if merr := data.MarkDamaged(st.Path(), err); merr != nil {
		fyne.LogError("mark the database damaged", merr)
		return
	}
	fyne.Do(restart)
}
