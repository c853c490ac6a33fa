package fleet

import (
	"archive/zip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/data/sign"
	"ocopkiosk/data/synth"
)

// testPack writes a small generated pack with the given version; its
// product count tells catalogues apart.
func testPack(t testing.TB, version, products int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	if _, err := synth.Write(synth.Config{Products: products, Villages: 2, Tours: 1, Photos: 1, Seed: uint64(version)}, dir); err != nil {
		t.Fatal(err)
	}
	setPackVersion(t, dir, version)
	return dir
}

func setPackVersion(t testing.TB, dir string, version int) {
	t.Helper()
	path := filepath.Join(dir, "manifest.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	m["version"] = version
	b, _ = json.Marshal(m)
	os.WriteFile(path, b, 0o644)
}

func testKey(t testing.TB) (sign.PublicKey, sign.PrivateKey) {
	t.Helper()
	pub, priv, err := sign.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// testKiosk is a kiosk joined to hub, trusting keys, at centre.
func testKiosk(t testing.TB, hub Hub, centre string, keys ...sign.PublicKey) *Syncer {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg := Config{KioskID: "k1", Hub: string(hub), Centre: centre, RequireSigned: true}
	for _, k := range keys {
		cfg.AddKey(k)
	}
	ctx := context.Background()
	if err := SaveConfig(ctx, st, cfg); err != nil {
		t.Fatal(err)
	}
	s := &Syncer{Store: st, AppVersion: "test", Settle: time.Millisecond}
	if err := s.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func newHub(t testing.TB) Hub {
	hub := Hub(t.TempDir())
	os.MkdirAll(hub.Content(), 0o755)
	return hub
}

func publish(t testing.TB, hub Hub, packDir string, key sign.PrivateKey, opts PublishOptions) *Manifest {
	t.Helper()
	m, err := Publish(context.Background(), hub, packDir, key, opts)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	return m
}

func products(t testing.TB, s *Syncer) (version, n int) {
	t.Helper()
	st, err := s.Store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.PackVersion, st.Products
}

// refusal finds the refusal for a folder in the view.
func refusal(v View, folder string) *Refusal {
	for _, r := range v.Refused {
		if r.Folder == folder {
			return &r
		}
	}
	return nil
}

func TestAPublishedPackIsImportedAndStatusWritten(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	m := publish(t, hub, testPack(t, 3, 5), priv, PublishOptions{PackID: "hanoi-2026-12"})
	if m.Version != 3 || len(m.Files) < 5 {
		t.Fatalf("manifest %+v", m)
	}
	// What is signed can be checked with the public key alone.
	body, _ := os.ReadFile(filepath.Join(hub.Content(), m.DirName(), ManifestFile))
	sig, _ := os.ReadFile(filepath.Join(hub.Content(), m.DirName(), SignatureFile))
	if got, _, err := sign.Verify(body, sig, []sign.PublicKey{pub}); err != nil || !strings.Contains(got.TrustedComment, "hanoi-2026-12 v3") {
		t.Fatalf("signature: %v, %q", err, got.TrustedComment)
	}
	s := testKiosk(t, hub, "bat-trang", pub)
	s.Check(ctx)
	if v, n := products(t, s); v != 3 || n != 5 {
		t.Fatalf("after sync: v%d with %d products; view %+v", v, n, s.View())
	}
	if err := s.WriteStatus(ctx); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(hub.Status("k1"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStatus(b)
	if err != nil || st.PackID != "hanoi-2026-12" || st.PackVersion != 3 || st.Centre != "bat-trang" || st.LastSyncResult != "showing hanoi-2026-12 v3" {
		t.Errorf("status %+v (%v)", st, err)
	}
	// Publishing the same version again is refused at the office.
	if _, err := Publish(ctx, hub, testPack(t, 3, 6), priv, PublishOptions{PackID: "again"}); err == nil || !strings.Contains(err.Error(), "raise") {
		t.Errorf("republishing v3: %v", err)
	}
}

func TestRefusalsSayWhatAndWhy(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	_, stranger := testKey(t)
	s := testKiosk(t, hub, "bat-trang", pub)
	publish(t, hub, testPack(t, 5, 4), priv, PublishOptions{PackID: "base"})
	s.Check(ctx)
	if v, _ := products(t, s); v != 5 {
		t.Fatalf("base pack not applied: %+v", s.View())
	}

	now := time.Now()
	cases := []struct {
		id, reason, words string
		publish           func(id string)
	}{
		{"wrongkey", ReasonUnknownKey, "signature by an unknown key RW", func(id string) {
			publish(t, hub, testPack(t, 10, 4), stranger, PublishOptions{PackID: id})
		}},
		{"older", ReasonNotNewer, "version 4 is not newer than version 5", func(id string) {
			// Placed by hand: Publish itself refuses to go back.
			dir := filepath.Join(t.TempDir(), "hub")
			h := Hub(dir)
			os.MkdirAll(h.Content(), 0o755)
			m := publish(t, h, testPack(t, 4, 4), priv, PublishOptions{PackID: id})
			os.Rename(filepath.Join(h.Content(), m.DirName()), filepath.Join(hub.Content(), m.DirName()))
		}},
		{"expired", ReasonExpired, "expired: its last day was", func(id string) {
			publish(t, hub, testPack(t, 11, 4), priv, PublishOptions{PackID: id, Now: now.Add(-48 * time.Hour), Expires: now.Add(-time.Hour)})
		}},
		{"elsewhere", ReasonOtherCentre, `for long-bien, not this kiosk's centre "bat-trang"`, func(id string) {
			publish(t, hub, testPack(t, 12, 4), priv, PublishOptions{PackID: id, Centres: []string{"long-bien"}})
		}},
		{"tampered", ReasonTampered, "is not the one the office signed", func(id string) {
			m := publish(t, hub, testPack(t, 13, 4), priv, PublishOptions{PackID: id})
			f := filepath.Join(hub.Content(), m.DirName(), "pack", "products.csv")
			b, _ := os.ReadFile(f)
			os.WriteFile(f, []byte(strings.Replace(string(b), "0", "9", 1)), 0o644) // same size, other bytes
		}},
	}
	for _, c := range cases {
		c.publish(c.id)
	}
	// An unsigned pack: the pack folder copied in by hand.
	os.CopyFS(filepath.Join(hub.Content(), "unsigned"), os.DirFS(testPack(t, 14, 4)))
	cases = append(cases, struct {
		id, reason, words string
		publish           func(id string)
	}{"unsigned", ReasonUnsigned, "unsigned (no fleet.json.minisig)", nil})

	s.Check(ctx)
	s.Check(ctx) // a rescan logs nothing again
	v := s.View()
	if ver, n := products(t, s); ver != 5 || n != 4 {
		t.Errorf("the kiosk changed its content to v%d (%d products); it must keep what it had", ver, n)
	}
	logged, _ := s.Store.FleetLog(ctx, 100)
	for _, c := range cases {
		var r *Refusal
		for i := range v.Refused {
			if strings.HasPrefix(v.Refused[i].Folder, c.id) {
				r = &v.Refused[i]
			}
		}
		var inLog int
		for _, e := range logged {
			if e.Action == "refused" && strings.Contains(e.Detail, c.words) {
				inLog++
			}
		}
		if inLog != 1 {
			t.Errorf("%s: refusal in the fleet log %d times, want once", c.id, inLog)
		}
		if r == nil {
			t.Errorf("%s: not refused; view %+v", c.id, v)
			continue
		}
		if r.Reason != c.reason || !strings.Contains(r.Message, c.words) {
			t.Errorf("%s: refused as %s: %q; want %s saying %q", c.id, r.Reason, r.Message, c.reason, c.words)
		}
		if c.id != "unsigned" && !strings.HasPrefix(r.Message, "pack "+c.id+" v") {
			t.Errorf("%s: the message should start by naming the pack: %q", c.id, r.Message)
		}
	}
	// The refusals reach status.json.
	s.WriteStatus(ctx)
	b, _ := os.ReadFile(hub.Status("k1"))
	st, _ := ParseStatus(b)
	if len(st.Refused) != len(cases) {
		t.Errorf("status.json lists %d refusals, want %d", len(st.Refused), len(cases))
	}
}

func TestIncompletePackWaitsThenApplies(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	s := testKiosk(t, hub, "", pub)
	s.Settle = time.Hour
	m := publish(t, hub, testPack(t, 2, 3), priv, PublishOptions{PackID: "p"})
	dir := filepath.Join(hub.Content(), m.DirName())
	// As Syncthing leaves it mid-transfer: one file still in its temporary name.
	csv := filepath.Join(dir, "pack", "products.csv")
	tmp := filepath.Join(dir, "pack", ".syncthing.products.csv.tmp")
	os.Rename(csv, tmp)
	s.Check(ctx)
	if v := s.View(); !strings.Contains(v.Waiting.String(), "still being copied") || len(v.Refused) > 0 {
		t.Errorf("mid-transfer: %+v", v)
	}
	// A half-copied file (a USB copy in progress).
	b, _ := os.ReadFile(tmp)
	os.Remove(tmp)
	os.WriteFile(csv, b[:len(b)/2], 0o644)
	s.Check(ctx)
	if v := s.View(); !strings.Contains(v.Waiting.String(), "files still to come") || len(v.Refused) > 0 {
		t.Errorf("half-copied: %+v", v)
	}
	if ver, _ := products(t, s); ver == 2 {
		t.Fatal("applied before complete")
	}
	os.WriteFile(csv, b, 0o644)
	s.Check(ctx)
	if ver, n := products(t, s); ver != 2 || n != 3 {
		t.Errorf("complete pack not applied: v%d, view %+v", ver, s.View())
	}
}

func TestNeverSwapsUnderAVisitorAndRollsBack(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	s := testKiosk(t, hub, "", pub)
	idle := false
	s.Idle = func() bool { return idle }
	publish(t, hub, testPack(t, 7, 3), priv, PublishOptions{PackID: "dec"})
	s.Check(ctx)
	if v, _ := products(t, s); v == 7 {
		t.Fatal("content swapped while a visitor was there")
	}
	if w := s.View().Waiting.String(); !strings.Contains(w, "dec v7 is checked and ready") {
		t.Errorf("waiting = %q", w)
	}
	idle = true
	s.Check(ctx)
	if v, _ := products(t, s); v != 7 {
		t.Fatalf("not applied once idle: %+v", s.View())
	}
	publish(t, hub, testPack(t, 8, 6), priv, PublishOptions{PackID: "jan"})
	s.Check(ctx)
	if v, n := products(t, s); v != 8 || n != 6 {
		t.Fatalf("v8 not applied: %+v", s.View())
	}
	if err := s.RollBack(ctx, "staff"); err != nil {
		t.Fatal(err)
	}
	if v, n := products(t, s); v != 7 || n != 3 {
		t.Fatalf("after roll back: v%d, %d products", v, n)
	}
	s.Check(ctx)
	if v, _ := products(t, s); v != 7 {
		t.Fatal("the pack rolled back from came back by itself")
	}
	// Packs shown here before stay in the hub: history, not refusals.
	if r := s.View().Refused; len(r) != 0 {
		t.Errorf("old packs reported as refused: %+v", r)
	}
	log, _ := s.Store.FleetLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "rollback" || !strings.Contains(log[0].Detail, "from jan v8 to dec v7") {
		t.Errorf("log %+v", log)
	}
	publish(t, hub, testPack(t, 9, 2), priv, PublishOptions{PackID: "feb"})
	s.Check(ctx)
	if v, n := products(t, s); v != 9 || n != 2 {
		t.Errorf("a newer pack after the roll back: v%d", v)
	}
	// Rolling back the first fleet pack returns to what was loaded by hand.
	s2 := testKiosk(t, newHub(t), "", pub)
	if _, err := pack.Import(ctx, s2.Store, testPack(t, 1, 4), pack.Options{}); err != nil { // from a USB stick
		t.Fatal(err)
	}
	before, _ := products(t, s2)
	publish(t, Hub(s2.View().Hub), testPack(t, 20, 2), priv, PublishOptions{PackID: "first"})
	s2.Check(ctx)
	if err := s2.RollBack(ctx, "staff"); err != nil {
		t.Fatal(err)
	}
	if v, _ := products(t, s2); v != before {
		t.Errorf("roll back of the first fleet pack: v%d, want the hand-loaded v%d", v, before)
	}
}

func TestKeyRotation(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	oldPub, oldPriv := testKey(t)
	newPub, newPriv := testKey(t)
	s := testKiosk(t, hub, "", oldPub, newPub)
	publish(t, hub, testPack(t, 1, 2), oldPriv, PublishOptions{PackID: "a"})
	s.Check(ctx)
	publish(t, hub, testPack(t, 2, 3), newPriv, PublishOptions{PackID: "b"})
	s.Check(ctx)
	if v, _ := products(t, s); v != 2 {
		t.Fatalf("the new key's pack: %+v", s.View())
	}
	// Once the old key is retired, its packs are refused.
	cfg, _ := LoadConfig(ctx, s.Store)
	cfg.RemoveKey(oldPub)
	SaveConfig(ctx, s.Store, cfg)
	s.Load(ctx)
	publish(t, hub, testPack(t, 3, 3), oldPriv, PublishOptions{PackID: "c"})
	s.Check(ctx)
	if r := refusal(s.View(), "c-v3"); r == nil || r.Reason != ReasonUnknownKey {
		t.Errorf("a retired key's pack: %+v", s.View().Refused)
	}
}

func TestMissingHubIsAStatus(t *testing.T) {
	ctx := context.Background()
	pub, _ := testKey(t)
	hub := Hub(filepath.Join(t.TempDir(), "usb-stick"))
	s := testKiosk(t, hub, "", pub)
	s.Check(ctx)
	v := s.View()
	if !strings.Contains(v.LastError.String(), "is missing") {
		t.Errorf("view %+v", v)
	}
	if err := s.WriteStatus(ctx); err == nil {
		t.Error("status written to a hub that is not there")
	}
	if _, err := os.Stat(string(hub)); err == nil {
		t.Error("the kiosk created the missing hub folder")
	}
	// The stick is back: the next status tells the office it was away.
	os.MkdirAll(hub.Content(), 0o755)
	s.Check(ctx)
	if err := s.WriteStatus(ctx); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(hub.Status("k1"))
	if st, err := ParseStatus(b); err != nil || !strings.Contains(st.LastHubOutage, "the hub could not be read from") || st.LastError != "" {
		t.Errorf("status after the hub came back: %s", b)
	}
}

func TestCheckFolderAndScreenPicture(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	m := publish(t, hub, testPack(t, 4, 2), priv, PublishOptions{PackID: "p", Centres: []string{"a", "b"}})
	dir := filepath.Join(hub.Content(), m.DirName())
	if got, _, err := CheckFolder(dir, []sign.PublicKey{pub}); err != nil || got.CentreList() != "a, b" {
		t.Fatalf("CheckFolder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "pack", "villages.csv"), []byte("x"), 0o644)
	if _, _, err := CheckFolder(dir, []sign.PublicKey{pub}); err == nil || !strings.Contains(err.Error(), "pack/villages.csv") {
		t.Errorf("a changed file: %v", err)
	}

	s := testKiosk(t, hub, "a", pub)
	shots := 0
	later := time.Now().Add(time.Hour) // the kiosk has been up a while
	s.Now = func() time.Time { return later }
	s.Screen = func() []byte { shots++; return []byte("jpeg") }
	s.WriteStatus(ctx)
	s.WriteStatus(ctx)
	if b, err := os.ReadFile(filepath.Join(hub.Kiosk("k1"), ScreenshotFile)); err != nil || string(b) != "jpeg" || shots != 1 {
		t.Errorf("screen picture: %q, %v, taken %d times (want once in 5 minutes)", b, err, shots)
	}
}

func TestAPackThatStopsArrivingIsRefusedOnceSettled(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	s := testKiosk(t, hub, "", pub)
	s.Settle = 50 * time.Millisecond
	m := publish(t, hub, testPack(t, 2, 3), priv, PublishOptions{PackID: "cut"})
	os.Remove(filepath.Join(hub.Content(), m.DirName(), "pack", "tours.csv")) // the copy stopped
	s.Check(ctx)
	if v := s.View(); v.Waiting.Format == "" || len(v.Refused) != 0 {
		t.Fatalf("right away it should wait: %+v", v)
	}
	time.Sleep(100 * time.Millisecond)
	s.Check(ctx)
	r := refusal(s.View(), m.DirName())
	if r == nil || r.Reason != ReasonDamaged || !strings.Contains(r.Message, "pack cut v2: incomplete: 1 of") {
		t.Errorf("after settling: %+v", s.View())
	}
}

func TestUnsignedPacksWhenAllowed(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, _ := testKey(t)
	s := testKiosk(t, hub, "", pub)
	cfg, _ := LoadConfig(ctx, s.Store)
	cfg.RequireSigned = false
	SaveConfig(ctx, s.Store, cfg)
	s.Load(ctx)
	os.CopyFS(filepath.Join(hub.Content(), "usb-december"), os.DirFS(testPack(t, 6, 4)))
	s.Check(ctx)
	if v, n := products(t, s); v != 6 || n != 4 {
		t.Fatalf("unsigned pack not taken: v%d; %+v", v, s.View())
	}
	os.CopyFS(filepath.Join(hub.Content(), "usb-older"), os.DirFS(testPack(t, 3, 2)))
	s.Check(ctx)
	if r := refusal(s.View(), "usb-older"); r == nil || r.Reason != ReasonNotNewer {
		t.Errorf("an older unsigned pack: %+v", s.View().Refused)
	}
}

func TestAZippedPackIsPublishedAndImported(t *testing.T) {
	ctx := context.Background()
	hub := newHub(t)
	pub, priv := testKey(t)
	dir := testPack(t, 4, 3)
	zipPath := filepath.Join(t.TempDir(), "hanoi.zip")
	f, _ := os.Create(zipPath)
	zw := zip.NewWriter(f)
	if err := zw.AddFS(os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	f.Close()
	m := publish(t, hub, zipPath, priv, PublishOptions{})
	if m.PackID != "hanoi" || len(m.Files) != 1 || m.Files[0].Path != PackZip {
		t.Fatalf("manifest %+v", m)
	}
	s := testKiosk(t, hub, "", pub)
	s.Check(ctx)
	if v, n := products(t, s); v != 4 || n != 3 {
		t.Errorf("zipped pack: v%d with %d products; %+v", v, n, s.View())
	}
}
