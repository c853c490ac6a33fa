package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// The staff PIN opens staff mode. It is kept only as a bcrypt hash, and
// neither it nor its hash is ever logged or put into an error message.
// Wrong PINs are counted in the database, not in memory, so that switching
// the kiosk off and on does not buy a guesser more tries.

// MaxPINFailures is how many wrong PINs in a row start a lockout.
const MaxPINFailures = 5

// pinCost is the bcrypt cost. A PIN of at most 8 digits falls to an offline
// search at any cost, so what really protects it is the lockout (and the
// database file's permissions); the cost only has to make each guess slow
// without making staff wait at a kiosk with a small ARM board, where 10
// (bcrypt's default, about 70 ms on a PC) takes a few tenths of a second.
const pinCost = 10

// pinLockouts is the lockout ladder: how long the first, second, ... lockout
// since the last right PIN lasts. The last rung repeats for ever.
var pinLockouts = []time.Duration{30 * time.Second, time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour}

// lockoutFor is how long the level-th lockout lasts (level counts from 1).
func lockoutFor(level int) time.Duration {
	if level < 1 {
		return 0
	}
	return pinLockouts[min(level, len(pinLockouts))-1]
}

// ErrNoPIN means no staff PIN has been set yet, so none can be checked; the
// kiosk then asks staff to set one.
var ErrNoPIN = errors.New("no staff PIN is set")

// MinPINDigits and MaxPINDigits bound a new staff PIN's length.
const (
	MinPINDigits = 6
	MaxPINDigits = 12
)

// ValidPIN reports why pin cannot be a new staff PIN, or nil when it can:
// it must be MinPINDigits to MaxPINDigits ASCII digits and not one a
// guesser tries first (see commonPIN). The error never repeats the PIN.
func ValidPIN(pin string) error {
	if !allDigits(pin) {
		return errors.New("the PIN must contain only the digits 0 to 9")
	}
	if len(pin) < MinPINDigits || len(pin) > MaxPINDigits {
		return fmt.Errorf("the PIN must be %d to %d digits long", MinPINDigits, MaxPINDigits)
	}
	if why := commonPIN(pin, time.Now()); why != "" {
		return fmt.Errorf("the PIN is too easy to guess (%s); choose another", why)
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// PINResult is the outcome of one CheckPIN.
type PINResult struct {
	OK bool
	// Locked is true when the PIN was refused because a lockout is running:
	// it was not even checked, and it does not count as a wrong PIN.
	Locked bool
	// LockedUntil is when the running lockout ends; zero if none is running.
	// The wrong PIN that starts a lockout returns it with Locked false (that
	// PIN was checked), so a screen shows the countdown whenever it is set.
	LockedUntil time.Time
	// AttemptsLeft is how many more wrong PINs start the next lockout; 0
	// while a lockout runs, MaxPINFailures after a right PIN.
	AttemptsLeft int
}

// pinState is the staff_pin row. until is kept as stored, so that an update
// can require that nothing changed since it was read.
type pinState struct {
	hash        string
	failures    int
	lockouts    int
	until       string
	lockedUntil time.Time // until parsed; zero when none or unreadable

	setupHash    string    // bcrypt of the one-time setup code; "" for none
	setupExpires time.Time // when the setup code stops working
}

func (s *Store) readPIN(ctx context.Context) (pinState, error) {
	if s.readOnly {
		s.roMu.Lock()
		defer s.roMu.Unlock()
		if s.roPIN != nil {
			return *s.roPIN, nil // wrong PINs counted in memory (see swapPIN)
		}
	}
	var st pinState
	var expires string
	err := s.db.QueryRowContext(ctx, `SELECT hash, failures, lockouts, locked_until, setup_hash, setup_expires FROM staff_pin WHERE id = 1`).
		Scan(&st.hash, &st.failures, &st.lockouts, &st.until, &st.setupHash, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return pinState{}, nil
	}
	if err != nil {
		return pinState{}, err
	}
	st.setupExpires, _ = time.Parse(time.RFC3339Nano, expires)
	if st.until != "" {
		// An unreadable time (a hand-edited database) counts as no lockout
		// rather than as one that never ends.
		st.lockedUntil, _ = time.Parse(time.RFC3339Nano, st.until)
	}
	return st, nil
}

// HasPIN reports whether a staff PIN has been set.
func (s *Store) HasPIN(ctx context.Context) (bool, error) {
	st, err := s.readPIN(ctx)
	if err != nil {
		return false, fmt.Errorf("read staff PIN: %w", err)
	}
	return st.hash != "", nil
}

// SetPIN makes pin the staff PIN, refusing one that ValidPIN refuses. Only
// a salted bcrypt hash is stored. It also clears the count of wrong PINs,
// any lockout and any setup code: whoever may set the PIN may also end a
// lockout, and a code is good for one PIN only.
func (s *Store) SetPIN(ctx context.Context, pin string) error {
	if err := ValidPIN(pin); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pin), pinCost)
	if err != nil {
		// bcrypt's errors do not contain the password, but say nothing
		// of it anyway.
		return errors.New("set staff PIN: could not hash the PIN")
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO staff_pin (id, hash, failures, lockouts, locked_until)
		VALUES (1, ?, 0, 0, '')
		ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, failures = 0, lockouts = 0, locked_until = '',
			setup_hash = '', setup_expires = ''`,
		string(hash)); err != nil {
		return fmt.Errorf("set staff PIN: %w", err)
	}
	return nil
}

// CheckPIN checks pin against the staff PIN and counts wrong ones: after
// MaxPINFailures wrong PINs in a row the PIN is locked for 30 s, and each
// further series of wrong PINs locks it for longer (1 min, 5 min, 15 min,
// then 1 h each time) until a right PIN resets everything. While a lockout
// runs, CheckPIN returns Locked without checking pin. It returns ErrNoPIN
// when no PIN is set.
//
// A lockout that ends further ahead than its own length (the clock was set
// back, say by a flat clock battery) is shortened to its length from now,
// so that staff are never locked out for years.
func (s *Store) CheckPIN(ctx context.Context, pin string) (PINResult, error) {
	return s.checkSecret(ctx, pin, func(st pinState, _ time.Time) (string, error) {
		if st.hash == "" {
			return "", ErrNoPIN
		}
		return st.hash, nil
	})
}

// checkSecret is CheckPIN against the hash that pick chooses from the row
// (the PIN's or the setup code's): both share one count of wrong tries and
// one lockout, so a guesser gains nothing by switching between them.
func (s *Store) checkSecret(ctx context.Context, secret string, pick func(st pinState, now time.Time) (string, error)) (PINResult, error) {
	// The slow hash is compared outside any transaction, and the new state
	// is written only if the row is still as it was read; if another check
	// got in between, the whole check runs again on the new state.
	for range 5 {
		st, err := s.readPIN(ctx)
		if err != nil {
			return PINResult{}, fmt.Errorf("check staff PIN: %w", err)
		}
		now := s.Now()
		hash, err := pick(st, now)
		if err != nil {
			return PINResult{}, err
		}
		next := st
		var res PINResult
		if now.Before(st.lockedUntil) {
			longest := now.Add(lockoutFor(max(st.lockouts, 1)))
			if !st.lockedUntil.After(longest) {
				return PINResult{Locked: true, LockedUntil: st.lockedUntil.In(now.Location())}, nil
			}
			next.lockedUntil = longest
			res = PINResult{Locked: true, LockedUntil: longest}
		} else {
			ok, err := pinMatches(hash, secret)
			if err != nil {
				return PINResult{}, err
			}
			if ok {
				next = pinState{hash: st.hash, until: ""}
				res = PINResult{OK: true, AttemptsLeft: MaxPINFailures}
			} else {
				next.failures++
				next.lockedUntil = time.Time{}
				if next.failures >= MaxPINFailures {
					next.failures = 0
					next.lockouts++
					next.lockedUntil = now.Add(lockoutFor(next.lockouts))
				}
				res = PINResult{LockedUntil: next.lockedUntil}
				if next.lockedUntil.IsZero() {
					res.AttemptsLeft = MaxPINFailures - next.failures
				}
			}
		}
		swapped, err := s.swapPIN(ctx, st, next)
		if err != nil {
			return PINResult{}, fmt.Errorf("check staff PIN: %w", err)
		}
		if swapped {
			return res, nil
		}
	}
	return PINResult{}, errors.New("check staff PIN: the PIN kept changing while it was checked; try again")
}

// pinMatches compares pin with a stored hash. A PIN of the wrong shape is
// simply wrong (and not hashed: bcrypt refuses long input).
func pinMatches(hash, pin string) (bool, error) {
	// A PIN set before the rules grew stricter (4 or 5 digits) still opens
	// staff mode, so that no kiosk locks its staff out by updating.
	if !allDigits(pin) || len(pin) < 4 || len(pin) > MaxPINDigits {
		return false, nil
	}
	switch err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pin)); {
	case err == nil:
		return true, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	default:
		// bcrypt's own errors may quote a character of the hash.
		return false, errors.New("check staff PIN: the stored PIN is damaged; set a new one with `ocopkiosk set-pin`")
	}
}

// swapPIN writes next's counters if the row still holds old, and reports
// whether it did.
func (s *Store) swapPIN(ctx context.Context, old, next pinState) (bool, error) {
	if s.readOnly {
		// A read-only database (OpenReadOnly) cannot record wrong PINs;
		// they are counted in memory, so the lockout still holds until the
		// kiosk restarts.
		s.roMu.Lock()
		defer s.roMu.Unlock()
		next.until = ""
		if !next.lockedUntil.IsZero() {
			next.until = next.lockedUntil.UTC().Format(time.RFC3339Nano)
		}
		s.roPIN = &next
		return true, nil
	}
	until := ""
	if !next.lockedUntil.IsZero() {
		until = next.lockedUntil.UTC().Format(time.RFC3339Nano)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE staff_pin SET failures = ?, lockouts = ?, locked_until = ?
		WHERE id = 1 AND hash = ? AND failures = ? AND lockouts = ? AND locked_until = ?`,
		next.failures, next.lockouts, until, old.hash, old.failures, old.lockouts, old.until)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
