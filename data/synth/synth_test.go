package synth

import (
	"bytes"
	"context"
	"image/jpeg"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

var tiny = Config{Products: 12, Villages: 3, Tours: 3, Photos: 4, Seed: 7}

func generate(t *testing.T, cfg Config) *Pack {
	t.Helper()
	p, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestTheSameSeedGivesTheSameBytes(t *testing.T) {
	if a, b := generate(t, tiny), generate(t, tiny); !reflect.DeepEqual(a.Catalogue, b.Catalogue) {
		t.Fatal("two generations with one seed gave different catalogues")
	}
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		if _, err := Write(tiny, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readTree(t, filepath.Join(dir, "a")), readTree(t, filepath.Join(dir, "b"))
	if len(a) != len(b) || len(a) < 4+tiny.Villages*2+tiny.Photos {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for name, body := range a {
		if !bytes.Equal(body, b[name]) {
			t.Errorf("%s differs between two writes of one seed", name)
		}
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	other := tiny
	other.Seed++
	a, b := generate(t, tiny).Catalogue, generate(t, other).Catalogue
	if a.Villages[0].Name[data.VI] == b.Villages[0].Name[data.VI] && a.Products[7].Name[data.VI] == b.Products[7].Name[data.VI] {
		t.Error("seeds 7 and 8 gave the same names")
	}
	p1, _ := drawPhoto(1, 0)
	p2, _ := drawPhoto(2, 0)
	p3, _ := drawPhoto(1, 1)
	if bytes.Equal(p1, p2) || bytes.Equal(p1, p3) {
		t.Error("photos of different seeds or numbers are the same")
	}
}

func TestPhotosAreFullSizeJPEGs(t *testing.T) {
	p := generate(t, tiny)
	b, err := p.Photo(p.Photos[0])
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != PhotoWidth || cfg.Height != PhotoHeight {
		t.Errorf("photo is %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	if _, err := p.Photo("images/elsewhere.jpg"); err == nil {
		t.Error("a photo that was not generated was drawn")
	}
}

// TestTheMixLooksReal checks, at a moderate size, what makes the content
// plausible and what the pack format demands.
func TestTheMixLooksReal(t *testing.T) {
	cfg := Config{Products: 3000, Villages: 300, Tours: 200, Photos: 150, Seed: 3}
	p := generate(t, cfg)
	cat := p.Catalogue
	if len(p.Photos) != cfg.Photos {
		t.Errorf("%d of %d photos are used", len(p.Photos), cfg.Photos)
	}
	id := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
	ids := map[string]bool{}
	unique := func(kind, s string) {
		if !id.MatchString(s) {
			t.Errorf("%s id %q is not valid", kind, s)
		}
		if ids[kind+s] {
			t.Errorf("%s id %q is used twice", kind, s)
		}
		ids[kind+s] = true
	}
	every := func(what string, text data.Text) {
		for _, l := range data.Languages {
			if text[l] == "" {
				t.Fatalf("%s has no %s text: %v", what, l, text)
			}
		}
	}
	villages := map[string]bool{}
	for _, v := range cat.Villages {
		unique("village", v.ID)
		villages[v.ID] = true
		every(v.ID+" name", v.Name)
		if v.Lat < minLat || v.Lat > maxLat || v.Lng < minLng || v.Lng > maxLng {
			t.Errorf("%s is at %v, %v: outside Hanoi", v.ID, v.Lat, v.Lng)
		}
		if v.Story[data.VI] == "" || v.Story[data.EN] == "" || v.Commune == "" || v.FormerDistrict == "" || v.Cover.Source == "" {
			t.Errorf("%s lacks a story, commune, district or cover", v.ID)
		}
	}
	groups, stars, types := map[data.Group]int{}, map[int]int{}, map[data.ProducerType]int{}
	hosts := map[string]int{}
	var expired, banks, featured int
	for _, pr := range cat.Products {
		unique("product", pr.ID)
		every(pr.ID+" name", pr.Name)
		every(pr.ID+" description", pr.Description)
		groups[pr.Group]++
		stars[pr.Stars]++
		types[pr.ProducerType]++
		if !villages[pr.VillageID] {
			t.Errorf("%s is in unknown village %q", pr.ID, pr.VillageID)
		}
		if pr.PriceMin <= 0 || pr.PriceMin > pr.PriceMax {
			t.Errorf("%s costs %d to %d", pr.ID, pr.PriceMin, pr.PriceMax)
		}
		if !pr.CertificateValid(DefaultDate) {
			expired++
		}
		if pr.DecisionDate.After(DefaultDate) {
			t.Errorf("%s was decided on %s, after the pack's date", pr.ID, pr.DecisionDate)
		}
		if n := len(pr.Images); n < 1 || n > 3 {
			t.Errorf("%s has %d photos", pr.ID, n)
		}
		if pr.PurchaseURL != "" {
			u, err := url.Parse(pr.PurchaseURL)
			if err != nil || data.CheckLink(pr.PurchaseURL) != nil {
				t.Fatalf("%s: bad link %q", pr.ID, pr.PurchaseURL)
			}
			hosts[u.Host]++
			if q := u.RawQuery; strings.ContainsFunc(q, func(r rune) bool { return r > 0x7e }) {
				t.Errorf("%s: search %q is not ASCII", pr.ID, q)
			}
		}
		if pr.Bank != nil {
			banks++
		}
		if pr.Featured {
			featured++
		}
	}
	for g := data.Group(1); g <= 6; g++ {
		if groups[g] == 0 {
			t.Errorf("no product in group %s", g)
		}
	}
	if groups[1] < groups[4] || groups[4] < groups[6] {
		t.Errorf("groups are not weighted like Hanoi's: %v", groups)
	}
	for s := 3; s <= 5; s++ {
		if stars[s] == 0 {
			t.Errorf("no %d-star product", s)
		}
	}
	if share := float64(stars[3]+stars[4]) / float64(len(cat.Products)); share < 0.85 {
		t.Errorf("only %.0f%% have 3 or 4 stars", share*100)
	}
	for _, pt := range data.ProducerTypes {
		if types[pt] == 0 {
			t.Errorf("no producer of type %s", pt)
		}
	}
	if share := float64(expired) / float64(len(cat.Products)); share < 0.01 || share > 0.1 {
		t.Errorf("%.1f%% of certificates have expired; expected a few percent", share*100)
	}
	if hosts["shopee.vn"] == 0 || hosts["www.lazada.vn"] == 0 || hosts["tiki.vn"] == 0 || len(hosts) != 3 {
		t.Errorf("purchase hosts %v", hosts)
	}
	if banks == 0 || featured == 0 || featured > len(cat.Products)/10 {
		t.Errorf("%d bank accounts, %d featured", banks, featured)
	}
	for _, tour := range cat.Tours {
		unique("tour", tour.ID)
		every(tour.ID+" schedule", tour.Schedule)
		if tour.MinGroup < 1 || tour.MinGroup > tour.MaxGroup || tour.DurationMinutes <= 0 || tour.GuideLanguages[0] != "vi" ||
			!strings.HasPrefix(tour.SignupURL, "https://zalo.me/") || !villages[tour.VillageID] {
			t.Errorf("tour %+v", tour)
		}
	}
}

func TestASmallPackValidates(t *testing.T) {
	cfg := Presets["small"]
	cfg.Seed = 11
	out := filepath.Join(t.TempDir(), "pack")
	p, err := Write(cfg, out)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := pack.Validate(context.Background(), out, pack.Options{})
	if err != nil {
		t.Fatalf("the generated pack has problems:\n%v", err)
	}
	if len(cat.Villages) != cfg.Villages || len(cat.Products) != cfg.Products || len(cat.Tours) != cfg.Tours {
		t.Errorf("validated %d villages, %d products, %d tours", len(cat.Villages), len(cat.Products), len(cat.Tours))
	}
	if len(p.Photos) != cfg.Photos {
		t.Errorf("%d photos written, want %d", len(p.Photos), cfg.Photos)
	}
	if _, err := Write(cfg, out); err == nil {
		t.Error("a second write over the same folder succeeded")
	}
}

func TestConfigIsChecked(t *testing.T) {
	for _, cfg := range []Config{{Products: 1, Photos: 1}, {Villages: 1}, {Villages: 1, Photos: 1, Products: -1}} {
		if _, err := Generate(cfg); err == nil {
			t.Errorf("%+v was accepted", cfg)
		}
	}
}

func TestKoreanParticles(t *testing.T) {
	for s, want := range map[string]string{"꽃병": "은", "과자": "는", "꼼(풋쌀)": "은", "VietGAP": "은(는)"} {
		if got := topic(s); got != want {
			t.Errorf("topic(%q) = %q, want %q", s, got, want)
		}
	}
}
