package pack_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// The optional name_ja_reading and name_zh_pinyin columns override the
// readings made at import, and an export writes them back.
func TestReadingColumnsOverrideAndExport(t *testing.T) {
	files := packFiles()
	rows := strings.Split(files["products.csv"], "\n")
	rows[0] = strings.Replace(rows[0], "name_en,", "name_en,name_ja,name_zh,name_ja_reading,name_zh_pinyin,", 1)
	rows[1] = strings.Replace(rows[1], "Bình gốm,Vase,", "Bình gốm,Vase,花瓶,花瓶,かへい,huā píng,", 1)
	rows[2] = strings.Replace(rows[2], "Khăn lụa,Silk scarf,", "Khăn lụa,Silk scarf,絹のスカーフ,丝巾,,,", 1)
	files["products.csv"] = strings.Join(rows, "\n")
	st := openStore(t)
	mustImport(t, st, writePack(t, files))
	vase, _ := st.Product(ctx, "bt-vase")
	scarf, _ := st.Product(ctx, "vp-scarf")
	if vase.NameReading.Kana != "かへい" || vase.Reading.Pinyin != "huā píng" || scarf.NameReading.Pinyin != "sī jīn" || scarf.Reading != (data.Readings{}) {
		t.Errorf("readings: vase %+v / %+v, scarf %+v / %+v", vase.NameReading, vase.Reading, scarf.NameReading, scarf.Reading)
	}
	if res, _ := st.Find(ctx, data.SearchQuery{Text: "かへい", Lang: data.JA}); res.Total == 0 || res.Hits[0].ID != "bt-vase" {
		t.Errorf("the given kana does not find the vase: %+v", res)
	}
	out := filepath.Join(t.TempDir(), "exported")
	if err := pack.Export(ctx, st, out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(out, "products.csv"))
	if !strings.Contains(string(b), "name_ja_reading") || !strings.Contains(string(b), "かへい") {
		t.Errorf("the export lost the given readings:\n%s", b)
	}
}
