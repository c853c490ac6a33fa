//go:build unix

package fleet

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/synth"
)

// The fleet's scale targets (BENCHMARKS.md): `fleet status` and `fleet
// report` over 300 kiosks with 90 days of events each, each well under 2 s;
// a kiosk notices and checks a national-size pack within 5 s of its last
// file arriving.

const (
	benchKiosks = 300
	benchDays   = 90
)

var benchDay0 = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)

// benchHub is a hub of 300 kiosks × 90 days of made-up but plausible
// events (about 80 rows a day each: sessions, screens, 40 products, a few
// villages and tours, QR codes, languages, searches), made once and kept in
// $TMPDIR between runs.
func benchHub(b *testing.B) Hub {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("ocop-bench-fleet-%dx%d", benchKiosks, benchDays))
	hub := Hub(dir)
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return hub
	}
	os.RemoveAll(dir)
	r := rand.New(rand.NewPCG(1, 2))
	centres := 60
	for k := range benchKiosks {
		id := fmt.Sprintf("k%03d", k)
		os.MkdirAll(filepath.Join(hub.Kiosk(id), EventsDir), 0o755)
		st := Status{KioskID: id, Centre: fmt.Sprintf("centre-%02d", k%centres), AppVersion: "1.0.0",
			PackID: "national-2026-11", PackVersion: 7, WrittenAt: time.Now()}
		os.WriteFile(hub.Status(id), mustJSON(st), 0o644)
		for d := range benchDays {
			day := benchDay0.AddDate(0, 0, d).Format("2006-01-02")
			os.WriteFile(hub.Events(id, day), marshalEvents(benchDayRows(r, day)), 0o644)
		}
	}
	os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644)
	return hub
}

func benchDayRows(r *rand.Rand, day string) []data.DailyStat {
	sessions := 40 + r.IntN(120)
	rows := []data.DailyStat{
		{Day: day, Metric: "events", Key: "session_start", Count: sessions},
		{Day: day, Metric: "events", Key: "view", Count: sessions * 6},
		{Day: day, Metric: "events", Key: "qr", Count: sessions / 3},
	}
	for _, s := range []string{"home", "products", "product", "villages", "village", "tours", "tour", "search"} {
		rows = append(rows, data.DailyStat{Day: day, Metric: "screen", Key: s, Count: 1 + r.IntN(sessions*2)})
	}
	for range 40 {
		rows = append(rows, data.DailyStat{Day: day, Metric: "view_product", Key: fmt.Sprintf("p%05d", r.IntN(20000)), Count: 1 + r.IntN(9)})
	}
	for range 8 {
		rows = append(rows, data.DailyStat{Day: day, Metric: "view_village", Key: fmt.Sprintf("v%04d", r.IntN(2000)), Count: 1 + r.IntN(5)})
		rows = append(rows, data.DailyStat{Day: day, Metric: "view_tour", Key: fmt.Sprintf("t%04d", r.IntN(3000)), Count: 1 + r.IntN(3)})
	}
	for _, l := range data.Languages {
		rows = append(rows, data.DailyStat{Day: day, Metric: "view_lang", Key: string(l), Count: r.IntN(sessions * 2)})
		rows = append(rows, data.DailyStat{Day: day, Metric: "qr_lang", Key: string(l), Count: r.IntN(sessions / 4)})
	}
	for _, q := range []string{"buy", "signup", "directions", "pay"} {
		rows = append(rows, data.DailyStat{Day: day, Metric: "qr_kind", Key: q, Count: r.IntN(sessions / 4)})
	}
	for _, q := range []string{"gom", "lua van phuc", "tranh dong ho", "non la", "che", "may tre dan"} {
		rows = append(rows, data.DailyStat{Day: day, Metric: "search", Key: q, Count: 1 + r.IntN(6), Extra: r.IntN(40)})
	}
	return rows
}

func BenchmarkFleetStatus300Kiosks(b *testing.B) {
	hub := benchHub(b)
	b.ResetTimer()
	defer reportCPU(b)()
	for b.Loop() {
		fs, err := ReadFleetStatus(hub, time.Now())
		if err != nil || len(fs.Kiosks) != benchKiosks {
			b.Fatalf("%d kiosks, %v", len(fs.Kiosks), err)
		}
	}
}

func BenchmarkFleetReport300Kiosks90Days(b *testing.B) {
	hub := benchHub(b)
	to := benchDay0.AddDate(0, 0, benchDays-1)
	b.ResetTimer()
	defer reportCPU(b)()
	for b.Loop() {
		r, err := ReadFleetReport(hub, benchDay0, to, 20, nil)
		if err != nil || r.Files != benchKiosks*benchDays || len(r.Warnings) > 0 || len(r.Centres) != 60 {
			b.Fatalf("%d files, %d centres, warnings %v, %v", r.Files, len(r.Centres), r.Warnings, err)
		}
	}
}

// nationalPack is the national-size generated pack, shared with
// `ocopkiosk bench` ($TMPDIR/ocop-bench-national), made on first use.
func nationalPack(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "ocop-bench-national")
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		return dir
	}
	if _, err := synth.Write(synth.Presets["national"], dir); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkKioskNoticesNationalPack: a signed national-size pack sits in
// the hub with its last file still under Syncthing's temporary name; the
// timer runs from the rename that completes it until the running kiosk has
// checked the signature and every file's SHA-256 and holds its own copy,
// ready to import (the import itself is measured by `ocopkiosk bench`).
func BenchmarkKioskNoticesNationalPack(b *testing.B) {
	src := nationalPack(b)
	pub, priv := testKey(b)
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		hub := newHub(b)
		m := publish(b, hub, src, priv, PublishOptions{PackID: fmt.Sprintf("national-%d", i)})
		last := filepath.Join(hub.Content(), m.DirName(), SignatureFile)
		held := filepath.Join(hub.Content(), m.DirName(), ".syncthing."+SignatureFile+".tmp")
		os.Rename(last, held)
		s := testKiosk(b, hub, "", pub)
		s.Idle = func() bool { return false } // a visitor is there: check, do not import
		ready := make(chan struct{}, 1)
		s.Log = func(line string) {
			if strings.Contains(line, "checked (signature and every file)") {
				ready <- struct{}{}
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Run(ctx); close(done) }()
		for !strings.Contains(s.View().Waiting.String(), "still being copied") {
			time.Sleep(10 * time.Millisecond)
		}
		b.StartTimer()
		start := time.Now()
		os.Rename(held, last)
		select {
		case <-ready:
		case <-time.After(60 * time.Second):
			b.Fatal("the kiosk did not check the pack within 60 s")
		}
		b.StopTimer()
		b.ReportMetric(time.Since(start).Seconds(), "s/pack")
		cancel()
		<-done
	}
}

// reportCPU reports the process's CPU time (user + system) per operation
// when the returned function runs: on a shared machine the wall time says
// more about the other work than about ours.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
