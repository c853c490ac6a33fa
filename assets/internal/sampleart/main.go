// Command sampleart draws the placeholder pictures of a content pack.
//
// The built-in sample content ships without photographs. Instead, this
// program reads a pack folder (villages.csv, products.csv, tours.csv and
// the Markdown stories), finds every picture they refer to, and draws the
// missing ones: a soft gradient in the colours of the village's craft with
// simple motifs (vases, lacquer plates, inlaid flowers, woven baskets,
// leaf-wrapped cakes, gilded statues, carved panels, áo dài, silk waves).
//
// Usage:
//
//	go run ./internal/sampleart [-force] [-small] PACK
//
// Village covers, galleries and story pictures are 1600×900; product and
// tour pictures are 1200×900 (with -small: 480×270 and 480×360). Pictures
// are JPEG, quality 80. The output depends only on the picture's path and
// village, so running the program twice gives byte-identical files.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// job is one picture to draw.
type job struct {
	path    string // slash-separated, relative to the pack
	village string // village id, chooses the palette and motifs
	narrow  bool   // 4:3 for products and tours, rather than 16:9 for villages
	single  bool   // one large object, for products
}

func main() {
	force := flag.Bool("force", false, "redraw every picture, even those that already exist")
	small := flag.Bool("small", false, "draw small pictures (480×270 and 480×360) for documentation")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: sampleart [-force] [-small] PACK-FOLDER\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	debug.SetGCPercent(400) // the canvases are large and short-lived
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	jobs, err := collect(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sampleart:", err)
		os.Exit(1)
	}
	var todo []job
	for _, j := range jobs {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(j.path))); *force || err != nil {
			todo = append(todo, j)
		}
	}
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = drawFile(dir, todo[i], *small)
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintln(os.Stderr, "sampleart:", err)
		os.Exit(1)
	}
	fmt.Printf("sampleart: drew %d pictures, kept %d existing\n", len(todo), len(jobs)-len(todo))
}

// drawFile draws one picture and writes it as JPEG.
func drawFile(dir string, j job, small bool) error {
	w, h := 1600, 900
	if j.narrow {
		w = 1200
	}
	if small {
		w, h = 480, 270
		if j.narrow {
			h = 360
		}
	}
	img := render(j, w, h)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	file := filepath.Join(dir, filepath.FromSlash(j.path))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, buf.Bytes(), 0o644)
}

// storyPicture finds ![caption](path) in Markdown, like the pack reader.
var storyPicture = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// collect lists every picture the pack refers to, sorted by path.
func collect(dir string) ([]job, error) {
	seen := map[string]bool{}
	var jobs []job
	add := func(p, village string, narrow, single bool) {
		p = strings.TrimSpace(p)
		if p == "" || strings.Contains(p, "://") {
			return
		}
		p = path.Clean(strings.ReplaceAll(p, `\`, "/"))
		if path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") || seen[p] {
			return
		}
		if village == "" {
			village = villageOf(p)
		}
		seen[p] = true
		jobs = append(jobs, job{path: p, village: village, narrow: narrow, single: single})
	}
	for _, sheet := range []struct {
		name           string
		narrow, single bool
	}{{"villages.csv", false, false}, {"products.csv", true, true}, {"tours.csv", true, false}} {
		rows, err := readCSV(filepath.Join(dir, sheet.name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			village := row["village_id"]
			if sheet.name == "villages.csv" {
				village = row["id"]
			}
			for _, col := range []string{"cover", "gallery", "images"} {
				for _, p := range strings.Split(row[col], ";") {
					add(p, village, sheet.narrow, sheet.single)
				}
			}
		}
	}
	stories, _ := filepath.Glob(filepath.Join(dir, "stories", "*.md"))
	sort.Strings(stories)
	for _, file := range stories {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		village, _, _ := strings.Cut(filepath.Base(file), ".")
		for _, m := range storyPicture.FindAllStringSubmatch(string(b), -1) {
			add(m[1], village, false, false)
		}
	}
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].path < jobs[b].path })
	return jobs, nil
}

// readCSV reads a spreadsheet into maps keyed by the header's column names.
func readCSV(file string) ([]map[string]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(records) == 0 {
		return nil, nil
	}
	header := records[0]
	rows := make([]map[string]string, 0, len(records)-1)
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, v := range rec {
			if i < len(header) {
				row[strings.ToLower(strings.TrimSpace(header[i]))] = strings.TrimSpace(v)
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// villageOf guesses the village from a path such as images/bat-trang/cover.jpg.
func villageOf(p string) string {
	for _, part := range strings.Split(p, "/") {
		if _, ok := scenes[part]; ok {
			return part
		}
	}
	return ""
}

// rgb is a colour with components from 0 to 1.
type rgb struct{ r, g, b float64 }

// hex parses "#rrggbb".
func hex(s string) rgb {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		panic("bad colour " + s)
	}
	return rgb{float64(v>>16) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}
}

// mix blends from a (t = 0) to b (t = 1).
func mix(a, b rgb, t float64) rgb {
	return rgb{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

// times scales the brightness of c.
func (c rgb) times(f float64) rgb { return rgb{c.r * f, c.g * f, c.b * f} }

// hue turns c around the grey axis by deg degrees.
func (c rgb) hue(deg float64) rgb {
	s, k := math.Sincos(deg * math.Pi / 180)
	a := (1 - k) / 3
	q := math.Sqrt(1.0/3) * s
	return rgb{
		c.r*(k+a) + c.g*(a-q) + c.b*(a+q),
		c.r*(a+q) + c.g*(k+a) + c.b*(a-q),
		c.r*(a-q) + c.g*(a+q) + c.b*(k+a),
	}
}

// paint gives the colour at a point of a shape.
type paint func(x, y float64) rgb

// flat paints one colour.
func flat(c rgb) paint { return func(x, y float64) rgb { return c } }

// vgrad paints from a at y0 down to b at y1.
func vgrad(a, b rgb, y0, y1 float64) paint {
	return func(x, y float64) rgb { return mix(a, b, clamp((y-y0)/(y1-y0))) }
}

// canvas is a floating-point picture. Drawing uses units in which the
// picture is 1 high and aspect() wide, so a scene fits every size.
type canvas struct {
	w, h  int
	scale float64   // pixels per unit
	pix   []float32 // r, g, b of each pixel, row by row
}

func newCanvas(w, h int) *canvas {
	return &canvas{w: w, h: h, scale: float64(h), pix: make([]float32, 3*w*h)}
}

// aspect is the canvas width in units.
func (c *canvas) aspect() float64 { return float64(c.w) / float64(c.h) }

// background fills the canvas with a smooth vertical blend of stops.
func (c *canvas) background(stops ...rgb) {
	for j := range c.h {
		t := (float64(j) + 0.5) / float64(c.h) * float64(len(stops)-1)
		i := min(int(t), len(stops)-2)
		col := mix(stops[i], stops[i+1], smooth(t-float64(i)))
		row := c.pix[3*j*c.w : 3*(j+1)*c.w]
		for k := 0; k < len(row); k += 3 {
			row[k], row[k+1], row[k+2] = float32(col.r), float32(col.g), float32(col.b)
		}
	}
}

// fill paints shape s with p at opacity alpha. Its edge is anti-aliased
// over one pixel, or blurred over soft units when soft > 0.
//
// The canvas is visited in tiles of 8×8 pixels: the distance at a tile's
// centre tells whether the whole tile is outside the shape (skipped) or
// inside it (painted without measuring each pixel).
func (c *canvas) fill(s shape, p paint, alpha, soft float64) {
	const tile = 8
	edge := 1/c.scale + soft
	reach := 1.5*tile*0.71/c.scale + edge // tile half-diagonal, with a margin
	x0 := max(0, int(math.Floor((s.x0-edge)*c.scale)))
	y0 := max(0, int(math.Floor((s.y0-edge)*c.scale)))
	x1 := min(c.w, int(math.Ceil((s.x1+edge)*c.scale)))
	y1 := min(c.h, int(math.Ceil((s.y1+edge)*c.scale)))
	for ty := y0; ty < y1; ty += tile {
		for tx := x0; tx < x1; tx += tile {
			d := s.dist((float64(tx)+tile/2)/c.scale, (float64(ty)+tile/2)/c.scale)
			if d > reach {
				continue
			}
			inside := d < -reach
			for j := ty; j < min(ty+tile, y1); j++ {
				y := (float64(j) + 0.5) / c.scale
				for i := tx; i < min(tx+tile, x1); i++ {
					x := (float64(i) + 0.5) / c.scale
					a := alpha
					if !inside {
						d := s.dist(x, y)
						if d >= edge/2 {
							continue
						}
						cov := clamp(0.5 - d/edge)
						if soft > 0 {
							cov = smooth(cov)
						}
						a *= cov
					}
					c.blend(3*(j*c.w+i), p(x, y), a)
				}
			}
		}
	}
}

// glow blends col softly around a point, strongest (alpha) at the centre
// and fading to nothing at radius r.
func (c *canvas) glow(cx, cy, r float64, col rgb, alpha float64) {
	x0, x1 := max(0, int((cx-r)*c.scale)), min(c.w, int((cx+r)*c.scale)+1)
	y0, y1 := max(0, int((cy-r)*c.scale)), min(c.h, int((cy+r)*c.scale)+1)
	for j := y0; j < y1; j++ {
		y := (float64(j) + 0.5) / c.scale
		for i := x0; i < x1; i++ {
			x := (float64(i) + 0.5) / c.scale
			dx, dy := x-cx, y-cy
			t := 1 - math.Sqrt(dx*dx+dy*dy)/r
			if t <= 0 {
				continue
			}
			c.blend(3*(j*c.w+i), col, alpha*t*t)
		}
	}
}

// blend mixes col into the pixel at index k with opacity a.
func (c *canvas) blend(k int, col rgb, a float64) {
	px := c.pix[k : k+3 : k+3]
	px[0] += float32((col.r - float64(px[0])) * a)
	px[1] += float32((col.g - float64(px[1])) * a)
	px[2] += float32((col.b - float64(px[2])) * a)
}

// image converts the canvas to 8-bit colour, darkening the corners by
// up to vignette (0 to 1).
func (c *canvas) image(vignette float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	uu := make([]float64, c.w)
	for i := range uu {
		u := (float64(i)+0.5)/float64(c.w)*2 - 1
		uu[i] = u * u
	}
	for j := range c.h {
		v := (float64(j)+0.5)/float64(c.h)*2 - 1
		src := c.pix[3*j*c.w : 3*(j+1)*c.w]
		dst := img.Pix[4*j*c.w : 4*(j+1)*c.w]
		for i, u2 := range uu {
			f := float32(255 * (1 - vignette*smooth((u2+v*v-0.35)/1.65)))
			s, d := src[3*i:3*i+3], dst[4*i:4*i+4]
			d[0] = uint8(min(255, max(0, s[0]*f)) + 0.5)
			d[1] = uint8(min(255, max(0, s[1]*f)) + 0.5)
			d[2] = uint8(min(255, max(0, s[2]*f)) + 0.5)
			d[3] = 255
		}
	}
	return img
}

// clamp limits v to 0..1.
func clamp(v float64) float64 { return min(1, max(0, v)) }

// smooth is the smoothstep curve on 0..1.
func smooth(t float64) float64 {
	t = clamp(t)
	return t * t * (3 - 2*t)
}

// shape is a region given by its signed distance (negative inside, in
// units) and a bounding box outside which the distance is positive.
type shape struct {
	x0, y0, x1, y1 float64
	dist           func(x, y float64) float64
}

// circle is a disc.
func circle(cx, cy, r float64) shape {
	return shape{cx - r, cy - r, cx + r, cy + r, func(x, y float64) float64 {
		dx, dy := x-cx, y-cy
		return math.Sqrt(dx*dx+dy*dy) - r
	}}
}

// ellipse has radii rx, ry and is turned by angle radians.
func ellipse(cx, cy, rx, ry, angle float64) shape {
	s, k := math.Sincos(angle)
	m := max(rx, ry)
	return shape{cx - m, cy - m, cx + m, cy + m, func(x, y float64) float64 {
		dx, dy := x-cx, y-cy
		u, v := (dx*k+dy*s)/rx, (-dx*s+dy*k)/ry
		q := math.Sqrt(u*u + v*v)
		g := math.Sqrt(u*u/(rx*rx) + v*v/(ry*ry)) // gradient of q, times q
		if g == 0 {
			return -min(rx, ry)
		}
		return (q - 1) * q / g
	}}
}

// box is a rectangle with half sizes hw, hh and corner radius rad, turned by angle.
func box(cx, cy, hw, hh, rad, angle float64) shape {
	s, k := math.Sincos(angle)
	m := math.Hypot(hw, hh)
	return shape{cx - m, cy - m, cx + m, cy + m, func(x, y float64) float64 {
		dx, dy := x-cx, y-cy
		u, v := math.Abs(dx*k+dy*s)-hw+rad, math.Abs(-dx*s+dy*k)-hh+rad
		u0, v0 := max(u, 0), max(v, 0)
		return math.Sqrt(u0*u0+v0*v0) + min(max(u, v), 0) - rad
	}}
}

// capsule is a line from a to b with round ends, r thick on each side.
func capsule(ax, ay, bx, by, r float64) shape {
	return shape{min(ax, bx) - r, min(ay, by) - r, max(ax, bx) + r, max(ay, by) + r, func(x, y float64) float64 {
		px, py, dx, dy := x-ax, y-ay, bx-ax, by-ay
		t := clamp((px*dx + py*dy) / (dx*dx + dy*dy))
		ex, ey := px-dx*t, py-dy*t
		return math.Sqrt(ex*ex+ey*ey) - r
	}}
}

// outline is the band of width w centred on the edge of s.
func outline(s shape, w float64) shape {
	return shape{s.x0 - w, s.y0 - w, s.x1 + w, s.y1 + w, func(x, y float64) float64 {
		return math.Abs(s.dist(x, y)) - w/2
	}}
}

// and is where both s and o are.
func (s shape) and(o shape) shape {
	return shape{max(s.x0, o.x0), max(s.y0, o.y0), min(s.x1, o.x1), min(s.y1, o.y1), func(x, y float64) float64 {
		return max(s.dist(x, y), o.dist(x, y))
	}}
}

// minus is s without o.
func (s shape) minus(o shape) shape {
	return shape{s.x0, s.y0, s.x1, s.y1, func(x, y float64) float64 {
		return max(s.dist(x, y), -o.dist(x, y))
	}}
}

// union is where any of the shapes is.
func union(ss ...shape) shape {
	u := ss[0]
	for _, s := range ss[1:] {
		u.x0, u.y0, u.x1, u.y1 = min(u.x0, s.x0), min(u.y0, s.y0), max(u.x1, s.x1), max(u.y1, s.y1)
	}
	u.dist = func(x, y float64) float64 {
		d := math.Inf(1)
		for _, s := range ss {
			d = min(d, s.dist(x, y))
		}
		return d
	}
	return u
}

// curve is a smooth function through points (t, v), t rising.
type curve [][2]float64

// at interpolates the curve with a Catmull-Rom spline; outside it stays level.
func (c curve) at(t float64) float64 {
	if t <= c[0][0] {
		return c[0][1]
	}
	for i := 1; i < len(c); i++ {
		if t <= c[i][0] {
			f := (t - c[i-1][0]) / (c[i][0] - c[i-1][0])
			v0, v1, v2, v3 := c[max(i-2, 0)][1], c[i-1][1], c[i][1], c[min(i+1, len(c)-1)][1]
			return v1 + 0.5*f*(v2-v0+f*(2*v0-5*v1+4*v2-v3+f*(3*(v1-v2)+v3-v0)))
		}
	}
	return c[len(c)-1][1]
}

// turned is a solid of revolution seen from the side, such as a vase:
// between top and bottom its half-width is width × profile(t), with t
// going from 0 at the top to 1 at the bottom.
func turned(cx, top, bottom, width float64, profile curve) shape {
	h := bottom - top
	half := func(y float64) float64 { return width * profile.at((y-top)/h) }
	return shape{cx - width*1.05, top, cx + width*1.05, bottom, func(x, y float64) float64 {
		const e = 1e-3
		slope := (half(y+e) - half(y-e)) / (2 * e)
		d := (math.Abs(x-cx) - half(y)) / math.Sqrt(1+slope*slope)
		return max(d, top-y, y-bottom)
	}}
}

// ribbon is the band along y = mid(x) for x0 ≤ x ≤ x1, half(x) thick on each side.
func ribbon(x0, x1 float64, mid, half func(x float64) float64) shape {
	y0, y1 := math.Inf(1), math.Inf(-1)
	for i := range 129 {
		x := x0 + (x1-x0)*float64(i)/128
		y0, y1 = min(y0, mid(x)-half(x)), max(y1, mid(x)+half(x))
	}
	return shape{x0, y0 - 0.01, x1, y1 + 0.01, func(x, y float64) float64 {
		const e = 1e-3
		slope := (mid(x+e) - mid(x-e)) / (2 * e)
		d := (math.Abs(y-mid(x)) - half(x)) / math.Sqrt(1+slope*slope)
		return max(d, x0-x, x-x1)
	}}
}
