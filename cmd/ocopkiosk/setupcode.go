package main

import (
	"context"
	"fmt"
	"time"

	"ocopkiosk/data"
)

// runSetupCode prints a one-time code with which staff set the first PIN
// at the kiosk itself: the staff gesture on a kiosk without a PIN asks for
// it. Whoever can run this command on the machine could set the PIN anyway.
func runSetupCode(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	valid := fs.Duration("valid", data.DefaultSetupCodeLife, "how long the code works (at most 24h)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if *valid <= 0 || *valid > 24*time.Hour {
		return fmt.Errorf("--valid %v: expected more than 0 and at most 24h", *valid)
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	code, expires, err := st.NewSetupCode(ctx, *valid)
	if err != nil {
		return err
	}
	if err := st.Audit(ctx, data.AuditSetupCode, data.OutcomeOK, "made on the command line, valid until "+expires.Local().Format("2006-01-02 15:04")); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "setup code: %s %s\n", code[:4], code[4:])
	fmt.Fprintf(e.stdout, "At the kiosk, tap the title five times, enter this code, then choose the staff PIN.\n")
	fmt.Fprintf(e.stdout, "It works once, until %s; a new code replaces it.\n", expires.Local().Format("2006-01-02 15:04"))
	return nil
}
