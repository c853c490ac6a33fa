package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"ocopkiosk/data"
)

// stdin is where set-pin reads the PIN; tests replace it.
var stdin io.Reader = os.Stdin

func runSetPIN(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	// Open the database first, so that a wrong --db fails before anyone
	// types a PIN.
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	read := pinReader(e.stderr)
	pin, err := read(fmt.Sprintf("New staff PIN (%d–%d digits): ", data.MinPINDigits, data.MaxPINDigits))
	if err != nil {
		return err
	}
	// The messages below never repeat what was typed.
	if err := data.ValidPIN(pin); err != nil {
		return fmt.Errorf("%v; the PIN was not changed", err)
	}
	again, err := read("Again: ")
	if err != nil {
		return err
	}
	if again != pin {
		return errors.New("the two PINs differ; the PIN was not changed")
	}
	if err := st.SetPIN(ctx, pin); err != nil {
		return err
	}
	if err := st.Audit(ctx, data.AuditSetPIN, data.OutcomeOK, "from the command line"); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "staff PIN set; any wrong-PIN lockout is cleared")
	return nil
}

// pinReader returns a function that prompts on w and reads one PIN from
// stdin: from a terminal without echoing it, otherwise a line at a time
// (from a pipe, for scripts), through one buffer so that the second line
// is not lost in the first read's.
func pinReader(w io.Writer) func(prompt string) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return func(prompt string) (string, error) {
			fmt.Fprint(w, prompt)
			b, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(w) // the Enter was not echoed either
			if err != nil {
				return "", fmt.Errorf("read the PIN: %w", err)
			}
			return strings.TrimSpace(string(b)), nil
		}
	}
	r := bufio.NewReader(stdin)
	return func(prompt string) (string, error) {
		fmt.Fprint(w, prompt)
		line, err := r.ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			if errors.Is(err, io.EOF) {
				fmt.Fprintln(w)
				return "", errors.New("no PIN given (end of input); the PIN was not changed")
			}
			return "", fmt.Errorf("read the PIN: %w", err)
		}
		return strings.TrimSpace(line), nil
	}
}
