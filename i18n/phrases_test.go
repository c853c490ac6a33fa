package i18n

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ocopkiosk/lang"
)

var listPhrases = flag.Bool("list-phrases", false, "print every phrase the data layer says, as JSON keys, for a new phrase book")

// phraseCalls are the functions whose format argument is a phrase: Phrasef
// itself and the data layer's helpers that pass theirs on to it (a pack's
// report.add, cellReader.bad and the like, Settings.Validate's add).
var phraseCalls = map[string]bool{"Phrasef": true, "add": true, "bad": true, "refuse": true}

// phraseArgs are other calls with a phrase among their arguments, by the
// argument's index: cellReader.float's description of what it expects.
var phraseArgs = map[string]int{"float": 3}

// phraseValues are constants and variables whose text reaches staff as an
// argument of a phrase or as an error of its own.
var phraseValues = map[string]bool{"IDRule": true, "ErrNotImage": true, "ErrStopped": true}

// phraseFuncs are functions whose returned string constants are words
// that reach staff as arguments of a phrase (a pack's JSON value kinds).
var phraseFuncs = map[string]bool{"jsonKind": true}

// phraseDirs are where the data layer keeps what it says to staff screens.
// data/fleet's refusals are shown to staff as the office wrote them (their
// reason is translated by its id), but what a pack on its way waits for and
// a problem with the hub are phrases; data/handoff builds QR payloads, not
// messages.
var phraseDirs = []string{"../data", "../data/pack", "../data/media", "../data/fleet"}

// dataPhrases reads the data layer's source and returns every constant
// format given to a phrase call, with where it was found.
func dataPhrases(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	fset := token.NewFileSet()
	var files []string
	for _, dir := range phraseDirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, names...)
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && phraseFuncs[fn.Name.Name] {
				ast.Inspect(fn.Body, func(n ast.Node) bool {
					if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
						if lit, ok := ret.Results[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							text, _ := strconv.Unquote(lit.Value)
							found[text] = fset.Position(lit.Pos()).String()
						}
					}
					return true
				})
			}
			if spec, ok := n.(*ast.ValueSpec); ok && len(spec.Names) == 1 && phraseValues[spec.Names[0].Name] {
				ast.Inspect(spec, func(n ast.Node) bool {
					if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						text, _ := strconv.Unquote(lit.Value)
						found[text] = fset.Position(lit.Pos()).String()
					}
					return true
				})
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if i, ok := phraseArgs[calledName(call)]; ok && i < len(call.Args) {
				if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					text, _ := strconv.Unquote(lit.Value)
					found[text] = fset.Position(lit.Pos()).String()
				}
			}
			if !phraseCalls[calledName(call)] {
				return true
			}
			// The format is the last string constant among the first four
			// arguments: add(file, line, "column", "format", args...).
			var format string
			for _, a := range call.Args[:min(4, len(call.Args))] {
				if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					format, _ = strconv.Unquote(lit.Value)
				}
			}
			if hasWords(format) {
				found[format] = fset.Position(call.Pos()).String()
			}
			return true
		})
	}
	return found
}

func calledName(call *ast.CallExpr) string {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// hasWords reports whether a format says anything beyond its verbs ("%v").
func hasWords(format string) bool {
	return strings.ContainsFunc(verb.ReplaceAllString(format, ""), func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	})
}

// sampleArgs are arguments that fit format's verbs in order.
func sampleArgs(format string) []any {
	var args []any
	for _, v := range verb.FindAllString(format, -1) {
		switch v[len(v)-1] {
		case '%':
		case 'd', 'x', 'X', 'c', 'U':
			args = append(args, len(args)+7)
		default:
			args = append(args, fmt.Sprintf("arg%d", len(args)+1))
		}
	}
	return args
}

// Every phrase the data layer can say to staff is in every phrase book,
// and each translation takes the same arguments as the English: filled
// with sample values it prints every one of them and no %!verb error.
func TestEveryPhraseIsInEveryBook(t *testing.T) {
	phrases := dataPhrases(t)
	if len(phrases) < 80 {
		t.Fatalf("found only %d phrases in ../data: has the scanner lost them?", len(phrases))
	}
	if *listPhrases {
		keys := make([]string, 0, len(phrases))
		for k := range phrases {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Printf("%s\n", strconv.Quote(k))
		}
	}
	m := MustLoad()
	for _, l := range lang.All {
		if l == lang.EN {
			continue
		}
		book := m.phrases[l]
		for english, where := range phrases {
			tr, ok := book[english]
			if !ok {
				t.Errorf("%s: no translation of %q (%s)", l, english, where)
				continue
			}
			args := sampleArgs(english)
			got := fmt.Sprintf(tr, args...)
			if strings.Contains(got, "%!") {
				t.Errorf("%s: %q → %q takes other arguments: %s", l, english, tr, got)
			}
			for _, a := range args {
				if s := fmt.Sprint(a); !strings.Contains(got, s) && !strings.Contains(got, strconv.Quote(s)) {
					t.Errorf("%s: %q → %q leaves out an argument (%v): %s", l, english, tr, a, got)
				}
			}
		}
		for english := range book {
			if _, used := phrases[english]; !used {
				t.Errorf("%s: the book translates %q, which the data layer no longer says", l, english)
			}
		}
	}
}

// Say translates a phrase and the phrases inside it, and keeps values.
func TestSayTranslatesNestedPhrases(t *testing.T) {
	m := MustLoad()
	inner := lang.Phrasef("must start with https://")
	p := lang.Phrasef("%q: %v", "http://shop.example", inner)
	if got, want := m.Say(lang.EN, p), `"http://shop.example": must start with https://`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	vi := m.Say(lang.VI, p)
	if !strings.Contains(vi, `"http://shop.example"`) || strings.Contains(vi, "must start") {
		t.Errorf("Vietnamese should keep the address and translate the reason: %q", vi)
	}
	wrapped := fmt.Errorf("checking: %w", inner)
	if got := m.Say(lang.VI, lang.Phrasef("%v", wrapped)); strings.Contains(got, "must start") {
		t.Errorf("an error wrapping a phrase should be said as that phrase: %q", got)
	}
	if got := m.Say(lang.KO, lang.Phrasef("%v", errors.New("disk on fire"))); got != "disk on fire" {
		t.Errorf("an error outside the books stays as it is: %q", got)
	}
}
