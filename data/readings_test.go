package data_test

import (
	"testing"

	"ocopkiosk/data"
)

func TestReadingsMadeAtImport(t *testing.T) {
	if got := data.PinyinReading("钵场陶瓷村"); got != "bō chǎng táo cí cūn" {
		t.Errorf("pinyin %q", got)
	}
	if got := data.KanaReading("バッチャン陶器村"); got != "ばっちゃん とうき むら" {
		t.Errorf("kana %q", got)
	}
}

// A pack's own reading wins over the one made at import, is kept with the
// product, and is what search finds the name by.
func TestGivenReadingsOverrideAndAreSearched(t *testing.T) {
	st := openStore(t)
	cat := fixture()
	p := &cat.Products[0]
	p.Name[data.JA], p.Name[data.ZH] = "茶器", "茶具"
	p.Reading = data.Readings{Kana: "おちゃどうぐ"}
	if err := st.ReplaceCatalogue(ctx, cat); err != nil {
		t.Fatal(err)
	}
	got, err := st.Product(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NameReading.Kana != "おちゃどうぐ" || got.Reading.Kana != "おちゃどうぐ" || got.NameReading.Pinyin != "chá jù" || got.Reading.Pinyin != "" {
		t.Errorf("readings: made %+v, given %+v", got.NameReading, got.Reading)
	}
	for _, q := range []data.SearchQuery{{Text: "おちゃど", Lang: data.JA}, {Text: "chaju", Lang: data.ZH}, {Text: "cj", Lang: data.ZH}, {Text: "cha2 ju4", Lang: data.ZH}} {
		res, err := st.Find(ctx, q)
		if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != p.ID {
			t.Errorf("%+v: %+v %v", q, res, err)
		}
	}
	// Pinyin is a Chinese visitor's: for a Vietnamese one "chaju" means nothing.
	if res, _ := st.Find(ctx, data.SearchQuery{Text: "chaju", Lang: data.VI}); res.Total != 0 {
		t.Errorf("pinyin matched for a Vietnamese visitor: %+v", res)
	}
}

// Results update as a Korean syllable forms: a final consonant that may
// yet move on, and a lone first consonant, already find the word.
func TestHangulPartialSyllables(t *testing.T) {
	st := loaded(t)
	for _, q := range []string{"도", "도ㅈ", "도작", "도자", "도자기", "밧ㅉ"} {
		res, err := st.Find(ctx, data.SearchQuery{Text: q, Lang: data.KO})
		if err != nil || res.Total == 0 {
			t.Errorf("%q found nothing (%v)", q, err)
		}
	}
}

// The count is every match, not a page of them, and pages cover all.
func TestFindCountsEveryMatchAndPages(t *testing.T) {
	st := loaded(t)
	all, err := st.Find(ctx, data.SearchQuery{Text: "b", Limit: 1000})
	if err != nil || all.Total < 3 || len(all.Hits) != all.Total {
		t.Fatalf("%+v %v", all, err)
	}
	seen := map[string]bool{}
	for off := 0; off < all.Total; off += 2 {
		page, _ := st.Find(ctx, data.SearchQuery{Text: "b", Offset: off, Limit: 2})
		if page.Total != all.Total {
			t.Errorf("page total %d", page.Total)
		}
		for i, h := range page.Hits {
			if all.Hits[off+i].ID != h.ID {
				t.Errorf("page at %d: %s, want %s", off+i, h.ID, all.Hits[off+i].ID)
			}
			seen[h.ID] = true
		}
	}
	if len(seen) != all.Total {
		t.Errorf("pages covered %d of %d", len(seen), all.Total)
	}
}
