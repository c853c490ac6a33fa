package pack_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

var ctx = context.Background()

// The files of a small valid pack; tests change one thing and check the message.
func packFiles() map[string]string {
	return map[string]string{
		"manifest.json": `{"format": 1, "version": 2, "title": "Test pack", "created": "2026-11-01T09:00:00+07:00",
			"centre": {"id": "test-centre", "name_vi": "Trung tâm thử", "name_en": "Test centre"}}`,
		"villages.csv": "id,name_vi,name_en,name_ko,summary_vi,craft_vi,craft_en,era_en,commune,former_district,lat,lng,cover,gallery\n" +
			"bat-trang,Bát Tràng,Bat Trang,밧짱,Làng gốm,Gốm sứ,Ceramics,since the 14th century,Bát Tràng,Gia Lâm,20.976,105.913,images/bt/cover.png,images/bt/kiln.png\n" +
			"van-phuc,Vạn Phúc,Van Phuc,,Làng lụa,Dệt lụa,Silk,,Hà Đông,Hà Đông,20.98,105.77,images/vp/cover.png,\n",
		"products.csv": "id,village_id,name_vi,name_en,description_vi,producer,producer_type,group,stars,decision_no,decision_date,valid_until,price_min,price_max,unit_vi,unit_en,purchase_url,bank_bin,bank_account,bank_account_name,images,featured\n" +
			"bt-vase,bat-trang,Bình gốm,Vase,\"Bình gốm men lam, vẽ tay\",Công ty TNHH Gốm Thử,company,IV,5,12/QĐ-UBND,2025-03-01,,500000,1500000,chiếc,piece,https://shopee.vn/search?keyword=binh+gom,970415,0123456789,NGUYEN VAN AN,images/bt/vase.png;images/bt/cover.png,yes\n" +
			"vp-scarf,van-phuc,Khăn lụa,Silk scarf,\"Khăn lụa\nhai dòng\",HTX Lụa Thử,HTX,IV,4,13/QĐ-UBND,15/06/2022,,\"350,000\",450000,chiếc,piece,,,,,images/vp/scarf.png,\n",
		"tours.csv": "id,village_id,name_vi,description_vi,schedule_vi,meeting_point_vi,duration_minutes,price_vnd,min_group,max_group,guide_languages,signup_url,images\n" +
			"bt-workshop,bat-trang,Nặn gốm,Tự tay nặn gốm,Hằng ngày,Chợ gốm,90,150000,1,20,vi;en,https://zalo.me/123456,images/bt/kiln.png\n",
		"stories/bat-trang.vi.md": "# Bát Tràng\n\nLàng gốm.\n\n![Lò nung](images/bt/kiln.png)\n",
		"stories/bat-trang.en.md": "# Bat Trang\n\nA pottery village.\n",
		"stories/van-phuc.vi.md":  "# Vạn Phúc\n\nLàng lụa.\n",
		"images/bt/cover.png":     pngOf(1, 64, 48),
		"images/bt/kiln.png":      pngOf(2, 64, 48),
		"images/bt/vase.png":      pngOf(3, 48, 64),
		"images/vp/cover.png":     pngOf(4, 64, 48),
		"images/vp/scarf.png":     bigPNG(), // larger than the display size
	}
}

// bigPNG is a photo larger than the display size, made once: nearly every
// test builds a pack, and drawing and encoding 3 million pixels each time
// cost minutes under the race detector.
var bigPNG = sync.OnceValue(func() string { return pngOf(5, 2000, 1500) })

func pngOf(seed uint8, w, h int) string {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{seed * 40, uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.String()
}

func writePack(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openStore(t testing.TB) *data.Store {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func mustImport(t *testing.T, st *data.Store, path string) *data.Catalogue {
	t.Helper()
	cat, err := pack.Import(ctx, st, path, pack.Options{})
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return cat
}

func TestImportValidPack(t *testing.T) {
	st := openStore(t)
	var stages []string
	_, err := pack.Import(ctx, st, writePack(t, packFiles()), pack.Options{Progress: func(p pack.Progress) {
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stages, []string{"reading", "photos", "saving"}) {
		t.Errorf("progress stages = %v", stages)
	}
	vase, err := st.Product(ctx, "bt-vase")
	if err != nil {
		t.Fatal(err)
	}
	if vase.Description.In(data.VI) != "Bình gốm men lam, vẽ tay" || vase.Bank == nil || vase.Bank.BIN != "970415" ||
		len(vase.Images) != 2 || vase.Images[0].Width != 48 || vase.ProducerType != data.Company || !vase.Featured {
		t.Errorf("vase = %+v", vase)
	}
	if got := vase.ValidUntil.Format("2006-01-02"); got != "2028-03-01" {
		t.Errorf("valid until defaults to 36 months after the decision: %s", got)
	}
	scarf, _ := st.Product(ctx, "vp-scarf")
	if scarf.Description[data.VI] != "Khăn lụa\nhai dòng" || scarf.PriceMin != 350000 || scarf.ProducerType != data.Coop {
		t.Errorf("scarf = %+v", scarf)
	}
	if scarf.CertificateValid(mustDay("2026-11-30")) {
		t.Error("a 2022 certificate is shown as valid in 2026")
	}
	v, _ := st.Village(ctx, "bat-trang")
	if v.Cover.Hash == "" || len(v.Gallery) != 1 || len(v.StoryImages) != 1 || v.Era.In(data.VI) != "since the 14th century" {
		t.Errorf("village = %+v", v)
	}
	for _, img := range append(vase.Images, scarf.Images...) {
		if !st.Photos().Has(img.Hash) {
			t.Errorf("photo %s not in the media library", img.Source)
		}
	}
}

func mustDay(s string) (d time.Time) {
	d, _ = time.Parse("2006-01-02", s)
	return d
}

func TestImportAcceptsWhatSpreadsheetsSave(t *testing.T) {
	files := packFiles()
	for _, name := range []string{"villages.csv", "products.csv", "tours.csv"} {
		files[name] = "\ufeff" + strings.ReplaceAll(files[name], "\n", "\r\n") + ",,,,\r\n\r\n"
	}
	// Columns in another order.
	lines := strings.SplitN(files["tours.csv"], "\r\n", 2)
	cols := strings.Split(lines[0][len("\ufeff"):], ",")
	row := strings.Split(strings.SplitN(lines[1], "\r\n", 2)[0], ",")
	for i, j := 0, len(cols)-1; i < j; i, j = i+1, j-1 {
		cols[i], cols[j] = cols[j], cols[i]
		row[i], row[j] = row[j], row[i]
	}
	files["tours.csv"] = strings.Join(cols, ",") + "\r\n" + strings.Join(row, ",") + "\r\n"
	st := openStore(t)
	mustImport(t, st, writePack(t, files))
	tour, err := st.Tour(ctx, "bt-workshop")
	if err != nil || tour.DurationMinutes != 90 || tour.SignupURL != "https://zalo.me/123456" {
		t.Errorf("tour = %+v, %v", tour, err)
	}
}

// Every kind of mistake is reported with its file, line and column, all in one run.
func TestValidateReportsEveryProblemWhereItIs(t *testing.T) {
	replace := func(file, old, new string) func(map[string]string) {
		return func(f map[string]string) {
			if !strings.Contains(f[file], old) {
				panic(file + " has no " + old)
			}
			f[file] = strings.Replace(f[file], old, new, 1)
		}
	}
	cases := []struct {
		name   string
		change func(map[string]string)
		want   string
	}{
		{"stars out of range", replace("products.csv", ",IV,5,", ",IV,6,"), `products.csv:2: stars: "6" is not a star rating`},
		{"group unknown", replace("products.csv", ",IV,4,", ",VII,4,"), `products.csv:3: group: "VII" is not an OCOP group`},
		{"unknown village", replace("products.csv", "vp-scarf,van-phuc", "vp-scarf,van-phuk"), `products.csv:3: village_id: "van-phuk" is not a village`},
		{"duplicate id", replace("products.csv", "vp-scarf,", "bt-vase,"), `products.csv:3: id: "bt-vase" is used twice (first on line 2)`},
		{"empty name", replace("products.csv", "bt-vase,bat-trang,Bình gốm", "bt-vase,bat-trang,"), `products.csv:2: name_vi: required`},
		{"bad id", replace("products.csv", "bt-vase,", "bt vase,"), `products.csv:2: id: "bt vase" is not a valid code`},
		{"price order", replace("products.csv", "500000,1500000", "1500000,500000"), `products.csv:2: price_max: 500000 is less than price_min 1500000`},
		{"negative price", replace("products.csv", "500000,1500000", "-5,1500000"), `products.csv:2: price_min: "-5" is not an amount`},
		{"bad date", replace("products.csv", "2025-03-01", "2025-13-01"), `products.csv:2: decision_date: "2025-13-01" is not a date`},
		{"expiry before decision", replace("products.csv", "2025-03-01,,", "2025-03-01,2024-01-01,"), `products.csv:2: valid_until: 2024-01-01 is before the decision date`},
		{"http link", replace("products.csv", "https://shopee.vn", "http://shopee.vn"), `products.csv:2: purchase_url: "http://shopee.vn/search?keyword=binh+gom": must start with https://`},
		{"javascript link", replace("tours.csv", "https://zalo.me/123456", "javascript:alert(1)"), `tours.csv:2: signup_url: "javascript:alert(1)": must start with https://`},
		{"user info", replace("tours.csv", "https://zalo.me/123456", "https://zalo.me@evil.example/x"), `tours.csv:2: signup_url: "https://zalo.me@evil.example/x": must not contain a user name`},
		{"bank half filled", replace("products.csv", "970415,0123456789,NGUYEN VAN AN", "970415,,"), `products.csv:2: bank_account: "" is not an account number`},
		{"bank holder", replace("products.csv", "NGUYEN VAN AN", "Nguyễn Văn An"), `products.csv:2: bank_account_name: "Nguyễn Văn An" must be the holder's name in capitals`},
		{"producer type", replace("products.csv", ",company,", ",person,"), `products.csv:2: producer_type: "person" is not a producer type`},
		{"featured", replace("products.csv", ",yes\n", ",maybe\n"), `products.csv:2: featured: "maybe" is not yes or no`},
		{"missing photo", replace("products.csv", "images/vp/scarf.png", "images/vp/scarf2.png"), `products.csv:3: images: photo "images/vp/scarf2.png" is not in the pack`},
		{"photo outside the pack", replace("products.csv", "images/vp/scarf.png", "../scarf.png"), `products.csv:3: images: "../scarf.png": must be a path inside the pack`},
		{"no photo", replace("products.csv", ",images/vp/scarf.png,", ",,"), `products.csv:3: images: required`},
		{"not a picture", func(f map[string]string) { f["images/vp/scarf.png"] = "this is a text file, not a photo" }, `images/vp/scarf.png: file is not a picture`},
		{"truncated picture", func(f map[string]string) { f["images/vp/scarf.png"] = f["images/vp/scarf.png"][:400] }, `images/vp/scarf.png: picture is damaged or cut short`},
		{"huge picture", func(f map[string]string) { f["images/vp/scarf.png"] = hugePNGHeader() }, `images/vp/scarf.png: picture is 9000×9000 pixels; at most 8192×8192`},
		{"latitude", replace("villages.csv", "20.976,105.913", "105.913,20.976"), `villages.csv:2: lat: 105.913 is outside Vietnam`},
		{"missing column", replace("villages.csv", ",commune,", ",comune,"), `villages.csv:1: comune: unknown column`},
		{"unknown language", replace("villages.csv", "name_ko", "name_kr"), `villages.csv:1: name_kr: "kr" is not a kiosk language`},
		{"wrong cell count", replace("tours.csv", ",vi;en,", ",vi,en,"), `tours.csv:2: row has 14 cells but the header has 13 columns`},
		{"unclosed quote", replace("products.csv", "\"350,000\"", "\"350,000"), `products.csv:3: a quote`},
		{"not UTF-8", replace("villages.csv", "Vạn Phúc", "V\xe1n Ph\xfac"), `villages.csv:3: text is not UTF-8`},
		{"empty sheet", func(f map[string]string) { f["tours.csv"] = "" }, `tours.csv:1: file is empty`},
		{"missing sheet", func(f map[string]string) { delete(f, "tours.csv") }, `tours.csv: file is missing`},
		{"group size", replace("tours.csv", ",1,20,", ",5,2,"), `tours.csv:2: max_group: 2 is less than min_group 5`},
		{"guide language", replace("tours.csv", ",vi;en,", ",vi;english,"), `tours.csv:2: guide_languages: "english" is not a language code`},
		{"story of no village", func(f map[string]string) { f["stories/ba-trang.vi.md"] = "x" }, `stories/ba-trang.vi.md: "ba-trang" is not a village`},
		{"story language", func(f map[string]string) { f["stories/bat-trang.fr.md"] = "x" }, `stories/bat-trang.fr.md: "fr" is not a kiosk language`},
		{"no Vietnamese story", func(f map[string]string) { delete(f, "stories/van-phuc.vi.md") }, `stories/van-phuc.vi.md: missing`},
		{"remote story image", replace("stories/bat-trang.vi.md", "images/bt/kiln.png", "https://evil.example/x.png"), `stories/bat-trang.vi.md:5: picture "https://evil.example/x.png" is on the internet`},
		{"manifest JSON", func(f map[string]string) { f["manifest.json"] = "{\n\"format\": 1,\n}" }, `manifest.json:3: not valid JSON`},
		{"manifest format", replace("manifest.json", `"format": 1`, `"format": 9`), `manifest.json: format: 9 is not a pack format`},
		{"manifest created", replace("manifest.json", `2026-11-01T09:00:00+07:00`, `yesterday`), `manifest.json: created: "yesterday" is not a time`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := packFiles()
			c.change(files)
			// The same table drives import: both must say the same.
			err := validateAgreesWithImport(t, openStore(t), writePack(t, files), pack.Options{AllowedHosts: data.DefaultAllowedHosts})
			var problems pack.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("want Problems, got %v", err)
			}
			if !strings.Contains(problems.Error(), c.want) {
				t.Errorf("problems:\n%s\nwant a line containing:\n%s", problems, c.want)
			}
		})
	}
}

func TestValidateReportsAllProblemsAtOnce(t *testing.T) {
	files := packFiles()
	files["products.csv"] = strings.Replace(files["products.csv"], ",IV,5,", ",IV,9,", 1)
	files["tours.csv"] = strings.Replace(files["tours.csv"], "https://zalo", "http://zalo", 1)
	delete(files, "images/bt/vase.png")
	_, err := pack.Validate(ctx, writePack(t, files), pack.Options{})
	var problems pack.Problems
	if !errors.As(err, &problems) || len(problems) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	if problems[0].File != "products.csv" || problems[2].File != "tours.csv" {
		t.Errorf("problems are not in file order: %v", problems)
	}
}

func hugePNGHeader() string {
	// A valid PNG header claiming 9000×9000: refused before any pixel is decoded.
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	putBE := func(at int, v uint32) {
		b[at], b[at+1], b[at+2], b[at+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	putBE(16, 9000)
	putBE(20, 9000)
	putBE(29, crc32.ChecksumIEEE(b[12:29])) // the IHDR chunk's checksum
	return string(b)
}

// A pack with any problem changes nothing: not the catalogue, not the photos.
func TestFailedImportLeavesTheCatalogueAsItWas(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, writePack(t, packFiles()))
	before, _ := st.LoadCatalogue(ctx)
	photos := listFiles(t, st.MediaDir())

	files := packFiles()
	files["manifest.json"] = strings.Replace(files["manifest.json"], `"version": 2`, `"version": 3`, 1)
	files["products.csv"] = strings.Replace(files["products.csv"], "Bình gốm,Vase", "Bình mới,New vase", 1)
	files["tours.csv"] = strings.Replace(files["tours.csv"], ",90,", ",ninety,", 1)
	files["images/bt/new.png"] = pngOf(9, 30, 30)
	files["villages.csv"] = strings.Replace(files["villages.csv"], "images/bt/kiln.png", "images/bt/new.png", 1)
	if _, err := pack.Import(ctx, st, writePack(t, files), pack.Options{}); err == nil {
		t.Fatal("a broken pack was imported")
	}
	after, _ := st.LoadCatalogue(ctx)
	if !reflect.DeepEqual(before, after) {
		t.Error("the catalogue changed after a failed import")
	}
	if got := listFiles(t, st.MediaDir()); !reflect.DeepEqual(photos, got) {
		t.Errorf("photos changed after a failed import: %d → %d files", len(photos), len(got))
	}
}

func TestImportingTheSamePackTwiceGivesTheSameResult(t *testing.T) {
	st := openStore(t)
	dir := writePack(t, packFiles())
	mustImport(t, st, dir)
	first, _ := st.LoadCatalogue(ctx)
	firstPhotos := listFiles(t, st.MediaDir())
	mustImport(t, st, dir)
	second, _ := st.LoadCatalogue(ctx)
	first.Pack.ImportedAt, second.Pack.ImportedAt = time.Time{}, time.Time{}
	if !reflect.DeepEqual(first, second) {
		t.Error("a second import of the same pack changed the catalogue")
	}
	if got := listFiles(t, st.MediaDir()); !reflect.DeepEqual(firstPhotos, got) {
		t.Error("a second import changed the photo files")
	}
}

func TestExportImportsBackToTheSameContent(t *testing.T) {
	for _, name := range []string{"exported", "exported.zip"} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			mustImport(t, st, writePack(t, packFiles()))
			out := filepath.Join(t.TempDir(), name)
			if err := pack.Export(ctx, st, out); err != nil {
				t.Fatal(err)
			}
			if err := pack.Export(ctx, st, out); err == nil {
				t.Error("export overwrote an existing pack")
			}
			again := openStore(t)
			mustImport(t, again, out)
			want, _ := st.LoadCatalogue(ctx)
			got, _ := again.LoadCatalogue(ctx)
			want.Pack.ImportedAt, got.Pack.ImportedAt = time.Time{}, time.Time{}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("round trip changed the catalogue:\nwant %+v\ngot  %+v", want, got)
			}
		})
	}
}

func TestZipWithATopFolderImports(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range packFiles() {
		w, _ := zw.Create("My pack/" + name)
		w.Write([]byte(body))
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "pack.zip")
	os.WriteFile(path, buf.Bytes(), 0o644)
	st := openStore(t)
	mustImport(t, st, path)
	if p, err := st.Product(ctx, "bt-vase"); err != nil || p.Name.In(data.EN) != "Vase" {
		t.Errorf("product from zip: %+v %v", p, err)
	}
}

func TestOpenRefusesWhatIsNotAPack(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "pack.zip")
	os.WriteFile(notZip, []byte("not a zip"), 0o644)
	for _, path := range []string{filepath.Join(dir, "missing"), notZip, writeText(t, "pack.txt", "x")} {
		if _, err := pack.Validate(ctx, path, pack.Options{}); err == nil {
			t.Errorf("%s validated", path)
		}
	}
}

func writeText(t *testing.T, name, body string) string {
	p := filepath.Join(t.TempDir(), name)
	os.WriteFile(p, []byte(body), 0o644)
	return p
}

func listFiles(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}
