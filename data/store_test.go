package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
)

var ctx = context.Background()

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture is a small catalogue with Vietnamese, Korean, Chinese and
// Japanese names, enough to test search ranking and listing.
func fixture() *data.Catalogue {
	village := func(id, vi, en, ko, zh, craftVI, craftEN string) data.Village {
		return data.Village{ID: id, Name: data.Text{data.VI: vi, data.EN: en, data.KO: ko, data.ZH: zh},
			Craft: data.Text{data.VI: craftVI, data.EN: craftEN}, Summary: data.Text{data.VI: "Làng nghề " + vi},
			Story: data.Text{data.VI: "# " + vi}, Commune: vi, Lat: 21, Lng: 105.9}
	}
	product := func(id, village, vi, en string, group data.Group, stars int, featured bool) data.Product {
		return data.Product{ID: id, VillageID: village, Name: data.Text{data.VI: vi, data.EN: en},
			Description: data.Text{data.VI: "Mô tả " + vi}, Producer: "HTX " + vi, ProducerType: data.Coop,
			Group: group, Stars: stars, DecisionNo: "1/QĐ-UBND", DecisionDate: day("2025-01-01"),
			ValidUntil: day("2028-01-01"), PriceMin: 1000, PriceMax: 2000, Unit: data.Text{data.VI: "cái"},
			Featured: featured}
	}
	return &data.Catalogue{
		Pack:   data.PackInfo{Format: 1, Version: 3, Title: "Fixture", Created: day("2026-11-01")},
		Centre: data.Centre{ID: "test-centre", Name: data.Text{data.VI: "Trung tâm thử"}},
		Villages: []data.Village{
			village("bat-trang", "Bát Tràng", "Bat Trang", "밧짱", "巴特", "Gốm sứ", "Ceramics"),
			village("van-phuc", "Vạn Phúc", "Van Phuc", "반푹", "万福", "Dệt lụa", "Silk weaving"),
			village("chuyen-my", "Chuyên Mỹ", "Chuyen My", "쭈옌미", "专美", "Khảm trai", "Mother-of-pearl inlay"),
		},
		Products: []data.Product{
			product("bt-vase", "bat-trang", "Bình gốm men lam", "Blue glaze vase", 4, 5, true),
			product("bt-tea", "bat-trang", "Bộ ấm chén Bát Tràng", "Bát Tràng tea set", 4, 4, false),
			product("vp-scarf", "van-phuc", "Khăn lụa Vạn Phúc", "Vạn Phúc silk scarf", 4, 4, true),
			product("vp-ao-dai", "van-phuc", "Vải lụa may áo dài", "Silk for áo dài", 4, 3, false),
			product("cm-box", "chuyen-my", "Hộp khảm trai", "Mother-of-pearl box", 4, 5, false),
			product("cm-honey", "chuyen-my", "Mật ong hoa nhãn", "Longan honey", 1, 3, false),
		},
		Tours: []data.Tour{{ID: "bt-workshop", VillageID: "bat-trang",
			Name:        data.Text{data.VI: "Tự tay nặn gốm", data.EN: "Make your own pottery", data.KO: "도자기 만들기", data.JA: "陶芸体験"},
			Description: data.Text{data.VI: "Nặn và vẽ gốm"}, Schedule: data.Text{data.VI: "Hằng ngày"},
			MeetingPoint: data.Text{data.VI: "Chợ gốm"}, DurationMinutes: 90, PriceVND: 150000, MinGroup: 1, MaxGroup: 20,
			GuideLanguages: []string{"vi", "en"}, SignupURL: "https://zalo.me/123"}},
	}
}

func loaded(t *testing.T) *data.Store {
	t.Helper()
	st := openStore(t)
	if err := st.ReplaceCatalogue(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestMigrationsRunOnceAndRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	for range 2 { // reopening applies nothing twice
		st, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		names, err := st.Migrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 || names[0] != "001_catalogue.sql" {
			t.Fatalf("migrations = %v", names)
		}
		st.Close()
	}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	if err := writeFile(path, strings.Repeat("not a database ", 500)); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Open(path); err == nil {
		t.Fatal("opened garbage as a database")
	}
}

func TestProductRoundTripsThroughTheStore(t *testing.T) {
	st := loaded(t)
	p, err := st.Product(ctx, "vp-scarf")
	if err != nil {
		t.Fatal(err)
	}
	want := fixture().Products[2]
	if p.Name.In(data.VI) != want.Name[data.VI] || p.Stars != 4 || !p.DecisionDate.Equal(want.DecisionDate) ||
		!p.ValidUntil.Equal(want.ValidUntil) || !p.Featured || p.ProducerType != data.Coop {
		t.Errorf("product = %+v", p)
	}
	if _, err := st.Product(ctx, "nope"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("missing product: err = %v", err)
	}
	info, _ := st.PackInfo(ctx)
	if info.Version != 3 || info.Title != "Fixture" || info.ImportedAt.IsZero() {
		t.Errorf("pack info = %+v", info)
	}
	c, _ := st.PackCentre(ctx)
	if c.ID != "test-centre" || c.Name.In(data.EN) != "Trung tâm thử" {
		t.Errorf("centre = %+v", c)
	}
}

func TestCertificateValidity(t *testing.T) {
	p := data.Product{ValidUntil: day("2025-06-15")}
	if !p.CertificateValid(day("2025-06-15").Add(20 * time.Hour)) {
		t.Error("valid on its last day")
	}
	if p.CertificateValid(day("2025-06-16")) {
		t.Error("expired certificate shown as valid")
	}
	if (data.Product{}).CertificateValid(day("2020-01-01")) {
		t.Error("a product with no validity date is never valid")
	}
}

func TestListProductsFiltersAndPages(t *testing.T) {
	st := loaded(t)
	cases := []struct {
		name  string
		f     data.ProductFilter
		want  []string
		total int
	}{
		{"all in pack order", data.ProductFilter{}, []string{"bt-vase", "bt-tea", "vp-scarf", "vp-ao-dai", "cm-box", "cm-honey"}, 6},
		{"group I", data.ProductFilter{Group: 1}, []string{"cm-honey"}, 1},
		{"5 stars", data.ProductFilter{Stars: 5}, []string{"bt-vase", "cm-box"}, 2},
		{"village", data.ProductFilter{VillageID: "van-phuc"}, []string{"vp-scarf", "vp-ao-dai"}, 2},
		{"featured", data.ProductFilter{Featured: true}, []string{"bt-vase", "vp-scarf"}, 2},
		{"group, stars and village", data.ProductFilter{Group: 4, Stars: 4, VillageID: "bat-trang"}, []string{"bt-tea"}, 1},
		{"second page", data.ProductFilter{Offset: 2, Limit: 2}, []string{"vp-scarf", "vp-ao-dai"}, 6},
		{"past the end", data.ProductFilter{Offset: 10}, nil, 6},
	}
	for _, c := range cases {
		page, err := st.ListProducts(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range page.Products {
			ids = append(ids, p.ID)
		}
		if !slices.Equal(ids, c.want) || page.Total != c.total {
			t.Errorf("%s: got %v (total %d), want %v (total %d)", c.name, ids, page.Total, c.want, c.total)
		}
	}
}

func TestSearchFindsVietnameseWithoutMarks(t *testing.T) {
	st := loaded(t)
	cases := []struct {
		query string
		first string // the id expected first
		all   []string
	}{
		{"bat tr", "bat-trang", []string{"bat-trang", "bt-tea", "bt-vase", "bt-workshop"}},
		{"Bát Tràng", "bat-trang", nil},
		{"BAT TRANG", "bat-trang", nil},
		{"lua van phuc", "vp-scarf", []string{"vp-scarf", "vp-ao-dai", "van-phuc"}}, // the silk village too
		{"lụa vạn phúc", "vp-scarf", nil},
		{"kham trai", "cm-box", []string{"chuyen-my", "cm-box", "cm-honey"}}, // honey from the inlay village, last
		{"mat ong", "cm-honey", []string{"cm-honey"}},
		{"gom", "bt-vase", nil},
		{"silk scarf", "vp-scarf", []string{"vp-scarf"}},
		{"ao dai", "vp-ao-dai", []string{"vp-ao-dai"}},
		{"밧짱", "bat-trang", nil},
		{"도자기", "bt-workshop", nil}, // then the rest of the pottery village, through the craft's words
		{"万福", "van-phuc", nil},
		{"陶芸", "bt-workshop", []string{"bt-workshop"}},
		{"芸", "bt-workshop", nil},
		{"xyzzy", "", []string{}},
	}
	for _, c := range cases {
		hits, err := st.Search(ctx, c.query, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if c.first != "" && (len(ids) == 0 || ids[0] != c.first) {
			t.Errorf("%q: first = %v, want %s first", c.query, ids, c.first)
		}
		if c.all != nil {
			got, want := slices.Clone(ids), slices.Clone(c.all)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q: found %v, want %v", c.query, ids, c.all)
			}
		}
		if c.query == "kham trai" && ids[len(ids)-1] != "cm-honey" {
			t.Errorf("%q: honey should rank last: %v", c.query, ids)
		}
		for _, h := range hits {
			if h.Name.In(data.EN) == "" {
				t.Errorf("%q: hit %s has no name", c.query, h.ID)
			}
		}
	}
}

func TestSearchIsSafeForAnyInput(t *testing.T) {
	st := loaded(t)
	hostile := []string{
		`"`, `""`, `"bat`, `(`, `)`, `(bat`, `*`, `bat*`, `-`, `-bat`, `bat -trang`, `NEAR`, `bat NEAR trang`,
		`NEAR/3`, `AND`, `OR`, `NOT`, `bat OR`, `AND bat`, `^bat`, `bat:trang`, `name:bat`, `{bat}`, `'; DROP TABLE products; --`,
		`🏺🏺`, `bat 🏺 trang`, "\x00", "\u202e", strings.Repeat("bát tràng ", 100), strings.Repeat("x", 1000),
		strings.Repeat("陶", 1000), "   ", "",
	}
	for _, q := range hostile {
		if _, err := st.Search(ctx, q, 10); err != nil {
			t.Errorf("Search(%.40q) failed: %v", q, err)
		}
	}
	hits, err := st.Search(ctx, `"bat -trang*" (`, 10)
	if err != nil || len(hits) == 0 || hits[0].ID != "bat-trang" {
		t.Errorf("operators are read as words: %v %v", hits, err)
	}
}

func TestReplaceCatalogueIsAllOrNothing(t *testing.T) {
	st := loaded(t)
	bad := fixture()
	bad.Pack.Version = 4
	bad.Products[0].VillageID = "no-such-village" // breaks the foreign key at insert
	if err := st.ReplaceCatalogue(ctx, bad); err == nil {
		t.Fatal("a catalogue with a broken reference was stored")
	}
	info, _ := st.PackInfo(ctx)
	page, _ := st.ListProducts(ctx, data.ProductFilter{})
	hits, _ := st.Search(ctx, "bat trang", 0)
	if info.Version != 3 || page.Total != 6 || len(hits) == 0 {
		t.Errorf("after a failed replace: version %d, %d products, %d hits", info.Version, page.Total, len(hits))
	}
}
