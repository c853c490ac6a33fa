package i18n

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"ocopkiosk/data"
)

// Every language has exactly the keys Vietnamese has, so no visitor ever
// meets a raw message id.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	m := MustLoad()
	want := m.IDs(data.VI)
	if len(want) < 50 {
		t.Fatalf("only %d Vietnamese messages", len(want))
	}
	for _, lang := range data.Languages {
		got := m.IDs(lang)
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("%s: message %q is missing", lang, id)
			}
		}
		for _, id := range got {
			if !slices.Contains(want, id) {
				t.Errorf("%s: message %q is not in vi.json", lang, id)
			}
		}
	}
}

// go-i18n v2.7.0 gives Vietnamese the plural forms "one" and "other": a vi
// plural message with only "other" fails for counts 0 and 1.
func TestPluralsHaveTheFormsEachLanguageNeeds(t *testing.T) {
	for _, lang := range data.Languages {
		b, err := messageFiles.ReadFile("messages/" + string(lang) + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		for id, v := range raw {
			forms, plural := v.(map[string]any)
			if !plural {
				continue
			}
			if forms["other"] == nil {
				t.Errorf("%s %s: no \"other\" form", lang, id)
			}
			if (lang == data.VI || lang == data.EN) && forms["one"] == nil {
				t.Errorf("%s %s: no \"one\" form", lang, id)
			}
		}
	}
	m := MustLoad()
	for _, lang := range data.Languages {
		for _, n := range []int{0, 1, 2, 21} {
			got := m.N(lang, "products.count", n)
			if got == "products.count" || !strings.Contains(got, strings.TrimSpace(string(rune('0'+n%10)))) {
				t.Errorf("%s: products.count(%d) = %q", lang, n, got)
			}
		}
	}
}

func TestTemplatesAreFilled(t *testing.T) {
	m := MustLoad()
	for _, lang := range data.Languages {
		got := m.T(lang, "product.decision", "No", "813/QĐ-UBND", "Date", "19/02/2026")
		if !strings.Contains(got, "813/QĐ-UBND") || !strings.Contains(got, "19/02/2026") || strings.Contains(got, "{{") {
			t.Errorf("%s: %q", lang, got)
		}
	}
	if got := m.T(data.EN, "no.such.message"); got != "no.such.message" {
		t.Errorf("missing message shows %q", got)
	}
}
