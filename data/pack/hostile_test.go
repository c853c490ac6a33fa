package pack_test

// Hostile and broken packs: every case is refused with a problem that names
// the file (and line, or zip entry), and leaves the loaded catalogue and
// photos exactly as they were. Fixtures are generated here; nothing large is
// committed.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// basePack is packFiles made once: its large photo takes a while to draw.
var basePack = sync.OnceValue(packFiles)

func hostileFiles() map[string]string { return maps.Clone(basePack()) }

// guarded is a store holding the valid pack, to check that a hostile pack
// changes nothing in it.
type guarded struct {
	st     *data.Store
	before *data.Catalogue
	photos []string
}

func newGuarded(t *testing.T) *guarded {
	t.Helper()
	st := openStore(t)
	mustImport(t, st, writePack(t, basePack()))
	before, err := st.LoadCatalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &guarded{st: st, before: before, photos: listFiles(t, st.MediaDir())}
}

// refuse imports the pack at path, which must fail with every one of want
// in its message, and checks that the store is as it was and that validate
// said exactly the same beforehand. It returns the error.
func (g *guarded) refuse(t *testing.T, path string, want ...string) error {
	t.Helper()
	err := validateAgreesWithImport(t, g.st, path, pack.Options{AllowedHosts: data.DefaultAllowedHosts})
	if err == nil {
		t.Fatal("the pack was imported")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("problems:\n%v\nwant a line containing:\n%s", err, w)
		}
	}
	after, lerr := g.st.LoadCatalogue(ctx)
	if lerr != nil || !reflect.DeepEqual(g.before, after) {
		t.Errorf("the catalogue changed after a refused import (%v)", lerr)
	}
	if got := listFiles(t, g.st.MediaDir()); !reflect.DeepEqual(g.photos, got) {
		t.Errorf("photos changed after a refused import: %d → %d files", len(g.photos), len(got))
	}
	return err
}

// zipEntry is an entry added to a zipped pack as it is, name and mode
// included: what a hostile tool could write.
type zipEntry struct {
	name string
	mode fs.FileMode // 0 for a plain file
	body string
	raw  *zip.FileHeader // when set, written with CreateRaw: sizes as claimed, body already compressed
}

// writeZip zips files (in a stable order) and then extra, and returns the path.
func writeZip(t *testing.T, files map[string]string, extra ...zipEntry) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stage", "pack.zip")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	var entries []zipEntry
	for _, name := range slices.Sorted(maps.Keys(files)) {
		entries = append(entries, zipEntry{name: name, body: files[name]})
	}
	for _, e := range append(entries, extra...) {
		var w io.Writer
		switch {
		case e.raw != nil:
			w, err = zw.CreateRaw(e.raw)
		default:
			h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
			if e.mode != 0 {
				h.SetMode(e.mode)
			}
			w, err = zw.CreateHeader(h)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// deflated compresses n bytes of repeated text, for zip bombs.
func deflated(t *testing.T, text string, n int) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	chunk := []byte(strings.Repeat(text, (1<<20)/len(text)+1)[:1<<20])
	for written := 0; written < n; written += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), n-written)]); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	return buf.String()
}

// allocated runs f and returns the bytes it allocated, all goroutines counted.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestHostileZipEntries(t *testing.T) {
	g := newGuarded(t)
	cases := []struct {
		name  string
		entry zipEntry
		drop  string // a file of the valid pack left out, when the entry replaces it
		want  string
	}{
		{"dot-dot", zipEntry{name: "../escaped.txt", body: "x"}, "",
			`../escaped.txt: zip entry points outside the pack (..)`},
		{"dot-dot deep inside", zipEntry{name: "images/../../../escaped.txt", body: "x"}, "",
			`images/../../../escaped.txt: zip entry points outside the pack`},
		{"dot-dot over a sheet", zipEntry{name: "../villages.csv", body: "id\nevil\n"}, "",
			`../villages.csv: zip entry points outside the pack`},
		{"dot-dot with back-slashes", zipEntry{name: `..\..\escaped.txt`, body: "x"}, "",
			`..\..\escaped.txt: zip entry points outside the pack`},
		{"absolute", zipEntry{name: "/tmp/escaped.txt", body: "x"}, "",
			`/tmp/escaped.txt: zip entry has an absolute path`},
		{"drive letter", zipEntry{name: "C:/Windows/escaped.txt", body: "x"}, "",
			`C:/Windows/escaped.txt: zip entry names a drive (C:)`},
		{"drive letter with back-slashes", zipEntry{name: `d:\escaped.txt`, body: "x"}, "",
			`d:\escaped.txt: zip entry names a drive (d:)`},
		{"symlink", zipEntry{name: "images/bt/link.png", mode: fs.ModeSymlink | 0o777, body: "/etc/passwd"}, "",
			`images/bt/link.png: zip entry is a symbolic link`},
		{"symlink as a used photo", zipEntry{name: "images/bt/cover.png", mode: fs.ModeSymlink | 0o777, body: "../../../../etc/passwd"},
			"images/bt/cover.png", `images/bt/cover.png: zip entry is a symbolic link`},
		{"named pipe", zipEntry{name: "images/pipe", mode: fs.ModeNamedPipe | 0o644}, "",
			`images/pipe: zip entry is not a plain file or folder`},
		{"duplicate", zipEntry{name: "villages.csv", body: "id\nevil\n"}, "",
			`villages.csv: the zip holds this file twice (also as "villages.csv"); keep only one`},
		{"duplicate once cleaned", zipEntry{name: "./villages.csv", body: "id\nevil\n"}, "",
			`./villages.csv: the zip holds this file twice (also as "villages.csv")`},
		{"file and folder of one name", zipEntry{name: "images/bt/cover.png/", body: ""}, "",
			`images/bt/cover.png/: the zip holds this file twice (also as "images/bt/cover.png")`},
		{"control characters in the name", zipEntry{name: "../\x1b[2Jevil\xff.txt", body: "x"}, "",
			`../?[2Jevil?.txt: zip entry points outside the pack`},
	}
	for _, godebug := range []string{"", "zipinsecurepath=0"} {
		for _, tc := range cases {
			t.Run(tc.name+" "+godebug, func(t *testing.T) {
				if godebug != "" {
					// archive/zip then reports ErrInsecurePath on opening;
					// the problem must still name the entry.
					t.Setenv("GODEBUG", godebug)
				}
				files := hostileFiles()
				delete(files, tc.drop)
				path := writeZip(t, files, tc.entry)
				err := g.refuse(t, path, tc.want)
				var problems pack.Problems
				if !errors.As(err, &problems) || len(problems) != 1 {
					t.Errorf("want exactly one problem, got %v", err)
				}
				// Nothing was written beside the zip, nor anywhere above it.
				for dir := filepath.Dir(path); dir != filepath.Dir(filepath.Dir(filepath.Dir(path))); dir = filepath.Dir(dir) {
					if _, err := os.Stat(filepath.Join(dir, "escaped.txt")); err == nil {
						t.Errorf("escaped.txt was written in %s", dir)
					}
				}
			})
		}
	}
}

// A valid zip imports whatever GODEBUG says.
func TestZipImportsWithSecurePaths(t *testing.T) {
	t.Setenv("GODEBUG", "zipinsecurepath=0")
	mustImport(t, openStore(t), writeZip(t, hostileFiles()))
}

func TestZipBombs(t *testing.T) {
	g := newGuarded(t)

	t.Run("too many entries", func(t *testing.T) {
		var extra []zipEntry
		for i := range 100_001 - len(basePack()) {
			extra = append(extra, zipEntry{raw: &zip.FileHeader{Name: "junk/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i), Method: zip.Store}})
		}
		g.refuse(t, writeZip(t, hostileFiles(), extra...), "zip holds 100001 entries; at most 100000 are allowed")
	})

	t.Run("200 MB entry, declared", func(t *testing.T) {
		path := writeZip(t, hostileFiles(), zipEntry{name: "images/bt/huge.png", body: strings.Repeat("\x00", 200<<20)})
		var err error
		alloc := allocated(func() { _, err = pack.Validate(ctx, path, pack.Options{}) })
		if err == nil || !strings.Contains(err.Error(), "images/bt/huge.png: unpacks to 200 MB; at most 64 MB are allowed for one file") {
			t.Fatalf("Validate: %v", err)
		}
		if alloc > 16<<20 {
			t.Errorf("refusing a 200 MB entry allocated %d MB; it must not be read", alloc>>20)
		}
		g.refuse(t, path, "images/bt/huge.png: unpacks to 200 MB")
	})

	t.Run("over 8 GB in all, declared", func(t *testing.T) {
		var extra []zipEntry
		body := deflated(t, "\x00", 1<<10)
		for i := range 3 {
			extra = append(extra, zipEntry{body: body, raw: &zip.FileHeader{
				Name: "video" + itoa(i) + ".mp4", Method: zip.Deflate,
				CompressedSize64: uint64(len(body)), UncompressedSize64: 3 << 30, CRC32: 1,
			}})
		}
		g.refuse(t, writeZip(t, hostileFiles(), extra...), "zip unpacks to over 8 GB; at most 8 GB are allowed")
	})

	// An entry whose header claims 100 bytes but that inflates to 200 MB is
	// cut off as soon as it passes what it claims: never read whole.
	t.Run("entry inflating past its header", func(t *testing.T) {
		files := hostileFiles()
		delete(files, "villages.csv")
		bomb := deflated(t, "bat-trang,", 200<<20)
		path := writeZip(t, files, zipEntry{body: bomb, raw: &zip.FileHeader{
			Name: "villages.csv", Method: zip.Deflate,
			CompressedSize64: uint64(len(bomb)), UncompressedSize64: 100, CRC32: crc32.ChecksumIEEE(nil),
		}})
		var err error
		alloc := allocated(func() { _, err = pack.Validate(ctx, path, pack.Options{}) })
		want := "villages.csv: cannot read the file: the zip is damaged here: this entry does not unpack to what its header says"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Validate: %v\nwant %s", err, want)
		}
		if alloc > 64<<20 {
			t.Errorf("validating allocated %d MB; the 200 MB entry must be cut off", alloc>>20)
		}
		g.refuse(t, path, want)
	})

	t.Run("photo inflating past its header", func(t *testing.T) {
		files := hostileFiles()
		delete(files, "images/bt/vase.png")
		bomb := deflated(t, "\x00", 200<<20)
		path := writeZip(t, files, zipEntry{body: bomb, raw: &zip.FileHeader{
			Name: "images/bt/vase.png", Method: zip.Deflate,
			CompressedSize64: uint64(len(bomb)), UncompressedSize64: 1000, CRC32: 7,
		}})
		g.refuse(t, path, "images/bt/vase.png: the zip is damaged here")
	})
}

func itoa(i int) string {
	b := []byte{byte('0' + i%10)}
	for i /= 10; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// A pack folder is opened through os.Root: a link that leads outside it is
// refused, by name, even when what it leads to is a valid file.
func TestHostileFolderLinks(t *testing.T) {
	g := newGuarded(t)
	outside := writePack(t, basePack()) // a valid pack, outside the one imported
	cases := []struct {
		name, link, target, want string
	}{
		{"sheet", "villages.csv", filepath.Join(outside, "villages.csv"),
			"villages.csv: cannot read the file: villages.csv is a link that leads outside the pack; put the file itself in the pack"},
		{"manifest", "manifest.json", filepath.Join(outside, "manifest.json"),
			"manifest.json: cannot read the file: manifest.json is a link that leads outside the pack"},
		{"photo", "images/bt/vase.png", filepath.Join(outside, "images/bt/vase.png"),
			"images/bt/vase.png: images/bt/vase.png is a link that leads outside the pack"},
		{"photo to a system file", "images/bt/vase.png", "/etc/passwd",
			"images/bt/vase.png: images/bt/vase.png is a link that leads outside the pack"},
		{"relative way out", "images/bt/vase.png", "../../../" + filepath.Base(filepath.Dir(outside)) + "/pack/images/bt/vase.png",
			"images/bt/vase.png: images/bt/vase.png is a link that leads outside the pack"},
		{"folder of photos", "images/bt", filepath.Join(outside, "images/bt"),
			"images/bt/cover.png: images/bt is a link that leads outside the pack"},
		{"folder of stories", "stories", filepath.Join(outside, "stories"),
			"stories: cannot read the folder: stories is a link that leads outside the pack"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePack(t, basePack())
			p := filepath.Join(dir, filepath.FromSlash(tc.link))
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(tc.target, p); err != nil {
				t.Skipf("cannot make links here: %v", err)
			}
			g.refuse(t, dir, tc.want)
		})
	}
	// A link that stays inside the pack is followed like the file itself.
	t.Run("link inside the pack", func(t *testing.T) {
		dir := writePack(t, basePack())
		p := filepath.Join(dir, "images", "bt", "vase.png")
		os.Remove(p)
		if err := os.Symlink("cover.png", p); err != nil {
			t.Skipf("cannot make links here: %v", err)
		}
		if _, err := pack.Validate(ctx, dir, pack.Options{}); err != nil {
			t.Errorf("a link inside the pack: %v", err)
		}
	})
}

func TestHostilePhotos(t *testing.T) {
	g := newGuarded(t)
	small := func() image.Image { img, _, _ := image.Decode(strings.NewReader(pngOf(7, 40, 30))); return img }
	var jpg, gf bytes.Buffer
	jpeg.Encode(&jpg, small(), nil)
	gif.Encode(&gf, small(), nil)
	refused := []struct {
		name  string
		photo string
		want  string
	}{
		{"48 megapixels", pngClaiming(8000, 6000), "images/vp/scarf.png: picture has 48 megapixels; at most 40 is allowed"},
		{"too wide", pngClaiming(8193, 10), "images/vp/scarf.png: picture is 8193×10 pixels; at most 8192×8192 is allowed"},
		{"JPEG claiming 48 megapixels", jpegClaiming(jpg.Bytes(), 8000, 6000), "images/vp/scarf.png: picture has 48 megapixels"},
		{"truncated JPEG", jpg.String()[:jpg.Len()-20], "images/vp/scarf.png: picture is damaged or cut short"},
		{"truncated GIF", gf.String()[:gf.Len()-10], "images/vp/scarf.png: picture is damaged or cut short"},
		{"empty file", "", "images/vp/scarf.png: file is not a picture (JPEG, PNG, GIF or WebP expected)"},
		{"SVG", `<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>`,
			"images/vp/scarf.png: file is not a picture"},
		{"BMP", "BM" + strings.Repeat("\x00", 60), "images/vp/scarf.png: file is not a picture"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			files := hostileFiles()
			files["images/vp/scarf.png"] = tc.photo
			g.refuse(t, writePack(t, files), tc.want)
		})
	}
	t.Run("folder in place of a photo", func(t *testing.T) {
		files := hostileFiles()
		delete(files, "images/vp/scarf.png")
		files["images/vp/scarf.png/x.png"] = pngOf(1, 2, 2)
		g.refuse(t, writePack(t, files), "images/vp/scarf.png: this is a folder; a file was expected")
	})
	// A picture is read by what it is: a JPEG named .png, a PNG named .jpg
	// and a GIF named .webp are fine.
	t.Run("name and format differ", func(t *testing.T) {
		files := hostileFiles()
		files["images/vp/scarf.png"] = jpg.String()
		files["images/bt/cover.jpg"] = files["images/bt/cover.png"]
		files["villages.csv"] = strings.Replace(files["villages.csv"], "images/bt/cover.png,", "images/bt/cover.jpg,", 1)
		files["images/vp/cover.webp"] = gf.String()
		files["villages.csv"] = strings.Replace(files["villages.csv"], "images/vp/cover.png", "images/vp/cover.webp", 1)
		cat, err := pack.Validate(ctx, writePack(t, files), pack.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c := cat.Villages[1].Cover; c.Source != "images/vp/cover.webp" || c.Width != 40 {
			t.Errorf("GIF named .webp: %+v", c)
		}
	})
}

// pngClaiming is a valid 1×1 PNG whose header claims w×h pixels.
func pngClaiming(w, h uint32) string {
	b := []byte(hugePNGHeader())
	put := func(at int, v uint32) {
		b[at], b[at+1], b[at+2], b[at+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	put(16, w)
	put(20, h)
	put(29, crc32.ChecksumIEEE(b[12:29]))
	return string(b)
}

// jpegClaiming is a JPEG whose frame header claims w×h pixels.
func jpegClaiming(b []byte, w, h uint16) string {
	b = bytes.Clone(b)
	i := bytes.Index(b, []byte{0xFF, 0xC0})
	b[i+5], b[i+6], b[i+7], b[i+8] = byte(h>>8), byte(h), byte(w>>8), byte(w)
	return string(b)
}

// windows1258 is text as Excel saves "CSV (Comma delimited)" on a
// Vietnamese Windows: code page 1258, whose letters carry their tone as a
// separate combining mark (ạ is a and a dot below).
func windows1258(t *testing.T, s string) string {
	t.Helper()
	const tones = "\u0300\u0301\u0303\u0309\u0323"
	var out strings.Builder
	rs := []rune(norm.NFD.String(s))
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		base, tone := string(rs[i]), ""
		for _, m := range rs[i+1 : j] {
			if strings.ContainsRune(tones, m) {
				tone += string(m)
			} else {
				base += string(m)
			}
		}
		// What the code page cannot hold (the Korean name) becomes "?".
		if _, err := charmap.Windows1258.NewEncoder().String(norm.NFC.String(base) + tone); err != nil {
			base, tone = "?", ""
		}
		out.WriteString(norm.NFC.String(base) + tone)
		i = j
	}
	b, err := charmap.Windows1258.NewEncoder().String(out.String())
	if err != nil {
		t.Fatalf("not in code page 1258: %v", err)
	}
	if back, _ := charmap.Windows1258.NewDecoder().String(b); !strings.Contains(norm.NFC.String(back), "Vạn Phúc,Van Phuc") {
		t.Fatalf("code page 1258 fixture does not read back: %q", back)
	}
	return b
}

func TestHostileSheets(t *testing.T) {
	g := newGuarded(t)
	replace := func(file, old, new string) func(*testing.T, map[string]string) {
		return func(t *testing.T, f map[string]string) {
			if !strings.Contains(f[file], old) {
				t.Fatalf("%s has no %q", file, old)
			}
			f[file] = strings.Replace(f[file], old, new, 1)
		}
	}
	long := "https://shopee.vn/" + strings.Repeat("a", data.MaxLinkLength)
	cases := []struct {
		name   string
		change func(*testing.T, map[string]string)
		want   string
	}{
		{"saved as Windows-1258", func(t *testing.T, f map[string]string) { f["villages.csv"] = windows1258(t, f["villages.csv"]) },
			`villages.csv:2: text is not UTF-8; in Excel use Save As → "CSV UTF-8 (Comma delimited)"`},
		{"saved as UTF-16", func(t *testing.T, f map[string]string) {
			var b strings.Builder
			b.WriteString("\xff\xfe")
			for _, r := range f["tours.csv"] {
				b.WriteString(string([]byte{byte(r), byte(r >> 8)}))
			}
			f["tours.csv"] = b.String()
		}, `tours.csv:1: text is not UTF-8`},
		{"fewer cells", replace("tours.csv", ",vi;en,", ",vi;en"), `tours.csv:2: row has 12 cells but the header has 13 columns`},
		{"quote in the header", replace("tours.csv", "id,village_id", `"id,village_id`),
			`tours.csv:1: cannot read the header row: a quote (") is not closed`},
		{"bare quote", replace("tours.csv", "Nặn gốm", `Nặn "gốm"`), `tours.csv:2: a quote (") stands inside a cell that is not quoted; check the quotes in this row`},
		{"quote open to the end of the file", replace("tours.csv", "\nbt-workshop", "\n\"bt-workshop"),
			`tours.csv:2: a quote (") is not closed or stands inside an unquoted cell`},
		{"only a BOM", func(t *testing.T, f map[string]string) { f["villages.csv"] = "\ufeff" }, `villages.csv:1: file is empty`},
		{"only blank lines", func(t *testing.T, f map[string]string) { f["products.csv"] = "\r\n\r\n\n" }, `products.csv:1: file is empty`},
		{"column twice", replace("tours.csv", ",images\n", ",images,id\n"), `tours.csv:1: id: column appears twice`},
		{"village twice", replace("villages.csv", "\nvan-phuc,", "\nbat-trang,"),
			`villages.csv:3: id: "bat-trang" is used twice (first on line 2)`},
		{"tour twice", func(t *testing.T, f map[string]string) {
			row := strings.SplitN(f["tours.csv"], "\n", 3)[1]
			f["tours.csv"] += row + "\n"
		}, `tours.csv:3: id: "bt-workshop" is used twice (first on line 2)`},
		{"data: link", replace("tours.csv", "https://zalo.me/123456", `"data:text/html;base64,PHNjcmlwdD4="`),
			`tours.csv:2: signup_url: "data:text/html;base64,PHNjcmlwdD4=": must start with https://`},
		{"port", replace("tours.csv", "https://zalo.me/123456", "https://zalo.me:8443/123456"),
			`tours.csv:2: signup_url: "https://zalo.me:8443/123456": must not name a port`},
		{"look-alike host", replace("products.csv", "https://shopee.vn", "https://shopеe.vn"),
			`products.csv:2: purchase_url: "https://shopеe.vn/search?keyword=binh+gom": host "shopеe.vn" must be plain letters`},
		{"look-alike punycode host", replace("products.csv", "https://shopee.vn", "https://xn--shope-2we.vn"),
			`products.csv:2: purchase_url: "https://xn--shope-2we.vn/search?keyword=binh+gom": host "xn--shope-2we.vn" is "shopеe" in disguise`},
		{"numeric host", replace("tours.csv", "https://zalo.me/123456", "https://203.0.113.7/123456"),
			`tours.csv:2: signup_url: "https://203.0.113.7/123456": host "203.0.113.7" is a numeric address`},
		{"link over 512 characters", replace("tours.csv", "https://zalo.me/123456", long),
			`tours.csv:2: signup_url: "https://shopee.vn/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…": address is 530 characters long; at most 512 are allowed`},
		{"manifest not UTF-8", replace("manifest.json", "Test pack", "T\xe9st pack"),
			`manifest.json:1: text is not UTF-8; save the file as UTF-8`},
		{"manifest too large", func(t *testing.T, f map[string]string) {
			f["manifest.json"] = `{"title": "` + strings.Repeat("a", 1<<20) + `"}`
		},
			`manifest.json: cannot read the file: file is too large (over 1 MB)`},
		{"manifest title too long", replace("manifest.json", "Test pack", strings.Repeat("Gốm ", 60)),
			`manifest.json: title: is 240 characters long; at most 200 are allowed`},
		{"manifest nested too deep", func(t *testing.T, f map[string]string) { f["manifest.json"] = strings.Repeat("[", 20000) },
			`manifest.json:1: not valid JSON: invalid character '[' exceeded max depth`},
		{"manifest is a list", func(t *testing.T, f map[string]string) { f["manifest.json"] = "[1, 2]" },
			`manifest.json:1: expected an object { … } with format, version, title and created, not a list [ … ]`},
		{"manifest number in quotes", replace("manifest.json", `"version": 2`, "\n\"version\": \"2\""),
			`manifest.json:2: version: expected a whole number, not text in quotes`},
		{"story picture by absolute path", replace("stories/bat-trang.vi.md", "images/bt/kiln.png", "/etc/passwd"),
			`stories/bat-trang.vi.md:5: picture "/etc/passwd": must be a path inside the pack`},
		{"story picture outside the pack", replace("stories/bat-trang.vi.md", "images/bt/kiln.png", "../../secret.png"),
			`stories/bat-trang.vi.md:5: picture "../../secret.png": must be a path inside the pack`},
		{"story picture from a file URL", replace("stories/bat-trang.vi.md", "images/bt/kiln.png", "file:///etc/passwd"),
			`stories/bat-trang.vi.md:5: picture "file:///etc/passwd" is on the internet`},
		{"story picture inline", replace("stories/bat-trang.vi.md", "Làng gốm.", "Làng ![x](https://evil.example/t.gif) gốm."),
			`stories/bat-trang.vi.md:3: picture "https://evil.example/t.gif" is on the internet`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := hostileFiles()
			tc.change(t, files)
			err := g.refuse(t, writePack(t, files), tc.want)
			var problems pack.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("want Problems, got %v", err)
			}
		})
	}
}

// A manifest saved by Notepad starts with a byte-order mark; that is fine.
func TestValidateManifestWithBOM(t *testing.T) {
	files := hostileFiles()
	files["manifest.json"] = "\ufeff" + files["manifest.json"]
	if _, err := pack.Validate(ctx, writePack(t, files), pack.Options{}); err != nil {
		t.Fatal(err)
	}
}

// A sheet with a 100 MB cell is refused from its size, without being read.
func TestHostileHundredMegabyteCell(t *testing.T) {
	g := newGuarded(t)
	files := hostileFiles()
	header, rest, _ := strings.Cut(files["products.csv"], "\n")
	big := header + "\n" + strings.Replace(rest, `"Bình gốm men lam, vẽ tay"`, `"`+strings.Repeat("a", 100<<20)+`"`, 1)

	t.Run("folder", func(t *testing.T) {
		files := maps.Clone(files)
		files["products.csv"] = big
		dir := writePack(t, files)
		var err error
		alloc := allocated(func() { _, err = pack.Validate(ctx, dir, pack.Options{}) })
		if err == nil || !strings.Contains(err.Error(), "products.csv: cannot read the file: file is too large (over 64 MB)") {
			t.Fatalf("Validate: %v", err)
		}
		if alloc > 64<<20 {
			t.Errorf("refusing a 100 MB sheet allocated %d MB", alloc>>20)
		}
		g.refuse(t, dir, "products.csv: cannot read the file: file is too large (over 64 MB)")
	})
	t.Run("zip", func(t *testing.T) {
		files := maps.Clone(files)
		files["products.csv"] = big
		path := writeZip(t, files)
		g.refuse(t, path, "products.csv: unpacks to 100 MB; at most 64 MB are allowed for one file")
	})
}

// With the kiosk's allow-list, a link to any other site is a problem at
// import, named like every other; without one, links are only checked by
// data.CheckLink.
func TestHostileAllowedHostsAtImport(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, body := range basePack() {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	cases := []struct {
		name  string
		hosts []string
		want  []string
	}{
		{"no list", nil, nil},
		{"the default list", data.DefaultAllowedHosts, nil},
		{"list in capitals", []string{"SHOPEE.VN", "Zalo.me"}, nil},
		{"neither listed", []string{"tiki.vn"}, []string{
			`products.csv:2: purchase_url: host "shopee.vn" is not on the kiosk's list of allowed sites`,
			`tours.csv:2: signup_url: host "zalo.me" is not on the kiosk's list of allowed sites`,
		}},
		{"a wildcard is not the domain itself", []string{"*.shopee.vn", "zalo.me"}, []string{
			`products.csv:2: purchase_url: host "shopee.vn" is not on the kiosk's list of allowed sites`,
		}},
		{"an empty list allows nothing", []string{}, []string{
			`products.csv:2: purchase_url: host "shopee.vn" is not on the kiosk's list of allowed sites`,
			`tours.csv:2: signup_url: host "zalo.me" is not on the kiosk's list of allowed sites`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			problems := pack.ReadWithHosts(fsys, tc.hosts)
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
