package fleet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/lang"
)

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
	s.view.Waiting = lang.Phrasef("%s is being loaded", p.kept.Name())
	s.publish()
	s.logf("pack %s: importing", p.kept.Name())
	// A catalogue back means the import committed, even with an error
	// (old photos not removed): that is only worth a line in the log.
	cat, err := pack.Import(ctx, s.Store, p.kept.Path, pack.Options{AllowedHosts: set.AllowedHosts})
	if cat != nil && err != nil {
		s.logf("pack %s: %v", p.kept.Name(), err)
	}
	if cat == nil {
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
	state.remember(&p.kept)
	if err := saveState(ctx, s.Store, state); err != nil {
		s.view.LastError = lang.Phrasef("could not record the pack shown: %v", err)
		return
	}
	s.setState(state)
	s.Store.LogFleet(ctx, data.FleetLogEntry{Action: "applied", PackID: p.kept.PackID, Version: p.kept.Version, Detail: p.kept.Title})
	s.view.LastResult, s.view.Waiting = "showing "+p.kept.Name(), lang.Phrase{}
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
	if cat, err := pack.Import(ctx, s.Store, to.Path, pack.Options{AllowedHosts: set.AllowedHosts}); cat == nil {
		return fmt.Errorf("roll back to %s: %w", to.Name(), err)
	} else if err != nil {
		s.logf("roll back to %s: %v", to.Name(), err)
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
