package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
)

// ocopkiosk runs a command line in-process and returns its output and status.
func ocopkiosk(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestStatsOnANewDatabaseShowsTheSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	out, errOut, code := ocopkiosk(t, "stats", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var stats data.Stats
	if err := json.Unmarshal([]byte(out), &stats); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if stats.Villages != 9 || stats.Products < 60 || stats.Tours < 9 || len(stats.Languages) != 5 || stats.PackVersion < 1 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	out, errOut, code := ocopkiosk(t, "search", "--db", db, "--lang", "en", "--json", "lua", "van", "phuc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var hits []struct{ Kind, ID, Name string }
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("hits %v, %v", hits, err)
	}
	for _, h := range hits[:3] {
		if !strings.Contains(h.ID, "vp") && !strings.Contains(h.ID, "van-phuc") {
			t.Errorf("\"lua van phuc\" ranks %s (%s) in the top three", h.ID, h.Name)
		}
	}
}

func TestImportOfABrokenPackPrintsEveryProblemAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kiosk.db")
	if _, errOut, code := ocopkiosk(t, "stats", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	before, _, _ := ocopkiosk(t, "stats", "--db", db, "--json")
	pack := filepath.Join(dir, "pack")
	if _, errOut, code := ocopkiosk(t, "export", "--db", db, pack); code != 0 {
		t.Fatal(errOut)
	}
	products := filepath.Join(pack, "products.csv")
	b, _ := os.ReadFile(products)
	broken := strings.Replace(string(b), ",IV,", ",IX,", 2)
	os.WriteFile(products, []byte(broken), 0o644)
	os.Remove(filepath.Join(pack, "stories", "van-phuc.vi.md"))
	_, errOut, code := ocopkiosk(t, "import", "--db", db, pack)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	var located int
	for _, l := range lines {
		if strings.HasPrefix(l, "products.csv:") && strings.Contains(l, `group: "IX" is not an OCOP group`) {
			located++
		}
	}
	if located != 2 || !strings.Contains(errOut, "stories/van-phuc.vi.md: missing") {
		t.Errorf("problems not all reported:\n%s", errOut)
	}
	after, _, _ := ocopkiosk(t, "stats", "--db", db, "--json")
	if before != after {
		t.Errorf("stats changed after a failed import:\n%s\n%s", before, after)
	}
}

func TestQRCommandWritesTheKiosksCode(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	png := filepath.Join(t.TempDir(), "code.png")
	out, errOut, code := ocopkiosk(t, "qr", "--db", db, "--product", "bt-lotus-tea-set", "--lang", "ko", "-o", png)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := strings.TrimSpace(out)
	if !strings.HasPrefix(text, "https://shopee.vn/") || !strings.Contains(text, "utm_content=bt-lotus-tea-set") || !strings.HasSuffix(text, "lang=ko") {
		t.Errorf("code text %q", text)
	}
	if zbar, err := exec.LookPath("zbarimg"); err == nil {
		got, err := exec.Command(zbar, "--raw", "-q", png).Output()
		if err != nil || strings.TrimSpace(string(got)) != text {
			t.Errorf("zbarimg read %q (%v), want %q", got, err, text)
		}
	}
	if _, _, code := ocopkiosk(t, "qr", "--db", db, "--tour", "x", "--village", "y", "-o", png); code == 0 {
		t.Error("two items at once were accepted")
	}
}

func TestUsageErrors(t *testing.T) {
	if _, _, code := ocopkiosk(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if _, _, code := ocopkiosk(t, "validate"); code != 2 {
		t.Errorf("validate without a pack: exit %d", code)
	}
	out, _, code := ocopkiosk(t, "import", "--help")
	if code != 0 || !strings.Contains(out, "Usage: ocopkiosk import") {
		t.Errorf("import --help: exit %d, %q", code, out)
	}
	if _, errOut, code := ocopkiosk(t, "validate", filepath.Join(t.TempDir(), "nothing-here")); code != 1 || errOut == "" {
		t.Errorf("validate of a missing pack: exit %d, %q", code, errOut)
	}
}

// Text that reached the database before packs were checked for control
// characters (or through any other way) is printed escaped: a title with
// ESC]0;…BEL ESC[2J must not retitle or clear the staff's terminal.
func TestStatsAndSearchEscapeWhatTheyPrint(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	hostile := "\x1b]0;pwned\x07\x1b[2JCông ty \u202eyt"
	cat := &data.Catalogue{
		Pack:     data.PackInfo{Format: 1, Version: 1, Title: hostile, Created: time.Now()},
		Villages: []data.Village{{ID: "lang", Name: data.Text{data.VI: "Làng " + hostile}, Story: data.Text{data.VI: "x"}}},
	}
	if err := st.ReplaceCatalogue(context.Background(), cat); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range [][]string{{"stats", "--db", db}, {"search", "--db", db, "lang"}} {
		out, errOut, code := ocopkiosk(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%v printed control characters: %q", args, out)
		}
		if !strings.Contains(out, `\x1b]0;pwned\x07\x1b[2JCông ty \u202eyt`) {
			t.Errorf("%v does not show the text escaped: %q", args, out)
		}
	}
}
