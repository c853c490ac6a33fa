package pack_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"ocopkiosk/assets"
	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// The crash test runs this test binary again as a child process that
// imports a pack in a loop, and kills it. These variables tell the child
// what to do; without them TestCrashChild does nothing.
const (
	crashDBEnv   = "OCOPKIOSK_CRASH_DB"    // the database to import into
	crashPackEnv = "OCOPKIOSK_CRASH_PACK"  // the pack to import
	crashOnceEnv = "OCOPKIOSK_CRASH_ONCE"  // import once and exit, to time it
	crashSeedEnv = "OCOPKIOSK_CRASH_SEED"  // another seed for the kill times
	crashKillEnv = "OCOPKIOSK_CRASH_KILLS" // more kills, for a soak run
	crashDirEnv  = "OCOPKIOSK_CRASH_DIR"   // work there instead of in memory
)

// TestCrashChild is the child process of TestImportSurvivesBeingKilled:
// it opens the database, says "ready", then imports the pack over and over
// (each import replacing the catalogue, keeping a copy, pruning photos)
// until it is killed, printing how long each import took.
func TestCrashChild(t *testing.T) {
	db, packPath := os.Getenv(crashDBEnv), os.Getenv(crashPackEnv)
	if db == "" || packPath == "" {
		t.Skip("the child process of TestImportSurvivesBeingKilled")
	}
	st, err := data.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	opts := pack.Options{Warn: func(err error) {
		// Keeping the copy must not fail here: the disk is fine.
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}}
	for {
		start := time.Now()
		if _, err := pack.Import(ctx, st, packPath, opts); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		fmt.Println("imported", time.Since(start).Nanoseconds())
		if os.Getenv(crashOnceEnv) != "" {
			st.Close()
			return
		}
	}
}

// TestImportSurvivesBeingKilled kills a process importing a pack at random
// moments, over and over, alternating between two packs, and checks after
// every kill that the database is sound and holds one whole catalogue,
// never a mix, with every photo it names in the media library.
func TestImportSurvivesBeingKilled(t *testing.T) {
	if os.Getenv(crashDBEnv) != "" {
		t.Skip("inside the child")
	}
	kills := 60 // CI runs without -short: at least 50
	if testing.Short() {
		kills = 12
	}
	kills = int(envNumber(t, crashKillEnv, uint64(kills)))
	seed := envNumber(t, crashSeedEnv, 1)
	rng := rand.New(rand.NewPCG(seed, seed))
	began := time.Now()

	dir := crashDir(t)
	packs, want := crashPacks(t, dir)
	db := filepath.Join(dir, "kiosk.db")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pack.Import(ctx, st, packs[0], pack.Options{}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Time one import each way, run as the kills will be, so that the
	// kills can be spread over the whole of an import.
	var took time.Duration
	for _, p := range []int{1, 0} {
		d := runChildOnce(t, db, packs[p])
		took = max(took, d)
		if got := checkAfterCrash(t, db, want); got != p {
			t.Fatalf("after a whole import of pack %d the database holds pack %d", p, got)
		}
	}
	t.Logf("one import takes %v (seed %d; set %s to vary)", took, seed, crashSeedEnv)

	current := 0
	ended := [2]int{}                    // kills that left the old catalogue, and the new
	var starting, checking time.Duration // where the time goes, for tuning
	for i := range kills {
		next := 1 - current
		// Up to a quarter past the import's end: the child goes on to
		// import again, so late kills land in the keeping and pruning
		// after a commit and in the next import's transaction.
		delay := time.Duration(rng.Int64N(int64(took + took/4)))
		start := time.Now()
		killChild(t, db, packs[next], delay)
		starting += time.Since(start) - delay
		start = time.Now()
		got := checkAfterCrash(t, db, want)
		checking += time.Since(start)
		if got == current {
			ended[0]++
		} else {
			ended[1]++
		}
		if t.Failed() {
			t.Fatalf("kill %d of %d, %v into the import of pack %d", i+1, kills, delay, next)
		}
		current = got
	}
	t.Logf("%d kills: %d left the old catalogue, %d the new; %v in all (starting and killing children %v, checking %v)",
		kills, ended[0], ended[1], time.Since(began).Round(time.Millisecond),
		starting.Round(time.Millisecond), checking.Round(time.Millisecond))
	if ended[0] == 0 || ended[1] == 0 {
		t.Errorf("kills never landed both before and after a commit (old %d, new %d): they test too little", ended[0], ended[1])
	}
}

func envNumber(t *testing.T, name string, def uint64) uint64 {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, s, err)
	}
	return n
}

// crashDir is where the crash test keeps its database, media and packs: in
// memory (/dev/shm) where there is such a place. A killed process loses
// nothing the kernel already holds, so syncing to disk proves nothing here;
// on a disk the syncs (which synchronous=FULL and the atomic file writes
// make, rightly, for power cuts) would take most of the test's time.
func crashDir(t *testing.T) string {
	parent := os.Getenv(crashDirEnv)
	if parent == "" {
		if info, err := os.Stat("/dev/shm"); err != nil || !info.IsDir() {
			return t.TempDir()
		}
		parent = "/dev/shm"
	}
	dir, err := os.MkdirTemp(parent, "ocopkiosk-crash-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// child starts this test binary as TestCrashChild, importing packPath into db.
func child(t *testing.T, db, packPath string, once bool) (*exec.Cmd, *bufio.Scanner, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+db, crashPackEnv+"="+packPath)
	if once {
		cmd.Env = append(cmd.Env, crashOnceEnv+"=1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	ready := make(chan bool, 1)
	go func() { ready <- lines.Scan() && lines.Text() == "ready" }()
	select {
	case ok := <-ready:
		if !ok {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child did not start: %s", stderr.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("child did not open the database within a minute")
	}
	return cmd, lines, &stderr
}

// runChildOnce runs a child that imports once and returns how long the
// import took.
func runChildOnce(t *testing.T, db, packPath string) time.Duration {
	t.Helper()
	cmd, lines, stderr := child(t, db, packPath, true)
	var took time.Duration
	for lines.Scan() {
		if ns, ok := strings.CutPrefix(lines.Text(), "imported "); ok {
			n, _ := strconv.ParseInt(ns, 10, 64)
			took = time.Duration(n)
		}
	}
	if err := cmd.Wait(); err != nil || took == 0 {
		t.Fatalf("child import: %v\n%s", err, stderr.String())
	}
	return took
}

// killChild starts a child importing packPath in a loop and kills it
// (SIGKILL on Unix: no deferred function or signal handler runs) delay
// after it has opened the database.
func killChild(t *testing.T, db, packPath string, delay time.Duration) {
	t.Helper()
	cmd, lines, stderr := child(t, db, packPath, false)
	go func() { // keep the pipe flowing
		for lines.Scan() {
		}
	}()
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Exited() {
		// Exited by itself rather than killed: the import failed.
		t.Fatalf("child ended by itself (%v):\n%s", err, stderr.String())
	}
}

// checkAfterCrash opens the database as the next start of the kiosk would,
// checks it through and through, and returns which of want it holds.
func checkAfterCrash(t *testing.T, db string, want [2]*data.Catalogue) int {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after kill: %v", err)
	}
	cat, err := st.LoadCatalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat.Pack.ImportedAt = time.Time{}
	holds := -1
	for i, w := range want {
		if reflect.DeepEqual(cat, w) {
			holds = i
		}
	}
	if holds < 0 {
		t.Fatalf("after kill the catalogue is neither pack: %q version %d, %d villages, %d products, %d tours",
			cat.Pack.Title, cat.Pack.Version, len(cat.Villages), len(cat.Products), len(cat.Tours))
	}
	lib := st.Photos()
	for hash := range photoHashes(cat) {
		if !lib.Has(hash) {
			t.Errorf("after kill, photo %s is named by the catalogue but not all its files are stored", hash)
		}
	}
	// The kept copies may lag behind the catalogue (a kill between the
	// commit and the copy), but each must be a whole zip of one pack.
	for _, kept := range pack.KeptPacks(db) {
		if title := zipTitle(t, kept); title != want[0].Pack.Title && title != want[1].Pack.Title {
			t.Errorf("kept copy %s is of pack %q", kept, title)
		}
	}
	return holds
}

func photoHashes(cat *data.Catalogue) map[string]bool {
	out := map[string]bool{}
	add := func(imgs ...data.Image) {
		for _, img := range imgs {
			out[img.Hash] = true
		}
	}
	for _, v := range cat.Villages {
		add(v.Cover)
		add(v.Gallery...)
		add(v.StoryImages...)
	}
	for _, p := range cat.Products {
		add(p.Images...)
	}
	for _, tr := range cat.Tours {
		add(tr.Images...)
	}
	return out
}

func zipTitle(t *testing.T, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Errorf("kept copy %s: %v", file, err)
		return ""
	}
	defer zr.Close()
	f, err := zr.Open("manifest.json")
	if err != nil {
		t.Errorf("kept copy %s: %v", file, err)
		return ""
	}
	defer f.Close()
	var m struct{ Title string }
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		t.Errorf("kept copy %s: manifest: %v", file, err)
	}
	return m.Title
}

// crashPacks makes two packs as the kiosk's exporter writes them, and the
// catalogues they import to. Both are the built-in sample's villages and
// stories in five languages, with a third of its products and half its
// tours, and small photos: an import then takes a fraction of a second
// instead of the sample's many seconds of resizing, so that dozens of kills
// fit in a test run. The second pack renames every item and changes every
// fourth photo, so a mix of the two would show.
func crashPacks(t *testing.T, dir string) (packs [2]string, want [2]*data.Catalogue) {
	t.Helper()
	st, err := data.Open(filepath.Join(dir, "build.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range 2 {
		folder := filepath.Join(dir, "src-"+strconv.Itoa(i))
		writeSampleVariant(t, folder, i)
		if _, err := pack.Import(ctx, st, folder, pack.Options{}); err != nil {
			t.Fatalf("pack %d: %v", i, err)
		}
		packs[i] = filepath.Join(dir, "pack-"+strconv.Itoa(i)+".zip")
		if err := pack.Export(ctx, st, packs[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := pack.Import(ctx, st, packs[i], pack.Options{}); err != nil {
			t.Fatalf("exported pack %d: %v", i, err)
		}
		if want[i], err = st.LoadCatalogue(ctx); err != nil {
			t.Fatal(err)
		}
		want[i].Pack.ImportedAt = time.Time{}
	}
	if reflect.DeepEqual(want[0], want[1]) {
		t.Fatal("the two packs import to the same catalogue")
	}
	return packs, want
}

// writeSampleVariant writes the trimmed sample pack to folder with small
// photos; variant 1 also renames every item and changes every fourth photo.
func writeSampleVariant(t *testing.T, folder string, variant int) {
	t.Helper()
	sample := assets.Sample()
	photo := 0
	err := fs.WalkDir(sample, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample, name)
		if err != nil {
			return err
		}
		switch ext := strings.ToLower(path.Ext(name)); {
		case ext == ".jpg" || ext == ".jpeg" || ext == ".png":
			photo++
			seed := photo
			if variant == 1 && photo%4 == 0 {
				seed += 1000
			}
			b = smallJPEG(seed)
		case ext == ".csv":
			b = trimmedSheet(t, name, b, variant == 1)
		case variant == 1 && name == "manifest.json":
			b = bytes.Replace(b, []byte(`"version": 1`), []byte(`"version": 2`), 1)
			b = bytes.Replace(b, []byte(`"title": "`), []byte(`"title": "Crash test B: `), 1)
		}
		dst := filepath.Join(folder, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// trimmedSheet keeps every third product and every other tour of a sample
// sheet (all villages), and with rename appends a mark to every name_*.
func trimmedSheet(t *testing.T, name string, b []byte, rename bool) []byte {
	t.Helper()
	bom := []byte("\ufeff")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, bom))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	every := map[string]int{"products.csv": 3, "tours.csv": 2}[name]
	kept := rows[:1]
	for i, row := range rows[1:] {
		if every == 0 || i%every == 0 {
			kept = append(kept, row)
		}
	}
	if rename {
		for c, col := range kept[0] {
			if !strings.HasPrefix(col, "name_") {
				continue
			}
			for _, row := range kept[1:] {
				if c < len(row) && row[c] != "" {
					row[c] += " (B)"
				}
			}
		}
	}
	var buf bytes.Buffer
	buf.Write(bom)
	w := csv.NewWriter(&buf)
	w.WriteAll(kept)
	return buf.Bytes()
}

// smallJPEG is a 64×40 photo whose colours depend on seed.
func smallJPEG(seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 40))
	for y := range 40 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(seed * 37), uint8(seed*11 + x), uint8(seed/7 + y), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TestImportKeepsTheLastTwoPacks checks the copies a damaged database is
// rebuilt from: each import keeps its pack as last.zip and moves the one
// before to last-1.zip, and re-importing last.zip (as recovery does) keeps
// nothing new, so the pack before survives.
func TestImportKeepsTheLastTwoPacks(t *testing.T) {
	st := openStore(t)
	db := st.Path()
	files := packFiles()
	first := writePack(t, files)
	files["manifest.json"] = strings.Replace(files["manifest.json"], `"title": "Test pack"`, `"title": "Second pack"`, 1)
	second := writePack(t, files)
	warn := pack.Options{Warn: func(err error) { t.Error(err) }}

	if _, err := pack.Import(ctx, st, first, warn); err != nil {
		t.Fatal(err)
	}
	if kept := pack.KeptPacks(db); len(kept) != 1 || zipTitle(t, kept[0]) != "Test pack" {
		t.Fatalf("after one import, kept %v", kept)
	}
	if _, err := pack.Import(ctx, st, second, warn); err != nil {
		t.Fatal(err)
	}
	kept := pack.KeptPacks(db)
	if len(kept) != 2 || kept[0] != pack.KeptPack(db) || zipTitle(t, kept[0]) != "Second pack" || zipTitle(t, kept[1]) != "Test pack" {
		t.Fatalf("after two imports, kept %v", kept)
	}
	if _, err := pack.Import(ctx, st, pack.KeptPack(db), warn); err != nil {
		t.Fatal(err)
	}
	if kept := pack.KeptPacks(db); len(kept) != 2 || zipTitle(t, kept[1]) != "Test pack" {
		t.Errorf("re-importing last.zip pushed out the pack before it: %v", kept)
	}
	// The sample built into the binary is kept like any other pack; an
	// import from a file system takes the same path, so a small one shows it.
	fsys := os.DirFS(first)
	if _, err := pack.ImportFS(ctx, st, fsys, warn); err != nil {
		t.Fatal(err)
	}
	if title := zipTitle(t, pack.KeptPack(db)); title != "Test pack" {
		t.Errorf("after ImportFS, last.zip is %q", title)
	}
	entries, _ := os.ReadDir(filepath.Dir(pack.KeptPack(db)))
	if len(entries) != 2 {
		t.Errorf("the packs folder holds %d files, want last.zip and last-1.zip only", len(entries))
	}
}

// TestFailingToKeepTheCopyDoesNotFailTheImport: the copy is a safety net,
// so a full or read-only disk there must not undo a good import.
func TestFailingToKeepTheCopyDoesNotFailTheImport(t *testing.T) {
	st := openStore(t)
	// A file where the packs folder should be: no copy can be written.
	if err := os.WriteFile(st.Path()+".packs", []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	var warnings []error
	cat, err := pack.Import(ctx, st, writePack(t, packFiles()), pack.Options{Warn: func(err error) { warnings = append(warnings, err) }})
	if err != nil || cat == nil {
		t.Fatalf("import failed: %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "keeping a copy") {
		t.Errorf("warnings = %v", warnings)
	}
	if info, _ := st.PackInfo(ctx); info.Title != "Test pack" {
		t.Errorf("pack after import = %+v", info)
	}
}
