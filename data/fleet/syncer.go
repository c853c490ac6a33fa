package fleet

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
	"ocopkiosk/data/pack"
	"ocopkiosk/data/sign"
)

// Syncer is the kiosk's side of the fleet: it watches the hub's content
// folder, checks and imports new packs when no visitor is there, keeps the
// one before for staff to roll back to, and writes the kiosk's status and
// analytics back to the hub.
type Syncer struct {
	Store      *data.Store
	AppVersion string
	// Idle tells whether no visitor is using the kiosk (the attract loop
	// or an idle moment); content is never swapped otherwise. Nil: always.
	Idle func() bool
	// OnApplied is called after new content is imported (or rolled back),
	// so the screens can reload.
	OnApplied func()
	// Log, when set, is told what the syncer does, a line at a time.
	Log func(string)
	Now func() time.Time
	// Screen, when set, gives a picture of the kiosk's screen, written to
	// the hub as screen.jpg at most every 5 minutes (nil: no picture).
	Screen func() []byte

	Rescan      time.Duration // a full look at the hub besides fsnotify; default 30 s
	StatusEvery time.Duration // status.json and events; default 1 min (the office expects ≤ 5)
	Settle      time.Duration // how long a folder must stay unchanged before it is refused; default 10 s

	mu        sync.Mutex // held while checking, importing or rolling back
	view      View
	published atomic.Pointer[View] // a copy of view for readers, who never wait for mu
	cache     map[string]*seen     // content folder → what was made of it
	pending   *staged
	started   time.Time
	cfg       Config
	keys      []sign.PublicKey
	wake      chan struct{}
	shotAt    time.Time // when screen.png was last written
}

// View is the sync state for staff mode and status.json.
type View struct {
	Joined      bool
	KioskID     string
	Hub         string
	Centre      string
	LastCheck   time.Time
	LastResult  string // in words
	LastError   string
	Waiting     string
	Refused     []Refusal
	Current     *Kept
	Previous    *Kept
	RolledBack  bool
	HighWater   int
	CanRollBack bool
}

// seen is a content folder as last inspected.
type seen struct {
	fingerprint string
	since       time.Time // when it was first seen with this fingerprint
	in          *inspection
	tampered    *Refusal // found while copying: stands until the folder changes
}

// staged is a pack copied into the kiosk's own folder and checked, waiting
// for an idle moment to be imported.
type staged struct {
	folder, fingerprint string
	kept                Kept
}

func (s *Syncer) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Syncer) logf(format string, args ...any) {
	if s.Log != nil {
		s.Log(fmt.Sprintf(format, args...))
	}
}

// fleetDir is the kiosk's own folder for the packs it keeps.
func (s *Syncer) fleetDir() string { return s.Store.Path() + ".fleet" }

// View returns the sync state. It never waits, even during an import, so
// the screens may call it at any time.
func (s *Syncer) View() View {
	if v := s.published.Load(); v != nil {
		return *v
	}
	return View{}
}

// publish makes the current view what View returns; call with mu held.
func (s *Syncer) publish() {
	v := s.view
	v.Refused = slices.Clone(v.Refused)
	s.published.Store(&v)
}

// Load reads the kiosk's fleet settings and state; Run and Check call it.
func (s *Syncer) Load(ctx context.Context) error {
	cfg, err := LoadConfig(ctx, s.Store)
	if err != nil {
		return err
	}
	keys, err := cfg.Keys()
	if err != nil {
		return err
	}
	state, err := loadState(ctx, s.Store)
	if err != nil {
		return err
	}
	set, err := s.Store.Settings(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil {
		s.cache = map[string]*seen{}
		s.started = s.now()
		s.wake = make(chan struct{}, 1)
	}
	s.cfg, s.keys = cfg, keys
	s.view.Joined, s.view.KioskID, s.view.Hub, s.view.Centre = cfg.Joined(), cfg.KioskID, cfg.Hub, cfg.centre(set)
	s.setState(state)
	s.publish()
	return nil
}

func (s *Syncer) setState(st State) {
	s.view.Current, s.view.Previous, s.view.RolledBack, s.view.HighWater = st.Current, st.Previous, st.RolledBack, st.HighWater
	s.view.CanRollBack = st.Previous != nil
}

func (s *Syncer) state() State {
	return State{HighWater: s.view.HighWater, Current: s.view.Current, Previous: s.view.Previous, RolledBack: s.view.RolledBack}
}

// Run syncs until ctx ends: on every change fsnotify reports in the content
// folder, every Rescan, and while a pack waits for an idle kiosk, every
// second. It returns at once if the kiosk has not joined a fleet.
func (s *Syncer) Run(ctx context.Context) error {
	if err := s.Load(ctx); err != nil {
		return err
	}
	if !s.cfg.Joined() {
		return errors.New("this kiosk has not joined a fleet (ocopkiosk fleet join)")
	}
	rescan := every(s.Rescan, 30*time.Second)
	statusEvery := min(every(s.StatusEvery, time.Minute), 5*time.Minute)
	watch := newWatcher(Hub(s.cfg.Hub).Content())
	defer watch.close()
	s.exportEvents(ctx, 90) // every kept day once, in case the hub lost any
	s.Check(ctx)
	s.WriteStatus(ctx)
	rescanT, statusT, idleT := time.NewTicker(rescan), time.NewTicker(statusEvery), time.NewTicker(time.Second)
	defer rescanT.Stop()
	defer statusT.Stop()
	defer idleT.Stop()
	var debounce <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			s.WriteStatus(context.WithoutCancel(ctx))
			return nil
		case <-watch.events:
			if debounce == nil {
				debounce = time.After(200 * time.Millisecond)
			}
			continue
		case <-debounce:
			debounce = nil
		case <-rescanT.C:
			watch.refresh()
		case <-statusT.C:
			s.exportEvents(ctx, 2)
			s.WriteStatus(ctx)
			continue
		case <-idleT.C:
			s.mu.Lock()
			p := s.pending != nil
			s.mu.Unlock()
			if !p {
				continue
			}
		case <-s.wake:
		}
		if s.Check(ctx) {
			s.WriteStatus(ctx)
		}
		watch.refresh()
	}
}

// Wake asks a running syncer to look at the hub now.
func (s *Syncer) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func every(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Check looks at the hub once, applying the newest acceptable pack if the
// kiosk is idle. It reports whether anything a person would see changed.
func (s *Syncer) Check(ctx context.Context) (changed bool) {
	// Asked before taking the lock: the screens answer on their own
	// goroutine, which may itself be waiting to read the view.
	idle := s.Idle == nil || s.Idle()
	s.mu.Lock()
	defer s.mu.Unlock()
	before := fmt.Sprint(s.view.LastResult, s.view.LastError, s.view.Waiting, s.view.Refused, s.view.HighWater)
	defer func() {
		changed = before != fmt.Sprint(s.view.LastResult, s.view.LastError, s.view.Waiting, s.view.Refused, s.view.HighWater)
		s.publish()
	}()
	now := s.now()
	s.view.LastCheck = now
	content := Hub(s.cfg.Hub).Content()
	entries, err := os.ReadDir(content)
	if err != nil {
		s.view.LastResult, s.view.LastError, s.view.Waiting = "could not look at the hub", hubError(s.cfg.Hub, err), ""
		return
	}
	if set, err := s.Store.Settings(ctx); err == nil {
		s.view.Centre = s.cfg.centre(set)
	}
	rules := checkRules{trusted: s.keys, requireSigned: s.cfg.RequireSigned, centre: s.view.Centre,
		highWater: s.view.HighWater, now: now}
	var refused []Refusal
	var best *seen
	waiting := ""
	present := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() || isHidden(e.Name()) {
			continue
		}
		present[e.Name()] = true
		sn := s.look(content, e.Name(), rules, now)
		switch in := sn.in; {
		case sn.tampered != nil:
			refused = append(refused, *sn.tampered)
		case in.waiting != "" && (in.refusal == nil || now.Sub(sn.since) < every(s.Settle, 10*time.Second)):
			waiting = fmt.Sprintf("%s: %s", e.Name(), in.waiting)
		case in.refusal != nil:
			if in.refusal.Reason == ReasonNotNewer && s.view.Current != nil && in.manifest != nil &&
				in.manifest.PackID == s.view.Current.PackID && in.manifest.Version == s.view.Current.Version {
				continue // the pack on screen
			}
			refused = append(refused, *in.refusal)
		case best == nil || version(sn) > version(best):
			best = sn
		}
	}
	for f := range s.cache {
		if !present[f] {
			delete(s.cache, f)
		}
	}
	s.view.Refused = sortedRefusals(refused)
	s.view.LastError = ""
	s.view.Waiting = waiting
	s.view.LastResult = "up to date"
	if len(refused) > 0 {
		s.view.LastResult = fmt.Sprintf("up to date; %d pack(s) refused", len(refused))
	}
	if best == nil {
		return
	}
	if s.pending == nil || s.pending.folder != best.in.folder || s.pending.fingerprint != best.fingerprint {
		p, err := s.stage(ctx, content, best)
		if err != nil {
			var r Refusal
			if errors.As(err, &r) {
				s.view.Refused = sortedRefusals(append(s.view.Refused, r))
				s.view.LastResult = "refused " + r.Folder
				s.logf("%s", r.Message)
				s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "refused", PackID: r.PackID, Version: r.Version, Detail: r.Message})
				return
			}
			s.view.LastResult, s.view.LastError = "could not copy a pack from the hub", err.Error()
			return
		}
		if p == nil { // unsigned and not newer: refused by stage
			return
		}
		s.pending = p
	}
	if !idle {
		s.view.Waiting = fmt.Sprintf("%s is checked and ready; it will be shown when no visitor is using the kiosk", s.pending.kept.Name())
		return
	}
	s.apply(ctx)
	return
}

func version(sn *seen) int {
	if sn.in.manifest != nil {
		return sn.in.manifest.Version
	}
	return 0
}

// look inspects a folder, again only when something in it changed.
func (s *Syncer) look(content, folder string, rules checkRules, now time.Time) *seen {
	_, _, fp, _ := scanFolder(filepath.Join(content, folder))
	sn := s.cache[folder]
	if sn == nil || sn.fingerprint != fp {
		sn = &seen{fingerprint: fp, since: now}
		s.cache[folder] = sn
	}
	// Inspected afresh each time (cheap: the hashes are checked on copy),
	// since the rules change: a new high water, a new centre, the clock.
	sn.in = inspect(content, folder, rules)
	if sn.in.fingerprint != fp { // changed between the two walks
		sn.fingerprint, sn.since = sn.in.fingerprint, now
	}
	return sn
}

// hubError says in plain words what is wrong with the hub folder.
func hubError(hub string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("the hub folder %s is missing (is the USB stick or share plugged in, is Syncthing running?)", hub)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("the hub folder %s cannot be read: permission denied", hub)
	}
	return fmt.Sprintf("the hub folder %s: %v", hub, err)
}

// stage copies a pack into the kiosk's own folder, checking every file's
// SHA-256 against the signed manifest as it goes: what is imported later
// is exactly what was checked, whatever happens in the hub meanwhile.
func (s *Syncer) stage(ctx context.Context, content string, sn *seen) (*staged, error) {
	in := sn.in
	packs := filepath.Join(s.fleetDir(), "packs")
	if err := os.MkdirAll(packs, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(packs, ".staging-")
	if err != nil {
		return nil, err
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(tmp)
		}
	}()
	src := filepath.Join(content, in.folder)
	var kept Kept
	if m := in.manifest; in.unsigned == "" {
		for _, f := range m.Files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			sum, size, err := hashFile(filepath.Join(src, filepath.FromSlash(f.Path)), filepath.Join(tmp, filepath.FromSlash(f.Path)))
			if err != nil {
				return nil, fmt.Errorf("copy %s: %w", f.Path, err)
			}
			if sum != f.SHA256 || size != f.Size {
				r := Refusal{Folder: in.folder, PackID: m.PackID, Version: m.Version, Reason: ReasonTampered,
					Message: fmt.Sprintf("pack %s: the file %s is not the one the office signed (its SHA-256 differs): changed or damaged on the way", m.Name(), f.Path)}
				sn.tampered = &r
				return nil, r
			}
		}
		kept = Kept{PackID: m.PackID, Version: m.Version, Title: m.Title, Path: m.packPath()}
	} else {
		p := PackFolder
		if in.unsigned == PackZip {
			p = PackZip
			_, _, err = hashFile(filepath.Join(src, PackZip), filepath.Join(tmp, PackZip))
		} else {
			err = os.CopyFS(filepath.Join(tmp, PackFolder), os.DirFS(filepath.Join(src, in.unsigned)))
		}
		if err != nil {
			return nil, fmt.Errorf("copy %s: %w", in.folder, err)
		}
		cat, err := pack.Validate(ctx, filepath.Join(tmp, p), pack.Options{})
		if err != nil {
			r := Refusal{Folder: in.folder, Reason: ReasonContent, Message: fmt.Sprintf("folder %s: the pack has problems: %s", in.folder, firstLines(err.Error(), 3))}
			sn.tampered = &r
			return nil, r
		}
		if cat.Pack.Version <= s.view.HighWater {
			r := Refusal{Folder: in.folder, PackID: in.folder, Version: cat.Pack.Version, Reason: ReasonNotNewer,
				Message: fmt.Sprintf("folder %s (unsigned): version %d is not newer than version %d, already taken", in.folder, cat.Pack.Version, s.view.HighWater)}
			sn.tampered = &r
			return nil, r
		}
		kept = Kept{PackID: in.folder, Version: cat.Pack.Version, Title: cat.Pack.Title, Path: p}
	}
	dir := filepath.Join(packs, fmt.Sprintf("%s-v%d-%d", kept.PackID, kept.Version, s.now().UnixNano()))
	if err := os.Rename(tmp, dir); err != nil {
		return nil, err
	}
	keep = true
	kept.Path = filepath.Join(dir, kept.Path)
	s.logf("pack %s: checked (signature and every file) and copied", kept.Name())
	return &staged{folder: in.folder, fingerprint: sn.fingerprint, kept: kept}, nil
}

// apply imports the pending pack through the pack import, which changes the
// catalogue in one transaction: a kiosk killed at any moment shows the old
// content or the new, never a mix.
func (s *Syncer) apply(ctx context.Context) {
	p := s.pending
	s.pending = nil
	state := s.state()
	if state.Current == nil {
		state.Previous = s.keepHandLoaded(ctx)
	} else {
		state.Previous = state.Current
	}
	set, _ := s.Store.Settings(ctx)
	s.view.Waiting = p.kept.Name() + " is being loaded"
	s.publish()
	s.logf("pack %s: importing", p.kept.Name())
	_, err := pack.Import(ctx, s.Store, p.kept.Path, pack.Options{AllowedHosts: set.AllowedHosts})
	if err != nil && !strings.HasPrefix(err.Error(), "import done") {
		var problems pack.Problems
		msg := err.Error()
		if errors.As(err, &problems) {
			msg = "the pack has problems: " + firstLines(msg, 3)
		}
		r := Refusal{Folder: p.folder, PackID: p.kept.PackID, Version: p.kept.Version, Reason: ReasonContent,
			Message: fmt.Sprintf("pack %s: %s", p.kept.Name(), msg)}
		if sn := s.cache[p.folder]; sn != nil {
			sn.tampered = &r
		}
		s.view.Refused = sortedRefusals(append(s.view.Refused, r))
		s.view.LastResult = "refused " + p.folder
		s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "refused", PackID: r.PackID, Version: r.Version, Detail: r.Message})
		os.RemoveAll(filepath.Dir(p.kept.Path))
		return
	}
	p.kept.AppliedAt = s.now().UTC()
	state.Current = &p.kept
	state.HighWater = p.kept.Version
	state.RolledBack = false
	if err := saveState(ctx, s.Store, state); err != nil {
		s.view.LastError = err.Error()
		return
	}
	s.setState(state)
	s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "applied", PackID: p.kept.PackID, Version: p.kept.Version, Detail: p.kept.Title})
	s.view.LastResult, s.view.Waiting = "showing "+p.kept.Name(), ""
	s.logf("pack %s: now shown", p.kept.Name())
	s.prune()
	if s.OnApplied != nil {
		s.OnApplied()
	}
}

// keepHandLoaded keeps a copy of the content loaded by hand (or the sample)
// before the first fleet pack replaces it, so that staff can roll back to it.
func (s *Syncer) keepHandLoaded(ctx context.Context) *Kept {
	info, err := s.Store.PackInfo(ctx)
	if err != nil {
		return nil
	}
	dir := filepath.Join(s.fleetDir(), "packs", fmt.Sprintf("before-fleet-%d", s.now().UnixNano()))
	dst := filepath.Join(dir, PackZip)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	if err := pack.Export(ctx, s.Store, dst); err != nil {
		s.logf("could not keep the content shown before the fleet: %v", err)
		return nil
	}
	return &Kept{PackID: "before-fleet", Version: info.Version, Title: info.Title, Path: dst, AppliedAt: info.ImportedAt}
}

// prune removes the kept packs that are neither current nor previous.
func (s *Syncer) prune() {
	packs := filepath.Join(s.fleetDir(), "packs")
	entries, _ := os.ReadDir(packs)
	keep := map[string]bool{}
	for _, k := range []*Kept{s.view.Current, s.view.Previous} {
		if k != nil {
			rel, err := filepath.Rel(packs, k.Path)
			if err == nil {
				keep[strings.Split(filepath.ToSlash(rel), "/")[0]] = true
			}
		}
	}
	for _, e := range entries {
		if !keep[e.Name()] && !(s.pending != nil && strings.HasPrefix(s.pending.kept.Path, filepath.Join(packs, e.Name()))) {
			os.RemoveAll(filepath.Join(packs, e.Name()))
		}
	}
}

// RollBack makes the previous pack the one shown again: a staff decision,
// logged with who. The pack rolled back from is not taken again; a newer
// one published later is.
func (s *Syncer) RollBack(ctx context.Context, who string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.publish()
	state := s.state()
	if state.Previous == nil {
		return errors.New("there is no earlier pack to go back to")
	}
	from, to := state.Current, state.Previous
	set, _ := s.Store.Settings(ctx)
	if _, err := pack.Import(ctx, s.Store, to.Path, pack.Options{AllowedHosts: set.AllowedHosts}); err != nil && !strings.HasPrefix(err.Error(), "import done") {
		return fmt.Errorf("roll back to %s: %w", to.Name(), err)
	}
	state.Current, state.Previous, state.RolledBack = to, from, true
	if err := saveState(ctx, s.Store, state); err != nil {
		return err
	}
	s.setState(state)
	detail := fmt.Sprintf("rolled back by %s from %s to %s", who, nameOf(from), to.Name())
	s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "rollback", PackID: to.PackID, Version: to.Version, Detail: detail})
	s.view.LastResult = "rolled back to " + to.Name()
	s.logf("%s", detail)
	if s.OnApplied != nil {
		s.OnApplied()
	}
	go s.WriteStatus(context.WithoutCancel(ctx))
	return nil
}

func nameOf(k *Kept) string {
	if k == nil {
		return "nothing"
	}
	return k.Name()
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("and %d more", len(lines)-n))
	}
	return strings.Join(lines, "; ")
}

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
		LastSync: v.LastCheck.UTC(), LastSyncResult: v.LastResult, LastError: v.LastError,
		Waiting: v.Waiting, Refused: v.Refused, FreeDiskBytes: freeDisk(filepath.Dir(s.Store.Path())),
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
		s.view.LastError = err.Error()
		s.publish()
		s.mu.Unlock()
	}
	return err
}

// writeToHub writes one file of the kiosk's own hub folder, atomically.
func (s *Syncer) writeToHub(hub, path string, b []byte) error {
	if _, err := os.Stat(hub); err != nil {
		return errors.New(hubError(hub, err))
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
