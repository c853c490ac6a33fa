package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/fleet"
	"ocopkiosk/data/sign"
	"ocopkiosk/data/synth"
	"ocopkiosk/internal/fleetlab"
)

// TestMain lets the test binary run as the ocopkiosk program, so that the
// end-to-end test starts real ocopkiosk processes without building one.
// e2ePack writes a generated pack of the given version and size.
func e2ePack(t *testing.T, version, products, photos int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), fmt.Sprintf("pack-v%d", version))
	if _, err := synth.Write(synth.Config{Products: products, Villages: 2, Tours: 1, Photos: photos, Seed: uint64(version)}, dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "manifest.json")
	b, _ := os.ReadFile(path)
	var m map[string]any
	json.Unmarshal(b, &m)
	m["version"] = version
	b, _ = json.Marshal(m)
	os.WriteFile(path, b, 0o644)
	return dir
}

// kioskProcess is a real `ocopkiosk fleet sync` process.
type kioskProcess struct {
	id, db string
	cmd    *exec.Cmd
	done   chan struct{}
	mu     sync.Mutex
	lines  []string
	notify chan string
}

func startKiosk(t *testing.T, id, db string, logDir string) *kioskProcess {
	t.Helper()
	k := &kioskProcess{id: id, db: db, done: make(chan struct{}), notify: make(chan string, 100)}
	k.cmd = exec.Command(os.Args[0], "fleet", "sync", "--db", db, "--rescan", "2s", "--status-every", "2s")
	k.cmd.Env = append(os.Environ(), "OCOPKIOSK_AS_PROGRAM=1")
	stderr, _ := k.cmd.StderrPipe()
	logFile, _ := os.OpenFile(filepath.Join(logDir, id+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err := k.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logFile, line)
			k.mu.Lock()
			k.lines = append(k.lines, line)
			k.mu.Unlock()
			select {
			case k.notify <- line:
			default:
			}
		}
		k.cmd.Wait()
		logFile.Close()
		close(k.done)
	}()
	return k
}

func (k *kioskProcess) kill() {
	k.cmd.Process.Kill()
	<-k.done
}

func (k *kioskProcess) log() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return strings.Join(k.lines, "\n")
}

// catalogue is what a stopped kiosk's database holds: its pack version
// and product count.
func catalogue(t *testing.T, db string) (version, products int) {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.PackVersion, s.Products
}

// TestFleetEndToEndWithSyncthing runs an office and two kiosks with real
// Syncthing processes on 127.0.0.1 and real ocopkiosk processes. It is not
// skipped in CI: there, a missing syncthing is a failure.
func TestFleetEndToEndWithSyncthing(t *testing.T) {
	if _, err := exec.LookPath("syncthing"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("syncthing is not installed; make test installs it (TEST_DEBS)")
		}
		t.Skip("syncthing is not installed (apt-get install syncthing)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	start := time.Now()
	dir := t.TempDir()
	logDir := filepath.Join(dir, "logs")
	os.MkdirAll(logDir, 0o755)
	lab, err := fleetlab.NewLab(ctx, dir, []string{"k1", "k2"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append([]*fleetlab.Device{lab.Office}, lab.Kiosks...) {
		f, _ := os.Create(filepath.Join(logDir, "syncthing-"+d.Name+".log"))
		defer f.Close()
		d.Log = f
	}
	if err := lab.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer lab.Stop()
	kiosks := map[string]*kioskProcess{}
	defer func() {
		for _, k := range kiosks {
			k.kill()
		}
		if t.Failed() {
			files, _ := filepath.Glob(filepath.Join(logDir, "*.log"))
			for _, f := range files {
				b, _ := os.ReadFile(f)
				lines := strings.Split(strings.TrimSpace(string(b)), "\n")
				t.Logf("--- %s (last 40 lines) ---\n%s", filepath.Base(f), strings.Join(lines[max(0, len(lines)-40):], "\n"))
			}
		}
	}()

	officeHub := fleet.Hub(lab.OfficeHub)
	keyPrefix := filepath.Join(dir, "office")
	ocopkiosk(t, "keygen", "-o", keyPrefix)
	priv, _ := sign.ReadSecretKey(keyPrefix+".key", "")
	_, stranger, _ := sign.GenerateKey()
	centre := map[string]string{"k1": "bat-trang", "k2": "long-bien"}
	dbs := map[string]string{}
	first := e2ePack(t, 1, 2, 1)
	for _, id := range []string{"k1", "k2"} {
		dbs[id] = filepath.Join(dir, id, "kiosk.db")
		// Loaded by hand first (a small pack rather than the built-in
		// sample, which takes a minute under the race detector).
		if _, errOut, code := ocopkiosk(t, "import", "--db", dbs[id], first); code != 0 {
			t.Fatalf("import %s: %s", id, errOut)
		}
		if _, errOut, code := ocopkiosk(t, "fleet", "join", "--hub", lab.KioskHubs[id], "--key", keyPrefix+".pub",
			"--kiosk-id", id, "--centre", centre[id], "--db", dbs[id]); code != 0 {
			t.Fatalf("join %s: %s", id, errOut)
		}
		kiosks[id] = startKiosk(t, id, dbs[id], logDir)
	}

	// waitStatus waits until the kiosk's status.json, as it reached the
	// office through Syncthing, meets ok.
	waitStatus := func(id, what string, ok func(*fleet.Status) bool) *fleet.Status {
		t.Helper()
		deadline := time.Now().Add(waitLimit)
		var last *fleet.Status
		for time.Now().Before(deadline) {
			if b, err := os.ReadFile(officeHub.Status(id)); err == nil {
				if s, err := fleet.ParseStatus(b); err == nil {
					last = s
					if ok(s) {
						return s
					}
				}
			}
			time.Sleep(250 * time.Millisecond)
		}
		t.Fatalf("%s: waited %s for %s; last status at the office: %+v", id, waitLimit, what, last)
		return nil
	}
	on := func(version int) func(*fleet.Status) bool {
		return func(s *fleet.Status) bool { return s.PackVersion == version }
	}
	publishCLI := func(packDir string, args ...string) {
		t.Helper()
		out, errOut, code := ocopkiosk(t, append([]string{"fleet", "publish", packDir, "--key", keyPrefix + ".key", "--hub", lab.OfficeHub}, args...)...)
		if code != 0 {
			t.Fatalf("publish: %s%s", out, errOut)
		}
	}
	step := func(name string) { t.Logf("%5.1fs %s", time.Since(start).Seconds(), name) }

	step("a published pack reaches both kiosks and is imported")
	publishCLI(e2ePack(t, 2, 5, 1), "--id", "all-2026-12")
	for _, id := range []string{"k1", "k2"} {
		s := waitStatus(id, "v2", on(2))
		if s.PackID != "all-2026-12" || s.Centre != centre[id] {
			t.Errorf("%s status %+v", id, s)
		}
	}

	step("a pack for centre bat-trang is imported at k1 and not at k2")
	publishCLI(e2ePack(t, 3, 6, 1), "--id", "bt-2026-12", "--centre", "bat-trang")
	waitStatus("k1", "v3", on(3))
	s := waitStatus("k2", "refusing bt-2026-12-v3", func(s *fleet.Status) bool { return hasRefusal(s, "bt-2026-12-v3", fleet.ReasonOtherCentre) })
	if s.PackVersion != 2 {
		t.Errorf("k2 took the other centre's pack: %+v", s)
	}

	step("tampered, wrong key, older and expired packs are refused with the reason")
	scratch := fleet.Hub(filepath.Join(dir, "scratch"))
	os.MkdirAll(scratch.Content(), 0o755)
	place := func(packDir string, key sign.PrivateKey, opts fleet.PublishOptions, spoil func(dir string)) string {
		m, err := fleet.Publish(ctx, scratch, packDir, key, opts)
		if err != nil {
			t.Fatal(err)
		}
		src := filepath.Join(scratch.Content(), m.DirName())
		if spoil != nil {
			spoil(src)
		}
		if err := os.Rename(src, filepath.Join(officeHub.Content(), m.DirName())); err != nil {
			t.Fatal(err)
		}
		return m.DirName()
	}
	now := time.Now()
	refusals := map[string]string{
		place(e2ePack(t, 10, 5, 1), priv, fleet.PublishOptions{PackID: "tampered"}, func(d string) {
			f := filepath.Join(d, "pack", "products.csv")
			b, _ := os.ReadFile(f)
			os.WriteFile(f, []byte(strings.Replace(string(b), "0", "1", 1)), 0o644)
		}): fleet.ReasonTampered,
		place(e2ePack(t, 11, 5, 1), stranger, fleet.PublishOptions{PackID: "wrongkey"}, nil):                                                         fleet.ReasonUnknownKey,
		place(e2ePack(t, 1, 5, 1), priv, fleet.PublishOptions{PackID: "older"}, nil):                                                                 fleet.ReasonNotNewer,
		place(e2ePack(t, 12, 5, 1), priv, fleet.PublishOptions{PackID: "expired", Now: now.Add(-72 * time.Hour), Expires: now.Add(-time.Hour)}, nil): fleet.ReasonExpired,
	}
	s = waitStatus("k1", "four refusals", func(s *fleet.Status) bool {
		for folder, reason := range refusals {
			if !hasRefusal(s, folder, reason) {
				return false
			}
		}
		return true
	})
	if s.PackVersion != 3 {
		t.Errorf("k1 changed its content while refusing: %+v", s)
	}
	for _, r := range s.Refused {
		if !strings.HasPrefix(r.Message, "pack ") || !strings.Contains(r.Message, ": ") {
			t.Errorf("refusal without its pack and reason: %q", r.Message)
		}
	}

	step("analytics from both kiosks appear in fleet report")
	today := time.Now()
	sessions := map[string]int{"k1": 3, "k2": 4}
	for id, n := range sessions {
		st, err := data.Open(dbs[id]) // beside the running kiosk, as its screens would record
		if err != nil {
			t.Fatal(err)
		}
		var evs []data.Event
		for i := range n {
			evs = append(evs, data.Event{At: today, Session: int64(1000 + i), Kind: data.EventSessionStart})
		}
		if err := st.RecordEvents(ctx, evs); err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	deadline := time.Now().Add(waitLimit)
	var rep fleet.FleetReport
	for {
		out, errOut, code := runProgram(t, "fleet", "report", "--hub", lab.OfficeHub, "--format", "json", "--from", today.Format(dateLayout), "--to", today.Format(dateLayout))
		if code != 0 {
			t.Fatalf("fleet report: %s", errOut)
		}
		json.Unmarshal([]byte(out), &rep)
		if rep.Total.Sessions == 7 || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if rep.Total.Sessions != 7 || rep.Centres["bat-trang"].Sessions != 3 || rep.Centres["long-bien"].Sessions != 4 {
		t.Errorf("fleet report: total %d, bat-trang %d, long-bien %d; want 7, 3, 4", rep.Total.Sessions, rep.Centres["bat-trang"].Sessions, rep.Centres["long-bien"].Sessions)
	}
	if out, _, code := runProgram(t, "fleet", "status", "--hub", lab.OfficeHub); code != 0 || !strings.Contains(out, "k1") || !strings.Contains(out, "k2") {
		t.Errorf("fleet status: exit %d\n%s", code, out)
	}

	step("k2 killed mid-transfer stays on the old catalogue, then takes the new one")
	k2 := lab.Kiosks[1]
	// Syncthing limits no connection on the local network unless told to,
	// and 127.0.0.1 is local: without this the pack arrives whole at once.
	if err := k2.REST(ctx, "PATCH", "/rest/config/options", map[string]any{"limitBandwidthInLan": true}, nil); err != nil {
		t.Fatal(err)
	}
	if err := k2.REST(ctx, "PATCH", "/rest/config/devices/"+lab.Office.ID, map[string]any{"maxRecvKbps": 100}, nil); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	// 1.5 MB besides the content (a brochure the office sends along):
	// about 15 s at this rate, so the kill lands mid-transfer.
	big := e2ePack(t, 13, 8, 1)
	os.MkdirAll(filepath.Join(big, "extras"), 0o755)
	brochure := make([]byte, 1500_000)
	rand.Read(brochure)
	os.WriteFile(filepath.Join(big, "extras", "brochure.bin"), brochure, 0o644)
	publishCLI(big, "--id", "all-2027-01")
	k2Pack := filepath.Join(lab.KioskHubs["k2"], "content", "all-2027-01-v13")
	waitFor(t, "k2 mid-transfer", func() bool { return transferring(k2Pack) })
	kiosks["k2"].kill()
	delete(kiosks, "k2")
	k2.Kill()
	if v, n := catalogue(t, dbs["k2"]); v != 2 || n != 5 {
		t.Errorf("k2 after a kill mid-transfer: v%d with %d products; want the old v2 with 5", v, n)
	}
	// The kiosk comes back before Syncthing: it must wait, not import half a pack.
	kiosks["k2"] = startKiosk(t, "k2", dbs["k2"], logDir)
	time.Sleep(3 * time.Second)
	if err := k2.Start(ctx); err != nil {
		t.Fatal(err)
	}
	k2.REST(ctx, "PATCH", "/rest/config/devices/"+lab.Office.ID, map[string]any{"maxRecvKbps": 0}, nil)
	waitStatus("k2", "v13 after the restart", on(13))

	step("k1 killed mid-import shows the old or the new catalogue, never a mix")
	waitStatus("k1", "v13", on(13))
	counts := map[int]int{13: 8, 14: 1500}
	publishCLI(e2ePack(t, 14, 1500, 1), "--id", "all-2027-02")
	k1 := kiosks["k1"]
	waitLine(t, k1, "all-2027-02 v14: importing")
	k1.kill()
	delete(kiosks, "k1")
	v, n := catalogue(t, dbs["k1"])
	if counts[v] != n {
		t.Errorf("k1 killed mid-import holds v%d with %d products: a mix", v, n)
	}
	t.Logf("k1 killed mid-import: on v%d (%d products)", v, n)
	kiosks["k1"] = startKiosk(t, "k1", dbs["k1"], logDir)
	waitStatus("k1", "v14 after the restart", on(14))
	step("done")
}

// waitLimit bounds every wait for something to happen. A step takes a few
// seconds; the limit is generous because under the race detector on a
// machine shared by many jobs (load 40 on 2 cores) a restart and import
// took over a minute.
const waitLimit = 3 * time.Minute

func hasRefusal(s *fleet.Status, folder, reason string) bool {
	for _, r := range s.Refused {
		if r.Folder == folder && r.Reason == reason {
			return true
		}
	}
	return false
}

// transferring reports whether Syncthing is part-way through a pack folder.
func transferring(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".syncthing.") {
			found = true
		}
		return nil
	})
	return found
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", waitLimit, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func waitLine(t *testing.T, k *kioskProcess, text string) {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case line := <-k.notify:
			if strings.Contains(line, text) {
				return
			}
		case <-timeout:
			t.Fatalf("%s never said %q", k.id, text)
		}
	}
}

// runProgram runs ocopkiosk as a separate process.
func runProgram(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OCOPKIOSK_AS_PROGRAM=1")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code = cmd.ProcessState.ExitCode()
	if err != nil && code == -1 {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}
