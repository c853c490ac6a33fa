package data_test

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"ocopkiosk/data"
)

// fakeClock makes st's clock read *now, so a test can move time by hand.
func fakeClock(st *data.Store, now *time.Time) {
	st.Now = func() time.Time { return *now }
}

// storedPINHash reads the hash straight from the database file, as someone
// who copied it would.
func storedPINHash(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var hash string
	if err := db.QueryRow(`SELECT hash FROM staff_pin WHERE id = 1`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	return hash
}

func TestValidPIN(t *testing.T) {
	for _, tc := range []struct {
		pin  string
		want string // "" for valid, else part of the message
	}{
		{"482916", ""},
		{"730518", ""},
		{"123456789012", "too easy"},
		{"48291637", ""},
		{"", "6 to 12 digits long"},
		{"1234", "6 to 12 digits long"},
		{"48291", "6 to 12 digits long"},
		{"4829163759182", "6 to 12 digits long"},
		{"000000", "too easy"},
		{"123456", "too easy"},
		{"654321", "too easy"},
		{"890123", "too easy"},
		{"121212", "too easy"},
		{"123123", "too easy"},
		{"112233", "too easy"},
		{"202611", "too easy"}, // a year first
		{"112026", "too easy"}, // a year last
		{"19850312", "too easy"},
		{"12a456", "only the digits"},
		{" 482916", "only the digits"},
		{"482916\n", "only the digits"},
		{"48.916", "only the digits"},
		{"١٢٣٤", "only the digits"}, // Arabic-Indic digits are digits, but not ASCII
		{"１２３４", "only the digits"}, // full-width digits
	} {
		err := data.ValidPIN(tc.pin)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ValidPIN(%q) = %v, want nil", tc.pin, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("ValidPIN(%q) = %v, want an error saying %q", tc.pin, err, tc.want)
		case err != nil && len(tc.pin) >= 3 && strings.Contains(err.Error(), tc.pin):
			t.Errorf("ValidPIN(%q) = %v: the message repeats the PIN", tc.pin, err)
		}
	}
}

func TestSetPINThenCheckPIN(t *testing.T) {
	st := openStore(t)
	if has, err := st.HasPIN(ctx); err != nil || has {
		t.Fatalf("new store: HasPIN = %v, %v; want false", has, err)
	}
	if _, err := st.CheckPIN(ctx, "1234"); !errors.Is(err, data.ErrNoPIN) {
		t.Fatalf("CheckPIN with no PIN set: err = %v, want ErrNoPIN", err)
	}
	if err := st.SetPIN(ctx, "12ab"); err == nil {
		t.Fatal("SetPIN accepted an invalid PIN")
	}
	if has, _ := st.HasPIN(ctx); has {
		t.Fatal("an invalid PIN was stored")
	}
	if err := st.SetPIN(ctx, "482916"); err != nil {
		t.Fatal(err)
	}
	if has, err := st.HasPIN(ctx); err != nil || !has {
		t.Fatalf("after SetPIN: HasPIN = %v, %v", has, err)
	}
	for _, tc := range []struct {
		pin  string
		want data.PINResult
	}{
		{"482916", data.PINResult{OK: true, AttemptsLeft: 5}},
		{"482917", data.PINResult{AttemptsLeft: 4}},
		{"48291", data.PINResult{AttemptsLeft: 3}},            // too short: simply wrong
		{"", data.PINResult{AttemptsLeft: 2}},                 // empty: simply wrong
		{"482916", data.PINResult{OK: true, AttemptsLeft: 5}}, // and the count starts again
		{"000000", data.PINResult{AttemptsLeft: 4}},
	} {
		got, err := st.CheckPIN(ctx, tc.pin)
		if err != nil || got != tc.want {
			t.Errorf("CheckPIN(%q) = %+v, %v; want %+v", tc.pin, got, err, tc.want)
		}
	}
	// A new PIN replaces the old one.
	if err := st.SetPIN(ctx, "135792"); err != nil {
		t.Fatal(err)
	}
	if r, _ := st.CheckPIN(ctx, "482916"); r.OK {
		t.Error("the old PIN still opens staff mode")
	}
	if r, _ := st.CheckPIN(ctx, "135792"); !r.OK {
		t.Errorf("the new PIN: %+v", r)
	}
}

func TestPINLockoutLadder(t *testing.T) {
	st := openStore(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	fakeClock(st, &now)
	if err := st.SetPIN(ctx, "246813"); err != nil {
		t.Fatal(err)
	}
	check := func(pin string) data.PINResult {
		t.Helper()
		r, err := st.CheckPIN(ctx, pin)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// lockOut enters five wrong PINs and checks that the fifth starts a
	// lockout of want, that nothing (not even the right PIN) is checked
	// while it runs, and that it ends on time.
	lockOut := func(want time.Duration) {
		t.Helper()
		for i := 1; i < data.MaxPINFailures; i++ {
			if r := check("1111"); r != (data.PINResult{AttemptsLeft: data.MaxPINFailures - i}) {
				t.Fatalf("wrong PIN %d: %+v", i, r)
			}
		}
		until := now.Add(want)
		if r := check("1111"); r.OK || r.Locked || !r.LockedUntil.Equal(until) || r.AttemptsLeft != 0 {
			t.Fatalf("fifth wrong PIN: %+v, want a lockout until %v (%v)", r, until, want)
		}
		for _, pin := range []string{"1111", "246813", "1111"} {
			now = now.Add(want / 4)
			if r := check(pin); r.OK || !r.Locked || !r.LockedUntil.Equal(until) || r.AttemptsLeft != 0 {
				t.Fatalf("%v into a %v lockout, %s: %+v, want locked until %v", now.Sub(until.Add(-want)), want, pin, r, until)
			}
		}
		now = until
	}
	for _, want := range []time.Duration{30 * time.Second, time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, time.Hour, time.Hour} {
		lockOut(want)
	}
	// The right PIN after a lockout resets the ladder.
	if r := check("246813"); r != (data.PINResult{OK: true, AttemptsLeft: data.MaxPINFailures}) {
		t.Fatalf("right PIN after the lockouts: %+v", r)
	}
	lockOut(30 * time.Second)
	// So does setting the PIN, even during a lockout.
	check("1111") // starts nothing: the lockout above has ended
	lockOutFrom := now
	for range data.MaxPINFailures - 1 {
		check("1111")
	}
	if r := check("246813"); !r.Locked || !r.LockedUntil.Equal(lockOutFrom.Add(time.Minute)) {
		t.Fatalf("second series: %+v, want locked for a minute", r)
	}
	if err := st.SetPIN(ctx, "975318"); err != nil {
		t.Fatal(err)
	}
	if r := check("975318"); !r.OK {
		t.Fatalf("new PIN set during a lockout: %+v", r)
	}
}

func TestPINLockoutSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	open := func() *data.Store {
		t.Helper()
		st, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		fakeClock(st, &now)
		return st
	}
	st := open()
	if err := st.SetPIN(ctx, "808013"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		st.CheckPIN(ctx, "1234")
	}
	st.Close()

	// A restart does not forget the three wrong PINs.
	st = open()
	if r, err := st.CheckPIN(ctx, "1234"); err != nil || r.AttemptsLeft != 1 {
		t.Fatalf("fourth wrong PIN after a restart: %+v, %v", r, err)
	}
	r, err := st.CheckPIN(ctx, "1234")
	if err != nil || r.LockedUntil.IsZero() {
		t.Fatalf("fifth wrong PIN: %+v, %v; want a lockout", r, err)
	}
	until := r.LockedUntil
	st.Close()

	// Nor the lockout.
	st = open()
	now = now.Add(10 * time.Second)
	if r, err := st.CheckPIN(ctx, "808013"); err != nil || !r.Locked || !r.LockedUntil.Equal(until) {
		t.Fatalf("right PIN during the lockout, after a restart: %+v, %v", r, err)
	}
	st.Close()

	// Nor how far up the ladder it is.
	st = open()
	defer st.Close()
	now = until
	for range data.MaxPINFailures {
		r, err = st.CheckPIN(ctx, "1234")
	}
	if err != nil || !r.LockedUntil.Equal(now.Add(time.Minute)) {
		t.Fatalf("second series after a restart: %+v, %v; want a one-minute lockout", r, err)
	}
}

func TestPINLockoutWhenTheClockGoesBack(t *testing.T) {
	st := openStore(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	fakeClock(st, &now)
	st.SetPIN(ctx, "246813")
	for range data.MaxPINFailures {
		st.CheckPIN(ctx, "1111")
	}
	// A flat clock battery: the kiosk boots a year in the past.
	now = now.AddDate(-1, 0, 0)
	r, err := st.CheckPIN(ctx, "246813")
	if err != nil || !r.Locked || !r.LockedUntil.Equal(now.Add(30*time.Second)) {
		t.Fatalf("after the clock went back: %+v, %v; want locked for 30 s from now", r, err)
	}
	now = now.Add(30 * time.Second)
	if r, err := st.CheckPIN(ctx, "246813"); err != nil || !r.OK {
		t.Fatalf("30 s later: %+v, %v", r, err)
	}
}

func TestConcurrentWrongPINsAreEachCounted(t *testing.T) {
	st := openStore(t)
	st.SetPIN(ctx, "246813")
	results := make([]data.PINResult, data.MaxPINFailures)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			r, err := st.CheckPIN(ctx, "1111")
			if err != nil {
				t.Error(err)
			}
			results[i] = r
		})
	}
	wg.Wait()
	lockouts := 0
	for _, r := range results {
		if !r.LockedUntil.IsZero() {
			lockouts++
		}
	}
	if lockouts != 1 {
		t.Errorf("%d concurrent wrong PINs started %d lockouts, want 1: %+v", data.MaxPINFailures, lockouts, results)
	}
}

func TestPINHashIsSaltedAndNotThePIN(t *testing.T) {
	dir := t.TempDir()
	var hashes []string
	for _, name := range []string{"a.db", "b.db"} {
		path := filepath.Join(dir, name)
		st, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetPIN(ctx, "135790"); err != nil {
			t.Fatal(err)
		}
		st.Close()
		hashes = append(hashes, storedPINHash(t, path))
	}
	for _, h := range hashes {
		if strings.Contains(h, "135790") || !strings.HasPrefix(h, "$2") {
			t.Errorf("stored %q: want a bcrypt hash that does not contain the PIN", h)
		}
	}
	if hashes[0] == hashes[1] {
		t.Errorf("the same PIN hashes the same in two stores (%s): no salt", hashes[0])
	}
}
