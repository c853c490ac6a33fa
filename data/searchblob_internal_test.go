package data

import (
	"reflect"
	"testing"
)

func TestIndexBlobRoundTripsAndRefusesDamage(t *testing.T) {
	cat := &Catalogue{
		Villages: []Village{{ID: "bat-trang", Name: Text{VI: "Làng gốm Bát Tràng", ZH: "钵场陶瓷村"}, Craft: Text{EN: "Ceramics"}}},
		Products: []Product{{ID: "bt-1", VillageID: "bat-trang", Group: 4, Name: Text{VI: "Bình gốm", KO: "도자기 꽃병"}}},
	}
	ix := newMemIndex(catalogueFields(cat, map[string]Readings{"bt-1": {Pinyin: "táo cí"}}))
	blob := ix.marshal()
	back, err := unmarshalIndex(blob)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.items, ix.items) || !reflect.DeepEqual(back.nameLen, ix.nameLen) || !reflect.DeepEqual(back.fields, ix.fields) {
		t.Error("the index read back differs from the one written")
	}
	for n := range len(blob) {
		if _, err := unmarshalIndex(blob[:n]); err == nil {
			t.Fatalf("a blob cut at %d of %d bytes was read", n, len(blob))
		}
	}
}
