package data_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// examplePack is the small pack the documentation ships, used here as
// "a pack staff imported".
const examplePack = "../docs/example-pack"

// damage overwrites the middle of every page but the first (which holds
// the schema) with garbage, as a failing disk or a torn write would.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if info.Size() < 3*page {
		t.Fatalf("%s is only %d bytes; too small to damage realistically", path, info.Size())
	}
	junk := bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 64)
	for off := int64(page); off+page <= info.Size(); off += page {
		// Page headers sit at the start; the middle holds cells and
		// their pointers, so both the structure and the data break.
		if _, err := f.WriteAt(junk, off); err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt(junk, off+page/2); err != nil {
			t.Fatal(err)
		}
	}
}

// withoutImportTime is a catalogue with its import time cleared, which
// differs between two imports of the same pack.
func withoutImportTime(t *testing.T, st *data.Store) *data.Catalogue {
	t.Helper()
	cat, err := st.LoadCatalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat.Pack.ImportedAt = time.Time{}
	return cat
}

func TestOpenOrRecoverRebuildsADamagedDatabaseFromTheKeptPack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pack.Import(ctx, st, examplePack, pack.Options{Warn: func(err error) { t.Error(err) }}); err != nil {
		t.Fatal(err)
	}
	want := withoutImportTime(t, st)
	st.Close()
	if kept := pack.KeptPacks(path); len(kept) != 1 || kept[0] != pack.KeptPack(path) {
		t.Fatalf("kept packs after one import = %v", kept)
	}
	damage(t, path)
	if _, err := data.Open(path); !errors.Is(err, data.ErrCorrupt) {
		t.Fatalf("Open of a damaged database: err = %v, want ErrCorrupt", err)
	}
	// A WAL left beside the damaged file must go with it (or be dropped
	// by SQLite as it gives up on the file), never be replayed into the
	// new database.
	if err := writeFile(path+"-wal", "stale log"); err != nil {
		t.Fatal(err)
	}

	called := 0
	st, rec, err := data.OpenOrRecover(path, func(st *data.Store) (string, error) {
		called++
		if _, err := pack.Import(ctx, st, pack.KeptPack(path), pack.Options{}); err != nil {
			return "", err
		}
		return "the kept pack", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if called != 1 || !rec.Happened || rec.Reloaded != "the kept pack" || rec.At.IsZero() ||
		!strings.Contains(rec.Reason, data.ErrCorrupt.Error()) {
		t.Errorf("reimport called %d times; recovery = %+v", called, rec)
	}
	if !strings.HasPrefix(rec.MovedTo, path+".corrupt-") {
		t.Errorf("moved to %q", rec.MovedTo)
	}
	if b, err := os.ReadFile(path + "-wal"); err == nil && string(b) == "stale log" {
		t.Error("the damaged database's WAL was left for the new one")
	}
	if b, err := os.ReadFile(rec.MovedTo + "-wal"); err == nil && string(b) != "stale log" {
		t.Errorf("the moved database has a WAL that is not its own: %q", b)
	}
	if _, err := data.Open(rec.MovedTo); !errors.Is(err, data.ErrCorrupt) {
		t.Errorf("the moved-aside file is not the damaged one: %v", err)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if got := withoutImportTime(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("catalogue after recovery differs from before:\n got %+v\nwant %+v", got.Pack, want.Pack)
	}
	// Reloading the kept copy does not push the copy before it out.
	if kept := pack.KeptPacks(path); len(kept) != 1 {
		t.Errorf("kept packs after recovery = %v", kept)
	}

	note, err := st.RecoveryNote(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !note.At.Equal(rec.At) {
		t.Errorf("note time %v, want %v", note.At, rec.At)
	}
	note.At = rec.At
	if note != rec {
		t.Errorf("note = %+v, want %+v", note, rec)
	}
	if err := st.ClearRecoveryNote(ctx); err != nil {
		t.Fatal(err)
	}
	if note, err := st.RecoveryNote(ctx); err != nil || note.Happened {
		t.Errorf("after clearing: note = %+v, %v", note, err)
	}
}

func TestOpenOrRecoverWithoutAKeptPackLetsReimportDecide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	if err := writeFile(path, strings.Repeat("not a database ", 500)); err != nil {
		t.Fatal(err)
	}
	st, rec, err := data.OpenOrRecover(path, func(st *data.Store) (string, error) {
		if kept := pack.KeptPacks(st.Path()); len(kept) > 0 {
			t.Errorf("kept packs %v where none was made", kept)
		}
		// The kiosk loads its built-in sample here; the fixture stands in.
		return "the built-in content", st.ReplaceCatalogue(ctx, fixture())
	})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !rec.Happened || rec.Reloaded != "the built-in content" || rec.MovedTo == "" {
		t.Errorf("recovery = %+v", rec)
	}
	if info, _ := st.PackInfo(ctx); info.Title != "Fixture" {
		t.Errorf("pack after recovery = %+v", info)
	}
	if b, err := os.ReadFile(rec.MovedTo); err != nil || !strings.HasPrefix(string(b), "not a database") {
		t.Errorf("moved-aside file: %.20q, %v", b, err)
	}
	st.Close()

	// The note survives a restart, until staff clear it.
	again, rec2, err := data.OpenOrRecover(path, func(*data.Store) (string, error) {
		t.Error("reimport called for a healthy database")
		return "", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if rec2.Happened {
		t.Errorf("second open recovered again: %+v", rec2)
	}
	if note, err := again.RecoveryNote(ctx); err != nil || note.MovedTo != rec.MovedTo {
		t.Errorf("note after restart = %+v, %v", note, err)
	}
}

func TestOpenOrRecoverKeepsTheNoteWhenReloadingFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	if err := writeFile(path, strings.Repeat("\x00garbage", 1000)); err != nil {
		t.Fatal(err)
	}
	failure := errors.New("no content anywhere")
	_, rec, err := data.OpenOrRecover(path, func(*data.Store) (string, error) { return "", failure })
	if !errors.Is(err, failure) || !rec.Happened {
		t.Fatalf("err = %v, recovery = %+v", err, rec)
	}
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if note, err := st.RecoveryNote(ctx); err != nil || !note.Happened || note.Reloaded != "" {
		t.Errorf("note = %+v, %v", note, err)
	}
}

func TestOpenOrRecoverMovesNothingThatIsNotDamaged(t *testing.T) {
	// A folder where the database should be cannot be opened, but is not
	// damage: moving it aside would be wrong.
	path := filepath.Join(t.TempDir(), "kiosk.db")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	_, rec, err := data.OpenOrRecover(path, func(*data.Store) (string, error) {
		t.Error("reimport called")
		return "", nil
	})
	if err == nil || errors.Is(err, data.ErrCorrupt) || rec.Happened {
		t.Errorf("err = %v, recovery = %+v", err, rec)
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Errorf("the folder was moved: %v", err)
	}
}

func TestIntegrityCheckPassesOnAHealthyDatabase(t *testing.T) {
	st := loaded(t)
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// The kiosk opens without the slow check and checks in the background; a
// failed background check marks the database, and the next start recovers it.
func TestADatabaseMarkedDamagedIsRecoveredAtTheNextDeferredOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, rec, err := data.OpenOrRecoverDeferred(path, nil)
	if err != nil || rec.Happened {
		t.Fatalf("a new database: %+v, %v", rec, err)
	}
	if err := st.QuickCheck(); err != nil {
		t.Fatalf("a healthy database failed its check: %v", err)
	}
	st.Close()
	if err := data.MarkDamaged(path, errors.New("quick_check: page 7 is never used")); err != nil {
		t.Fatal(err)
	}
	reloaded := false
	st, rec, err = data.OpenOrRecoverDeferred(path, func(*data.Store) (string, error) { reloaded = true; return "test content", nil })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !rec.Happened || !reloaded || !strings.Contains(rec.Reason, "page 7") || rec.MovedTo == "" {
		t.Errorf("recovery = %+v, reloaded %v", rec, reloaded)
	}
	if _, err := os.Stat(path + ".check-failed"); !os.IsNotExist(err) {
		t.Error("the mark stayed after the recovery")
	}
}
