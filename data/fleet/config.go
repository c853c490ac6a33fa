package fleet

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/sign"
)

// Config is a kiosk's fleet settings, kept in its database and set by
// `ocopkiosk fleet join` (never by editing SQL).
type Config struct {
	KioskID       string   `json:"kiosk_id"`
	Hub           string   `json:"hub"`              // the hub folder on this machine
	Centre        string   `json:"centre,omitempty"` // the centre packs are checked against; empty: the kiosk's settings
	Trusted       []string `json:"trusted_keys"`     // public keys (RW…); several during a rotation
	RequireSigned bool     `json:"require_signed"`   // refuse unsigned packs (the default)
}

// Joined reports whether the kiosk is part of a fleet.
func (c Config) Joined() bool { return c.KioskID != "" && c.Hub != "" }

// Keys parses the trusted keys.
func (c Config) Keys() ([]sign.PublicKey, error) {
	keys := make([]sign.PublicKey, 0, len(c.Trusted))
	for _, s := range c.Trusted {
		k, err := sign.ParsePublicKey(s)
		if err != nil {
			return nil, fmt.Errorf("trusted key %q: %w", s, err)
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// Validate says what is wrong with c, or nil.
func (c Config) Validate() error {
	var errs []error
	if !ValidID(c.KioskID) {
		errs = append(errs, fmt.Errorf("kiosk id %q is not valid: use up to 64 letters, digits, - and _", c.KioskID))
	}
	if c.Centre != "" && !ValidID(c.Centre) {
		errs = append(errs, fmt.Errorf("centre id %q is not valid: use letters, digits, - and _", c.Centre))
	}
	if c.Hub == "" {
		errs = append(errs, errors.New("no hub folder"))
	}
	if _, err := c.Keys(); err != nil {
		errs = append(errs, err)
	}
	if c.RequireSigned && len(c.Trusted) == 0 {
		errs = append(errs, errors.New("signing is required but no key is trusted: give the office's public key"))
	}
	return errors.Join(errs...)
}

// AddKey trusts one more key (given as RW… or .pub text), once.
func (c *Config) AddKey(k sign.PublicKey) {
	s := sign.KeyString(k)
	if !slices.Contains(c.Trusted, s) {
		c.Trusted = append(c.Trusted, s)
	}
}

// RemoveKey stops trusting a key; it reports whether it was trusted.
func (c *Config) RemoveKey(k sign.PublicKey) bool {
	s := sign.KeyString(k)
	i := slices.Index(c.Trusted, s)
	if i < 0 {
		return false
	}
	c.Trusted = slices.Delete(c.Trusted, i, i+1)
	return true
}

// Kept is a pack the kiosk applied and keeps a copy of.
type Kept struct {
	PackID    string    `json:"pack_id"`
	Version   int       `json:"version"`
	Title     string    `json:"title,omitempty"`
	Path      string    `json:"path"` // the copy, a folder or zip in the kiosk's own fleet folder
	AppliedAt time.Time `json:"applied_at"`
}

// Name is "hanoi-2026-12 v7".
func (k *Kept) Name() string { return fmt.Sprintf("%s v%d", k.PackID, k.Version) }

// State is what the kiosk remembers between runs.
type State struct {
	HighWater  int   `json:"high_water"` // the highest version ever accepted: nothing at or below is taken
	Current    *Kept `json:"current,omitempty"`
	Previous   *Kept `json:"previous,omitempty"`
	RolledBack bool  `json:"rolled_back,omitempty"` // staff rolled back from HighWater
	// Shown lists the packs this kiosk has shown ("id v7"), newest last, at
	// most maxShown: the office keeps old packs in the hub, and those are
	// history, not refusals worth reporting.
	Shown []string `json:"shown,omitempty"`
}

const maxShown = 200

// remember adds a pack to Shown.
func (st *State) remember(k *Kept) {
	if slices.Contains(st.Shown, k.Name()) {
		return
	}
	st.Shown = append(st.Shown, k.Name())
	if len(st.Shown) > maxShown {
		st.Shown = st.Shown[len(st.Shown)-maxShown:]
	}
}

const (
	keyConfig = "config"
	keyState  = "state"
)

// LoadConfig reads the kiosk's fleet settings (zero when it never joined).
func LoadConfig(ctx context.Context, st *data.Store) (Config, error) {
	c := Config{RequireSigned: true}
	_, err := st.FleetValue(ctx, keyConfig, &c)
	return c, err
}

// SaveConfig checks and stores the kiosk's fleet settings.
func SaveConfig(ctx context.Context, st *data.Store, c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return st.SaveFleetValues(ctx, map[string]any{keyConfig: c})
}

func loadState(ctx context.Context, st *data.Store) (State, error) {
	var s State
	_, err := st.FleetValue(ctx, keyState, &s)
	return s, err
}

func saveState(ctx context.Context, st *data.Store, s State) error {
	return st.SaveFleetValues(ctx, map[string]any{keyState: s})
}

// centre is the centre packs are checked against: the one given at join,
// else the kiosk's settings (which default to the loaded pack's centre).
func (c Config) centre(set data.Settings) string {
	if c.Centre != "" {
		return c.Centre
	}
	return set.CentreID
}
