package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ocopkiosk/data"
)

// Global flags stand before or after the command; help lists the commands;
// each command's --help gives its own flags; a slip gets a suggestion.
func TestCommandLineConvention(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	for _, args := range [][]string{{"--db", db, "stats", "--json"}, {"--db=" + db, "stats", "--json"}, {"stats", "--json", "--db", db}} {
		out, errOut, code := ocopkiosk(t, args...)
		var stats data.Stats
		if code != 0 || json.Unmarshal([]byte(out), &stats) != nil || stats.Villages == 0 {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"--db", db, "--help"}} {
		out, _, code := ocopkiosk(t, args...)
		if code != 0 || !strings.Contains(out, "Commands:") || !strings.Contains(out, "setup-code") || strings.Count(out, "Usage") != 1 {
			t.Errorf("%v: exit %d, want the list of commands once:\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"report", "--help"}, {"help", "report"}} {
		out, _, code := ocopkiosk(t, args...)
		if code != 0 || !strings.Contains(out, "Usage: ocopkiosk report") || !strings.Contains(out, "-audit") || strings.Contains(out, "Commands:") {
			t.Errorf("%v: exit %d, want report's own flags:\n%s", args, code, out)
		}
	}
	_, errOut, code := ocopkiosk(t, "stast")
	if code != 2 || !strings.Contains(errOut, `unknown command "stast"; did you mean "stats"?`) {
		t.Errorf("a slip: exit %d\n%s", code, errOut)
	}
	_, errOut, code = ocopkiosk(t, "valid", "x")
	if code != 2 || !strings.Contains(errOut, `did you mean "validate"?`) {
		t.Errorf("a prefix: exit %d\n%s", code, errOut)
	}
	// A flag after the pack still counts.
	if _, errOut, code := ocopkiosk(t, "validate", "../../docs/example-pack", "--db", db); code != 0 {
		t.Errorf("validate PACK --db: exit %d\n%s", code, errOut)
	}
	// So it does after a search's words (it was read as one of them).
	out, errOut, code := ocopkiosk(t, "search", "bát", "tràng", "--json", "--db", db, "--limit", "2")
	if code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "[") || strings.Count(out, `"id"`) != 2 {
		t.Errorf("search WORDS --json --db --limit: exit %d\n%s%s", code, out, errOut)
	}
}

// validate checks a pack against the kiosk's own allow-list, as import
// does, and says which findings come from the kiosk's settings.
func TestValidateAndImportAgreeOnTheKiosksAllowList(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "kiosk.db")
	example := "../../docs/example-pack"
	if out, errOut, code := ocopkiosk(t, "validate", "--db", db, example); code != 0 || !strings.Contains(out, "is valid") {
		t.Fatalf("the example pack on a new kiosk: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := ocopkiosk(t, "import", "--db", db, example); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errOut)
	}
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := st.Settings(ctx)
	s.AllowedHosts = []string{"tiki.vn"}
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, vErr, vCode := ocopkiosk(t, "validate", "--db", db, example)
	_, iErr, iCode := ocopkiosk(t, "import", "--db", db, example)
	if vCode != 1 || iCode != 1 {
		t.Fatalf("a kiosk that allows only tiki.vn: validate exit %d, import exit %d\n%s\n%s", vCode, iCode, vErr, iErr)
	}
	problems := regexp.MustCompile(`(?m)^.*\[depends on this kiosk's settings: allowed sites\]$`)
	v, i := problems.FindAllString(vErr, -1), problems.FindAllString(iErr, -1)
	if len(v) != 4 || strings.Join(v, "\n") != strings.Join(i, "\n") {
		t.Errorf("validate said:\n%s\nimport said:\n%s", vErr, iErr)
	}
	if !strings.Contains(vErr, "4 of them because of this kiosk's settings") {
		t.Errorf("validate's summary:\n%s", vErr)
	}
}

func TestSetupCodeAndAuditReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	out, errOut, code := ocopkiosk(t, "setup-code", "--db", db, "--valid", "10m")
	if code != 0 || !regexp.MustCompile(`setup code: \d{4} \d{4}\n`).MatchString(out) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	withStdin(t, "482916\n482916\n")
	if _, errOut, code := ocopkiosk(t, "set-pin", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code = ocopkiosk(t, "report", "--audit", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// For Excel, as the analytics report: a BOM first and CRLF line ends.
	if !strings.HasPrefix(out, "\ufefftime,") || strings.Count(out, "\r\n") != 3 {
		t.Errorf("the audit CSV lacks the BOM or the CRLF Excel needs: %q", out)
	}
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(strings.TrimPrefix(out, "\ufeff"), "\r\n", "\n")), "\n")
	if len(lines) != 3 || lines[0] != "time,action,outcome,detail" || !strings.Contains(lines[1], ",setup-code,ok,") ||
		!strings.Contains(lines[2], ",set-pin,ok,from the command line") {
		t.Errorf("audit report:\n%s", out)
	}
	if _, errOut, code := ocopkiosk(t, "setup-code", "--db", db, "--valid", "48h"); code != 1 || !strings.Contains(errOut, "at most 24h") {
		t.Errorf("a code valid for two days: exit %d %s", code, errOut)
	}
}
