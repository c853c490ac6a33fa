package data

import (
	"slices"
	"testing"
)

func TestTranslationCoverage(t *testing.T) {
	cat := &Catalogue{
		Villages: []Village{{ID: "v1", Name: Text{VI: "Làng", EN: "Village"}, Summary: Text{VI: "x", EN: "x"}, Story: Text{VI: "s"}}},
		Products: []Product{
			{ID: "p1", Name: Text{VI: "A", KO: "에이"}, Description: Text{VI: "a", KO: "에이"}},
			{ID: "p2", Name: Text{VI: "B"}, Description: Text{VI: "b"}},
		},
	}
	byKey := map[string]Coverage{}
	for _, c := range TranslationCoverage(cat) {
		byKey[string(c.Lang)+"/"+string(c.Kind)] = c
	}
	en := byKey["en/village"]
	if en.Total != 1 || en.Name != 1 || en.Description != 1 || en.Story != 0 || len(en.Missing) != 1 ||
		!slices.Equal(en.Missing[0].Fields, []string{"story"}) {
		t.Errorf("en villages: %+v", en)
	}
	ko := byKey["ko/product"]
	if ko.Name != 1 || ko.Description != 1 || len(ko.Missing) != 1 || ko.Missing[0].ID != "p2" {
		t.Errorf("ko products: %+v", ko)
	}
	if vi := byKey["vi/product"]; !vi.Complete() || vi.Name != 2 {
		t.Errorf("vi products: %+v", vi)
	}
	if tours := byKey["ja/tour"]; tours.Total != 0 || !tours.Complete() {
		t.Errorf("no tours: %+v", tours)
	}
}
