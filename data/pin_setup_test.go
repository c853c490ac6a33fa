package data_test

import (
	"errors"
	"testing"
	"time"

	"ocopkiosk/data"
)

func TestSetupCodeWorksOnceAndExpires(t *testing.T) {
	st := openStore(t)
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return now }
	if has, err := st.HasSetupCode(ctx); err != nil || has {
		t.Fatalf("new store: HasSetupCode = %v, %v", has, err)
	}
	if _, err := st.CheckSetupCode(ctx, "12345678"); !errors.Is(err, data.ErrNoSetupCode) {
		t.Fatalf("no code: err = %v", err)
	}
	code, expires, err := st.NewSetupCode(ctx, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != data.SetupCodeDigits || !expires.Equal(now.Add(30*time.Minute)) {
		t.Fatalf("code %q expires %v", code, expires)
	}
	if r, err := st.CheckSetupCode(ctx, "00000000"); err != nil || r.OK || r.AttemptsLeft != data.MaxPINFailures-1 {
		t.Errorf("a wrong code: %+v, %v", r, err)
	}
	// A wrong code and a wrong PIN count towards the same lockout.
	if _, err := st.CheckPIN(ctx, "111111"); !errors.Is(err, data.ErrNoPIN) {
		t.Errorf("no PIN yet: %v", err)
	}
	if r, err := st.CheckSetupCode(ctx, code); err != nil || !r.OK {
		t.Fatalf("the right code: %+v, %v", r, err)
	}
	if err := st.SetPIN(ctx, "482916"); err != nil {
		t.Fatal(err)
	}
	if has, _ := st.HasSetupCode(ctx); has {
		t.Error("the code still works after a PIN was set with it")
	}
	// A second code expires.
	code, _, err = st.NewSetupCode(ctx, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Minute)
	if _, err := st.CheckSetupCode(ctx, code); !errors.Is(err, data.ErrNoSetupCode) {
		t.Errorf("an expired code: err = %v", err)
	}
	if r, err := st.CheckPIN(ctx, "482916"); err != nil || !r.OK {
		t.Errorf("the PIN after a new code expired: %+v, %v", r, err)
	}
}

func TestAuditLogRecordsAndKeepsAYear(t *testing.T) {
	st := openStore(t)
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return now }
	for i, a := range []string{data.AuditSignIn, data.AuditImport, data.AuditSettings} {
		now = now.Add(time.Duration(i) * time.Minute)
		if err := st.Audit(ctx, a, data.OutcomeOK, "  detail\nwith   spaces "); err != nil {
			t.Fatal(err)
		}
	}
	log, err := st.AuditLog(ctx, time.Time{}, time.Time{}, 0)
	if err != nil || len(log) != 3 {
		t.Fatalf("log = %+v, %v", log, err)
	}
	if log[0].Action != data.AuditSettings || log[2].Action != data.AuditSignIn || log[0].Detail != "detail with spaces" {
		t.Errorf("log not newest first or detail not tidied: %+v", log)
	}
	if n, err := st.PruneAudit(ctx, now.Add(364*24*time.Hour)); err != nil || n != 0 {
		t.Errorf("prune within a year: %d, %v", n, err)
	}
	if n, err := st.PruneAudit(ctx, now.Add(366*24*time.Hour)); err != nil || n != 3 {
		t.Errorf("prune after a year: %d, %v", n, err)
	}
}
