package fleet

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/sign"
	"ocopkiosk/lang"
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
	hubGone   time.Time // since when the hub cannot be read; zero: it can
}

// View is the sync state for staff mode and status.json.
type View struct {
	Joined      bool
	KioskID     string
	Hub         string
	Centre      string
	LastCheck   time.Time
	LastResult  string      // in words
	LastError   lang.Phrase // empty Format: none
	Waiting     lang.Phrase // a pack on its way; empty Format: none
	LastOutage  string      // the last time the hub could not be read, once it is back
	Refused     []Refusal
	Current     *Kept
	Previous    *Kept
	RolledBack  bool
	Shown       []string // the packs this kiosk has shown (see State.Shown)
	HighWater   int
	CanRollBack bool
}

// seen is a content folder as last inspected.
type seen struct {
	fingerprint string
	since       time.Time // when it was first seen with this fingerprint
	in          *inspection
	tampered    *Refusal // found while copying: stands until the folder changes
	logged      bool     // its refusal is in the log
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
	s.view.Shown = st.Shown
	s.view.CanRollBack = st.Previous != nil
}

func (s *Syncer) state() State {
	return State{HighWater: s.view.HighWater, Current: s.view.Current, Previous: s.view.Previous, RolledBack: s.view.RolledBack,
		Shown: slices.Clone(s.view.Shown)}
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
		s.view.LastResult, s.view.LastError, s.view.Waiting = "could not look at the hub", hubError(s.cfg.Hub, err), lang.Phrase{}
		if s.hubGone.IsZero() {
			s.hubGone = now
			s.logf("%s", s.view.LastError)
		}
		return
	}
	if !s.hubGone.IsZero() {
		// The office cannot read a status written while the hub was
		// away: the next one says how long it was.
		s.view.LastOutage = fmt.Sprintf("the hub could not be read from %s to %s UTC", s.hubGone.UTC().Format("2006-01-02 15:04:05"), now.UTC().Format("15:04:05"))
		s.logf("the hub is back; %s", s.view.LastOutage)
		s.hubGone = time.Time{}
	}
	if set, err := s.Store.Settings(ctx); err == nil {
		s.view.Centre = s.cfg.centre(set)
	}
	rules := checkRules{trusted: s.keys, requireSigned: s.cfg.RequireSigned, centre: s.view.Centre,
		highWater: s.view.HighWater, now: now}
	var refused []Refusal
	var best *seen
	var waiting lang.Phrase
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
		case in.waiting.Format != "" && (in.refusal == nil || now.Sub(sn.since) < every(s.Settle, 10*time.Second)):
			waiting = lang.Phrasef("folder %s: %s", e.Name(), in.waiting)
		case in.refusal != nil:
			if in.manifest != nil && slices.Contains(s.view.Shown, in.manifest.Name()) {
				continue // shown here before (or now): history, not news
			}
			if !sn.logged {
				// Once for each state of the folder: the log and the
				// fleet log say what was refused, not every rescan.
				sn.logged = true
				s.logRefusal(ctx, *in.refusal)
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
	s.view.LastError = lang.Phrase{}
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
				s.logRefusal(ctx, r)
				return
			}
			s.view.LastResult, s.view.LastError = "could not copy a pack from the hub", lang.Phrasef("could not copy a pack from the hub: %v", err)
			return
		}
		if p == nil { // unsigned and not newer: refused by stage
			return
		}
		s.pending = p
	}
	if !idle {
		s.view.Waiting = lang.Phrasef("%s is checked and ready; it will be shown when no visitor is using the kiosk", s.pending.kept.Name())
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
		sn.fingerprint, sn.since, sn.logged = sn.in.fingerprint, now, false
	}
	return sn
}

// logRefusal writes a refusal to the kiosk's log and its fleet log.
func (s *Syncer) logRefusal(ctx context.Context, r Refusal) {
	s.logf("%s", r.Message)
	s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "refused", PackID: r.PackID, Version: r.Version, Detail: r.Message})
}

// hubError says in plain words what is wrong with the hub folder.
func hubError(hub string, err error) lang.Phrase {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lang.Phrasef("the hub folder %s is missing (is the USB stick or share plugged in, is Syncthing running?)", hub)
	case errors.Is(err, fs.ErrPermission):
		return lang.Phrasef("the hub folder %s cannot be read: permission denied", hub)
	}
	return lang.Phrasef("the hub folder %s: %v", hub, err)
}
