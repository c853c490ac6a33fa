package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"ocopkiosk/data"
)

// withStdin makes set-pin read input for the rest of the test.
func withStdin(t *testing.T, input string) {
	t.Helper()
	old := stdin
	stdin = strings.NewReader(input)
	t.Cleanup(func() { stdin = old })
}

func TestSetPIN(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		input  string
		code   int
		stderr string // part of it
		pin    string // the PIN then set, or "" for none
	}{
		{"same PIN twice", "482916\n482916\n", 0, "Again: ", "482916"},
		{"Windows line ends, no final newline", "135792\r\n135792", 0, "Again: ", "135792"},
		{"spaces around", "  246813 \n246813\n", 0, "Again: ", "246813"},
		{"two different PINs", "482916\n482917\n", 1, "the two PINs differ; the PIN was not changed", ""},
		{"too short", "4829\n4829\n", 1, "6 to 12 digits long; the PIN was not changed", ""},
		{"too common", "123456\n123456\n", 1, "too easy to guess", ""},
		{"a year", "201926\n201926\n", 1, "too easy to guess", ""},
		{"not digits", "12ab\n12ab\n", 1, "only the digits 0 to 9", ""},
		{"nothing typed", "", 1, "no PIN given", ""},
		{"only once", "482916\n", 1, "no PIN given", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kiosk.db")
			withStdin(t, tc.input)
			out, errOut, code := ocopkiosk(t, "set-pin", "--db", db)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, errOut, tc.code, tc.stderr)
			}
			if !strings.HasPrefix(errOut, "New staff PIN (6–12 digits): ") {
				t.Errorf("stderr %q does not start with the prompt", errOut)
			}
			if tc.code == 0 && !strings.Contains(out, "staff PIN set") {
				t.Errorf("stdout %q", out)
			}
			// What was typed is never printed back.
			for _, typed := range strings.Fields(tc.input) {
				if strings.Contains(out+errOut, typed) {
					t.Errorf("the output repeats %q:\n%s%s", typed, out, errOut)
				}
			}

			st, err := data.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if has, err := st.HasPIN(ctx); err != nil || has != (tc.pin != "") {
				t.Fatalf("HasPIN = %v, %v", has, err)
			}
			if tc.pin == "" {
				return
			}
			if r, err := st.CheckPIN(ctx, tc.pin); err != nil || !r.OK {
				t.Errorf("CheckPIN(the PIN set) = %+v, %v", r, err)
			}
		})
	}
}

func TestSetPINReplacesThePINAndClearsALockout(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "kiosk.db")
	withStdin(t, "731842\n731842\n")
	if _, errOut, code := ocopkiosk(t, "set-pin", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for range data.MaxPINFailures {
		st.CheckPIN(ctx, "0000")
	}
	if r, _ := st.CheckPIN(ctx, "1111"); !r.Locked {
		t.Fatalf("not locked after %d wrong PINs: %+v", data.MaxPINFailures, r)
	}
	st.Close()

	withStdin(t, "22223333\n22223333\n")
	if _, errOut, code := ocopkiosk(t, "set-pin", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if r, err := st.CheckPIN(ctx, "22223333"); err != nil || !r.OK {
		t.Errorf("new PIN: %+v, %v", r, err)
	}
	if r, _ := st.CheckPIN(ctx, "731842"); r.OK {
		t.Error("the old PIN still works")
	}
}

func TestSetPINUsage(t *testing.T) {
	withStdin(t, "1234\n1234\n")
	if _, _, code := ocopkiosk(t, "set-pin", "--db", filepath.Join(t.TempDir(), "kiosk.db"), "1234"); code != 2 {
		t.Errorf("a PIN on the command line (where shell history keeps it): exit %d, want 2", code)
	}
	out, _, code := ocopkiosk(t, "set-pin", "--help")
	if code != 0 || !strings.Contains(out, "ocopkiosk set-pin [--db PATH]") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	out, _, _ = ocopkiosk(t, "help")
	if !strings.Contains(out, "set-pin") {
		t.Errorf("help does not list set-pin:\n%s", out)
	}
}
