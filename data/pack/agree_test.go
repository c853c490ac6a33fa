package pack_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// validateAgreesWithImport validates the pack at path and then imports it
// into st with the same options, and fails the test unless both give the
// same problems, or both none: `ocopkiosk validate` must never pass a pack
// that the kiosk's import then refuses, nor the other way round. It
// returns import's error.
func validateAgreesWithImport(t *testing.T, st *data.Store, path string, opts pack.Options) error {
	t.Helper()
	_, verr := pack.Validate(ctx, path, opts)
	_, ierr := pack.Import(ctx, st, path, opts)
	if errText(verr) != errText(ierr) {
		t.Errorf("validate and import disagree on %s:\nvalidate: %v\nimport:   %v", path, verr, ierr)
	}
	return ierr
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// The example pack in docs/ imports on a new kiosk with the default
// settings, and validate says so too.
func TestTheDocumentedExamplePackImportsOnANewKiosk(t *testing.T) {
	if err := validateAgreesWithImport(t, openStore(t), "../../docs/example-pack", pack.Options{AllowedHosts: data.DefaultAllowedHosts}); err != nil {
		t.Fatal(err)
	}
}

// A finding that depends on this kiosk's allow-list says so, so that staff
// know the same pack may pass on another kiosk.
func TestAFindingThatDependsOnTheSettingsSaysSo(t *testing.T) {
	_, err := pack.Validate(ctx, writePack(t, packFiles()), pack.Options{AllowedHosts: []string{"tiki.vn"}})
	problems, ok := err.(pack.Problems)
	if !ok || len(problems) == 0 {
		t.Fatalf("want problems, got %v", err)
	}
	for _, p := range problems {
		if p.Setting != pack.SettingAllowedSites {
			t.Errorf("%v: Setting = %q", p, p.Setting)
		}
	}
}

// An import whose context is cancelled (staff pressed Cancel) stops before
// the switch and leaves the catalogue as it was.
func TestACancelledImportLeavesTheCatalogue(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, writePack(t, packFiles()))
	before, _ := st.LoadCatalogue(ctx)
	files := packFiles()
	files["manifest.json"] = strings.Replace(files["manifest.json"], "Test pack", "Other pack", 1)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := pack.Import(cancelled, st, writePack(t, files), pack.Options{}); err == nil {
		t.Fatal("a cancelled import succeeded")
	}
	after, _ := st.LoadCatalogue(ctx)
	if !reflect.DeepEqual(before, after) {
		t.Error("a cancelled import changed the catalogue")
	}
}
