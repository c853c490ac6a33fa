package pack_test

// Hostile content from the adversarial review: each pack is built here from
// the valid one, checked with Validate and Import (which must refuse it
// with the problem named by file and line and change nothing), and never
// panics. The screens that show such content are tested in ui.

import (
	"bytes"
	"errors"
	"io/fs"
	"log"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// refuseEverywhere checks that Validate and Import both refuse the pack
// with Problems holding every one of want.
func (g *guarded) refuseEverywhere(t *testing.T, files map[string]string, want ...string) {
	t.Helper()
	dir := writePack(t, files)
	_, err := pack.Validate(ctx, dir, pack.Options{})
	var problems pack.Problems
	if !errors.As(err, &problems) {
		t.Fatalf("Validate: want Problems, got %v", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Validate problems:\n%v\nwant a line containing:\n%s", err, w)
		}
	}
	if err := g.refuse(t, dir, want...); !errors.As(err, &problems) {
		t.Errorf("Import: want Problems, got %v", err)
	}
}

func TestHostileContent(t *testing.T) {
	g := newGuarded(t)
	edit := func(file, old, new string) func(*testing.T, map[string]string) {
		return func(t *testing.T, f map[string]string) {
			if !strings.Contains(f[file], old) {
				t.Fatalf("%s has no %q", file, old)
			}
			f[file] = strings.ReplaceAll(f[file], old, new)
		}
	}
	both := func(changes ...func(*testing.T, map[string]string)) func(*testing.T, map[string]string) {
		return func(t *testing.T, f map[string]string) {
			for _, c := range changes {
				c(t, f)
			}
		}
	}
	photos := func(n int, path string) string { return strings.TrimSuffix(strings.Repeat(path+";", n), ";") }
	cases := []struct {
		name   string
		change func(*testing.T, map[string]string)
		want   []string
	}{
		// The crash: a village id with a dot, its stories renamed, a picture
		// in a story. Validate panicked in the story-picture pass.
		{"village id with a dot", both(
			edit("villages.csv", "\nvan-phuc,", "\nvan.phuc,"),
			edit("products.csv", ",van-phuc,", ",van.phuc,"),
			func(t *testing.T, f map[string]string) {
				f["stories/van.phuc.vi.md"] = f["stories/van-phuc.vi.md"] + "\n![Khung cửi](images/vp/cover.png)\n"
				delete(f, "stories/van-phuc.vi.md")
				f["stories/van.phuc.en.md"] = "![Loom](images/bt/kiln.png)\n"
			}),
			[]string{`villages.csv:3: id: "van.phuc" is not a valid code; use up to 64 letters, digits, - and _`,
				`stories/van.phuc.vi.md: "van.phuc" is not a valid village code`,
				`stories/van.phuc.en.md: "van.phuc" is not a valid village code`}},
		{"story id with a dot for a valid village", func(t *testing.T, f map[string]string) {
			f["stories/bat.trang.vi.md"] = "![x](images/bt/kiln.png)\n"
		}, []string{`stories/bat.trang.vi.md: "bat.trang" is not a valid village code`}},

		// Sizes a visitor never reads, and that froze the screen.
		{"story over 20 KB", func(t *testing.T, f map[string]string) {
			f["stories/bat-trang.vi.md"] = strings.Repeat("Làng gốm Bát Tràng. ", 1100)
		}, []string{"stories/bat-trang.vi.md: story is 27 KB; at most 20 KB per language are allowed"}},
		{"story over 1 MB", func(t *testing.T, f map[string]string) {
			f["stories/bat-trang.en.md"] = strings.Repeat("- pot\n", 200_000)
		}, []string{"stories/bat-trang.en.md: cannot read the story: file is too large (over 1 MB)"}},
		{"13 photos", edit("products.csv", "images/bt/vase.png;images/bt/cover.png", photos(13, "images/bt/vase.png")),
			[]string{"products.csv:2: images: lists 13 photos; at most 12 are allowed for one item"}},
		{"one photo 10,000 times", edit("products.csv", "images/bt/vase.png;images/bt/cover.png", photos(10_000, "images/bt/vase.png")),
			[]string{"products.csv:2: images: lists 10000 photos; at most 12"}},
		{"a photo twice", edit("products.csv", "images/bt/vase.png;images/bt/cover.png", "images/bt/vase.png;images/bt/cover.png;./images/bt/vase.png"),
			[]string{`products.csv:2: images: photo "images/bt/vase.png" is listed twice (as photo 1 and 3)`}},
		{"gallery photo twice", edit("villages.csv", ",images/bt/kiln.png\n", ",images/bt/kiln.png;images\\bt\\kiln.png\n"),
			[]string{`villages.csv:2: gallery: photo "images/bt/kiln.png" is listed twice`}},
		{"story with over 20 pictures", func(t *testing.T, f map[string]string) {
			var b strings.Builder
			for i := range 21 {
				b.WriteString("![p](images/bt/p" + itoa(i) + ".png)\n\n")
				f["images/bt/p"+itoa(i)+".png"] = f["images/bt/kiln.png"]
			}
			f["stories/bat-trang.en.md"] = b.String()
		}, []string{"stories/bat-trang.en.md:41: this story and the others of its village show over 20 pictures"}},

		{"30 guide languages", edit("tours.csv", ",vi;en,", ","+strings.Repeat("vi;", 30)+","),
			[]string{"tours.csv:2: guide_languages: lists 30 languages; at most 10 are allowed"}},

		// Text that garbles the screen or a terminal.
		{"100,000 combining marks", edit("products.csv", "Bình gốm,Vase", "Bình"+strings.Repeat("\u0301", 100_000)+",Vase"),
			[]string{"products.csv:2: name_vi: has more than 4 combining marks or joiners in a row"}},
		{"100,000 zero-width joiners", edit("products.csv", "Bình gốm,Vase", "Bình"+strings.Repeat("\u200d", 100_000)+",Vase"),
			[]string{"products.csv:2: name_vi: has more than 4 combining marks or joiners in a row"}},
		{"right-to-left override", edit("products.csv", "Công ty TNHH", "\u202eCông ty TNHH"),
			[]string{"products.csv:2: producer: holds U+202E at character 1, which reverses or isolates the text"}},
		{"isolate", edit("villages.csv", "Làng gốm", "Làng \u2067gốm"),
			[]string{"villages.csv:2: summary_vi: holds U+2067 at character 6"}},
		{"escape sequence in the title", edit("manifest.json", "Test pack", `\u001b]0;pwned\u0007\u001b[2J`),
			[]string{`manifest.json: title: holds the control character U+001B at character 1`}},
		{"C1 control in a description", edit("products.csv", "vẽ tay", "vẽ\u009btay"),
			[]string{"products.csv:2: description_vi: holds the control character U+009B"}},
		{"line break in a name", edit("products.csv", "Bình gốm,Vase", "\"Bình\ngốm\",Vase"),
			[]string{"products.csv:2: name_vi: holds the control character U+000A"}},
		{"bidi in a story", edit("stories/bat-trang.vi.md", "Làng gốm.", "Làng \u202dgốm."),
			[]string{"stories/bat-trang.vi.md:3: holds U+202D"}},
		{"escape in a centre name", edit("manifest.json", "Trung tâm thử", `\u001b[2J`),
			[]string{"manifest.json: centre.name_vi: holds the control character U+001B"}},
		{"name too long", edit("products.csv", "Bình gốm,Vase", strings.Repeat("Bình gốm ", 17)+",Vase"),
			[]string{"products.csv:2: name_vi: is 152 characters long; at most 150 are allowed"}},
		{"description too long", edit("products.csv", "\"Bình gốm men lam, vẽ tay\"", strings.Repeat("gốm ", 800)),
			[]string{"products.csv:2: description_vi: is 3199 characters long; at most 3000 are allowed"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := hostileFiles()
			tc.change(t, files)
			g.refuseEverywhere(t, files, tc.want...)
		})
	}
}

// Links the review found accepted with the kiosk's default list.
func TestHostileLinksWithTheDefaultList(t *testing.T) {
	cases := []struct{ link, want string }{
		{"https://www.google.com/url?q=https://evil.example/", "/url sends visitors on to other sites"},
		{"https://www.google.com/amp/s/evil.example/page", "/amp sends visitors on to other sites"},
		{"https://www.google.com/search?q=gom", "only some pages of www.google.com"},
		{"https://..shopee.vn/x", "has an empty part"},
		{"https://a..shopee.vn/x", "has an empty part"},
		{"https://0x7f.0x0.0x0.0x1/x", "is a numeric address"},
		{"https://10.0.0.0x1/x", "is a numeric address"},
		{"https://127.0.0.1./x", "is a numeric address"},
		{"https://" + puny("www.ǀazada.vn") + "/x", `looks like www.lazada.vn`},
		{"https://" + puny("tıkı.vn") + "/x", `looks like tiki.vn`},
		{"https://" + puny("ƶalo.me") + "/x", `looks like zalo.me`},
	}
	for _, tc := range cases {
		t.Run(tc.link, func(t *testing.T) {
			files := hostileFiles()
			files["products.csv"] = strings.Replace(files["products.csv"], "https://shopee.vn/search?keyword=binh+gom", tc.link, 1)
			fsys := fstest.MapFS{}
			for name, body := range files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			problems := pack.ReadWithHosts(fsys, data.DefaultAllowedHosts)
			if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "products.csv:2: purchase_url:") ||
				!strings.Contains(problems[0].String(), tc.want) {
				t.Errorf("problems:\n%v\nwant one on products.csv:2 purchase_url containing %q", problems, tc.want)
			}
		})
	}
}

// puny is host in its xn-- form.
func puny(host string) string {
	s, err := idna.Punycode.ToASCII(host)
	if err != nil {
		panic(err)
	}
	return s
}

// Text is stored in NFC: a name typed with separate marks is the same name.
func TestTextIsStoredInNFC(t *testing.T) {
	files := hostileFiles()
	decomposed := norm.NFD.String("Bình gốm")
	files["products.csv"] = strings.Replace(files["products.csv"], "Bình gốm,Vase", decomposed+",Vase", 1)
	files["stories/bat-trang.en.md"] = norm.NFD.String("# Bát Tràng\n\nLàng gốm.\n")
	cat, err := pack.Validate(ctx, writePack(t, files), pack.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Products[0].Name[data.VI]; got != "Bình gốm" {
		t.Errorf("name stored as %q (%d bytes), want NFC", got, len(got))
	}
	if got := cat.Villages[0].Story[data.EN]; !norm.NFC.IsNormalString(got) {
		t.Errorf("story not in NFC: %q", got)
	}
}

// panicFS is a pack whose stories folder makes the reader panic, standing
// for any fault not yet found: the import must fail with a message, and the
// store stay as it was.
type panicFS struct{ fstest.MapFS }

func (p panicFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "stories" {
		panic("a fault in the reader")
	}
	return p.MapFS.ReadDir(name)
}

func TestPanicInImportIsAnError(t *testing.T) {
	g := newGuarded(t)
	fsys := fstest.MapFS{}
	for name, body := range basePack() {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	// The fault's stack goes to the log (the journal, for a report); here
	// it is read instead of printed, which also keeps the test's output
	// clean for the wine runner, which counts any output as a failure.
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	_, err := pack.ImportFS(ctx, g.st, panicFS{fsys}, pack.Options{})
	if err == nil || !strings.Contains(err.Error(), "the kiosk failed on this pack (a fault in the reader)") {
		t.Fatalf("ImportFS = %v; want the panic as an error", err)
	}
	if !strings.Contains(logged.String(), "goroutine") {
		t.Errorf("the fault's stack was not logged: %q", logged.String())
	}
	if after, _ := g.st.LoadCatalogue(ctx); after.Pack != g.before.Pack || len(after.Products) != len(g.before.Products) {
		t.Error("the catalogue changed")
	}
}
