package data

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// A kiosk without a PIN lets nobody into staff mode. The first PIN is set on
// the machine (`ocopkiosk set-pin`, or the installer), or at the kiosk with
// a one-time setup code that someone who can run commands on the machine
// printed with `ocopkiosk setup-code`: the code expires, works once, and
// wrong codes count towards the same lockout as wrong PINs.

// SetupCodeDigits is the length of a setup code.
const SetupCodeDigits = 8

// DefaultSetupCodeLife is how long a setup code works unless told otherwise.
const DefaultSetupCodeLife = 30 * time.Minute

// ErrNoSetupCode means there is no setup code that still works.
var ErrNoSetupCode = errors.New("no setup code is waiting (or it has expired)")

// NewSetupCode makes a random one-time setup code that works for life,
// replacing any earlier one, and returns it with the time it expires. Only
// its hash is stored.
func (s *Store) NewSetupCode(ctx context.Context, life time.Duration) (string, time.Time, error) {
	if life <= 0 {
		return "", time.Time{}, fmt.Errorf("setup code: life %v must be positive", life)
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1e8))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("setup code: %w", err)
	}
	code := fmt.Sprintf("%0*d", SetupCodeDigits, n.Int64())
	hash, err := bcrypt.GenerateFromPassword([]byte(code), pinCost)
	if err != nil {
		return "", time.Time{}, errors.New("setup code: could not hash the code")
	}
	expires := s.Now().Add(life).UTC()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO staff_pin (id, setup_hash, setup_expires) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET setup_hash = excluded.setup_hash, setup_expires = excluded.setup_expires`,
		string(hash), expires.Format(time.RFC3339Nano)); err != nil {
		return "", time.Time{}, fmt.Errorf("setup code: %w", err)
	}
	return code, expires, nil
}

// HasSetupCode reports whether a setup code is waiting and has not expired.
func (s *Store) HasSetupCode(ctx context.Context) (bool, error) {
	st, err := s.readPIN(ctx)
	if err != nil {
		return false, fmt.Errorf("read setup code: %w", err)
	}
	return st.setupHash != "" && s.Now().Before(st.setupExpires), nil
}

// CheckSetupCode checks a setup code like CheckPIN checks a PIN, with the
// same count of wrong tries and lockout. A right code is not used up: the
// PIN set next (SetPIN) clears it. It returns ErrNoSetupCode when no code
// is waiting or it has expired.
func (s *Store) CheckSetupCode(ctx context.Context, code string) (PINResult, error) {
	return s.checkSecret(ctx, code, func(st pinState, now time.Time) (string, error) {
		if st.setupHash == "" || !now.Before(st.setupExpires) {
			return "", ErrNoSetupCode
		}
		return st.setupHash, nil
	})
}

// PINLockout is when the running wrong-PIN lockout ends, or zero when none
// runs, so that a PIN pad opened during one shows it at once. Like
// CheckPIN, it never reports a lockout longer than its own length from now.
func (s *Store) PINLockout(ctx context.Context) (time.Time, error) {
	st, err := s.readPIN(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("read staff PIN: %w", err)
	}
	now := s.Now()
	if !now.Before(st.lockedUntil) {
		return time.Time{}, nil
	}
	return minTime(st.lockedUntil, now.Add(lockoutFor(max(st.lockouts, 1)))).In(now.Location()), nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
