package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data/fleet"
)

func TestFleetCommandsRefuseBadInputClearly(t *testing.T) {
	dir := t.TempDir()
	hub := filepath.Join(dir, "hub")
	os.MkdirAll(hub, 0o755)
	ocopkiosk(t, "keygen", "-o", filepath.Join(dir, "office"))
	key := filepath.Join(dir, "office.key")
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"fleet"}, 2, "Subcommands"},
		{[]string{"fleet", "launch"}, 2, `unknown subcommand "launch"`},
		{[]string{"fleet", "publish", "x"}, 2, "--key is required"},
		{[]string{"fleet", "publish", "x", "--key", key}, 2, "--hub is required"},
		{[]string{"fleet", "publish", filepath.Join(dir, "nope"), "--key", key, "--hub", filepath.Join(dir, "nohub")}, 1, "the hub folder"},
		{[]string{"fleet", "publish", filepath.Join(dir, "nope"), "--key", key, "--hub", hub}, 1, "the pack has problems; nothing was published"},
		{[]string{"fleet", "publish", e2ePack(t, 2, 2, 1), "--key", key, "--hub", hub, "--centre", "bad id!"}, 1, `centre id "bad id!" is not valid`},
		{[]string{"fleet", "status"}, 2, "--hub is required"},
		{[]string{"fleet", "report", "--hub", hub, "--format", "xml"}, 1, `--format "xml"`},
		{[]string{"fleet", "join", "--hub", hub, "--kiosk-id", "k 1", "--db", filepath.Join(dir, "k.db")}, 1, `kiosk id "k 1" is not valid`},
		{[]string{"fleet", "join", "--hub", hub, "--kiosk-id", "k1", "--db", filepath.Join(dir, "k.db")}, 1, "no key is trusted"},
		{[]string{"fleet", "sync", "--once", "--db", filepath.Join(dir, "k2.db")}, 1, "has not joined a fleet"},
	} {
		out, errOut, code := ocopkiosk(t, c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.says) {
			t.Errorf("%v: exit %d, want %d saying %q:\n%s%s", c.args, code, c.code, c.says, out, errOut)
		}
	}
}

func TestFleetReportCSVAndVerifyPackFolder(t *testing.T) {
	dir := t.TempDir()
	hub := fleet.Hub(filepath.Join(dir, "hub"))
	ocopkiosk(t, "keygen", "-o", filepath.Join(dir, "office"))
	if _, errOut, code := ocopkiosk(t, "fleet", "publish", e2ePack(t, 3, 2, 1), "--key", filepath.Join(dir, "office.key"),
		"--hub", string(hub), "--id", "dec", "--expires", time.Now().AddDate(0, 1, 0).Format(dateLayout)); code != 1 || !strings.Contains(errOut, "hub folder") {
		t.Errorf("publish to a hub that is not there: exit %d, %s", code, errOut)
	}
	os.MkdirAll(string(hub), 0o755)
	if out, errOut, code := ocopkiosk(t, "fleet", "publish", e2ePack(t, 3, 2, 1), "--key", filepath.Join(dir, "office.key"),
		"--hub", string(hub), "--id", "dec"); code != 0 || !strings.Contains(out, "published dec v3") {
		t.Fatalf("publish: exit %d\n%s%s", code, out, errOut)
	}
	packDir := filepath.Join(hub.Content(), "dec-v3")
	if out, errOut, code := ocopkiosk(t, "verify", "--pub", filepath.Join(dir, "office.pub"), packDir); code != 0 || !strings.Contains(out, "good: pack dec v3 for all centres") {
		t.Errorf("verify pack folder: exit %d\n%s%s", code, out, errOut)
	}
	// A kiosk's day, as it writes it.
	os.MkdirAll(filepath.Join(hub.Kiosk("k1"), "events"), 0o755)
	st := `{"kiosk_id":"k1","centre":"bat-trang","written_at":"2026-11-30T10:00:00Z"}`
	os.WriteFile(hub.Status("k1"), []byte(st), 0o644)
	os.WriteFile(hub.Events("k1", "2026-11-30"), []byte("day,metric,key,count,extra\n2026-11-30,events,session_start,4,0\n2026-11-30,search,=cmd,1,0\n"), 0o644)
	os.WriteFile(hub.Events("k1", "2026-11-29"), []byte("garbage"), 0o644)
	out, errOut, code := ocopkiosk(t, "fleet", "report", "--hub", string(hub), "--from", "2026-11-29", "--to", "2026-11-30")
	if code != 0 {
		t.Fatalf("report: %s", errOut)
	}
	if !strings.Contains(errOut, filepath.Join("k1", "events", "2026-11-29.csv")+": skipped, damaged") {
		t.Errorf("no warning naming the damaged file: %q", errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "centre,section,day_or_key,kind,id,name,count,results" {
		t.Errorf("header %v", rows[0])
	}
	found := map[string]bool{}
	for _, r := range rows[1:] {
		found[r[0]+" "+r[1]+" "+r[6]] = true
		if r[1] == "top_searches" && r[2] != "'=cmd" {
			t.Errorf("a formula-like query must be made text: %q", r[2])
		}
	}
	for _, want := range []string{"all sessions 4", "bat-trang sessions 4"} {
		if !found[want] {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
}
