package i18n

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ocopkiosk/lang"
)

// Every language has exactly the keys Vietnamese has, so no visitor ever
// meets a raw message id.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	m := MustLoad()
	want := m.IDs(lang.VI)
	if len(want) < 50 {
		t.Fatalf("only %d Vietnamese messages", len(want))
	}
	for _, l := range lang.All {
		got := m.IDs(l)
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("%s: message %q is missing", l, id)
			}
		}
		for _, id := range got {
			if !slices.Contains(want, id) {
				t.Errorf("%s: message %q is not in vi.json", l, id)
			}
		}
	}
}

// go-i18n v2.7.0 gives Vietnamese the plural forms "one" and "other": a vi
// plural message with only "other" fails for counts 0 and 1.
func TestPluralsHaveTheFormsEachLanguageNeeds(t *testing.T) {
	for _, l := range lang.All {
		b, err := messageFiles.ReadFile("messages/" + string(l) + ".json")
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
				t.Errorf("%s %s: no \"other\" form", l, id)
			}
			if (l == lang.VI || l == lang.EN) && forms["one"] == nil {
				t.Errorf("%s %s: no \"one\" form", l, id)
			}
		}
	}
	m := MustLoad()
	for _, l := range lang.All {
		for _, n := range []int{0, 1, 2, 21} {
			got := m.N(l, "products.count", n)
			if got == "products.count" || !strings.Contains(got, strings.TrimSpace(string(rune('0'+n%10)))) {
				t.Errorf("%s: products.count(%d) = %q", l, n, got)
			}
		}
	}
}

func TestTemplatesAreFilled(t *testing.T) {
	m := MustLoad()
	for _, l := range lang.All {
		got := m.T(l, "product.decision", "No", "813/QĐ-UBND", "Date", "19/02/2026")
		if !strings.Contains(got, "813/QĐ-UBND") || !strings.Contains(got, "19/02/2026") || strings.Contains(got, "{{") {
			t.Errorf("%s: %q", l, got)
		}
	}
	if got := m.T(lang.EN, "no.such.message"); got != "no.such.message" {
		t.Errorf("missing message shows %q", got)
	}
}

// TestImportsNoStore keeps the message catalogue light: it needs the
// language type only (package lang), not the content store, which links
// SQLite and bcrypt.
func TestImportsNoStore(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "ocopkiosk/data") {
				t.Errorf("%s imports %s", name, imp.Path.Value)
			}
		}
	}
}
