package data

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Migration 004 fills product cards for a catalogue imported before it:
// the cards it makes are the ones an import makes.
func TestMigration004FillsProductCards(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat := &Catalogue{Pack: PackInfo{Format: 1, Version: 1, Title: "t"},
		Villages: []Village{{ID: "v", Name: Text{VI: "Làng"}, Cover: Image{}}},
		Products: []Product{{ID: "p", VillageID: "v", Name: Text{VI: "Bình", KO: "꽃병"}, Unit: Text{VI: "chiếc"},
			Stars: 4, Group: 4}}}
	if err := st.ReplaceCatalogue(ctx, cat); err != nil {
		t.Fatal(err)
	}
	want, _ := st.ListProducts(ctx, ProductFilter{})
	script, _ := migrationFiles.ReadFile("migrations/004_product_cards.sql")
	update := string(script[strings.Index(string(script), "UPDATE"):])
	if _, err := st.db.ExecContext(ctx, `UPDATE products SET card = ''`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, update); err != nil {
		t.Fatal(err)
	}
	got, err := st.ListProducts(ctx, ProductFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Products[0].Name, want.Products[0].Name) || !reflect.DeepEqual(got.Products[0].Unit, want.Products[0].Unit) {
		t.Errorf("migrated card %+v, imported %+v", got.Products[0], want.Products[0])
	}
}
