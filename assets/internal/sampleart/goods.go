package main

import (
	"math"
	"path"
	"strings"
)

// Villages sell more than their craft (a lacquer village's longan honey, a
// silk village's rice), and a craft's products are not all vases. A
// product's picture is chosen by a word in its file name before the
// village's scene: a lotus tea showed a vase, and a honey a lacquer plate.
var goods = []struct {
	words []string
	draw  scene
}{
	{[]string{"honey"}, bottles(hex("#c98217"), true)},
	{[]string{"liqueur"}, bottles(hex("#8e3b1f"), false)},
	{[]string{"spirit"}, bottles(hex("#e8e2cf"), false)},
	{[]string{"pomelo-oil"}, bottles(hex("#d9c25a"), false)},
	{[]string{"-tea-set"}, teaSet},
	{[]string{"lotus-tea", "voi-tea"}, packets(hex("#56713a"), leavesHeap)},
	{[]string{"rice"}, packets(hex("#f3ecd9"), grainHeap)},
	{[]string{"noodles"}, packets(hex("#efe2c2"), noodleHeap)},
	{[]string{"soap"}, packets(hex("#b7d3a8"), soapBars)},
	{[]string{"orchid"}, pottedPlant(true)},
	{[]string{"vh-bonsai"}, pottedPlant(false)},
	{[]string{"dinner-set"}, dinnerSet},
	{[]string{"mug"}, mugs},
}

// goodsScene is the scene for a product picture whose file name names
// what it shows, if any.
func goodsScene(picture string) (scene, bool) {
	name := path.Base(picture)
	for _, g := range goods {
		for _, w := range g.words {
			if strings.Contains(name, w) {
				return g.draw, true
			}
		}
	}
	return nil, false
}

// shelf is a warm table top under a product, with light from the left.
func shelf(c *canvas, r *rng, p func(string) rgb) (floor float64) {
	W := c.aspect()
	c.background(p("#fbf6ec"), p("#efe3cc"), p("#dcc7a2"))
	c.glow(W*r.between(0.2, 0.45), 0.25, 0.7, rgb{1, 1, 1}, 0.55)
	floor = 0.8 + r.between(-0.02, 0.02)
	c.fill(box(W/2, floor+0.5, W, 0.5, 0, 0), vgrad(p("#d8bd8e"), p("#a9875a"), floor, 1), 1, 0)
	c.fill(box(W/2, floor, W, 0.002, 0, 0), flat(rgb{1, 1, 1}), 0.5, 0)
	return floor
}

// label is a paper label with a border and two lines of "writing".
func label(c *canvas, p func(string) rgb, cx, cy, hw, hh float64, ink rgb) {
	c.fill(box(cx, cy, hw, hh, hh*0.15, 0), flat(p("#fbf3dc")), 1, 0)
	c.fill(outline(box(cx, cy, hw*0.9, hh*0.82, hh*0.1, 0), hh*0.05), flat(ink), 0.8, 0)
	c.fill(box(cx, cy-hh*0.25, hw*0.6, hh*0.1, hh*0.05, 0), flat(ink), 0.85, 0)
	c.fill(box(cx, cy+hh*0.2, hw*0.4, hh*0.06, hh*0.03, 0), flat(ink), 0.6, 0)
}

// bottleProfile is a bottle's half-width, from its mouth to its foot.
var bottleProfile = curve{{0, .16}, {.18, .16}, {.3, .22}, {.42, .9}, {.5, 1}, {.95, 1}, {1, .95}}

// bottles draws a glass bottle of a liquid, with a jar of it beside when
// jar is set (honey), on a table.
func bottles(liquid rgb, jar bool) scene {
	return func(c *canvas, r *rng, product bool) {
		p := r.palette(6)
		floor := shelf(c, r, p)
		W := c.aspect()
		cx, height, width := W*0.42, 0.64, 0.15
		top := floor - height
		glass := turned(cx, top, floor, width, bottleProfile)
		shadow(c, cx, floor, width*1.1)
		c.fill(glass, rounded(p("#e9f0ee"), cx, width), 0.55, 0)
		level := top + height*0.36
		c.fill(glass.and(box(cx, (level+floor)/2, width*1.2, (floor-level)/2, 0, 0)), rounded(liquid, cx, width), 0.92, 0)
		c.fill(box(cx, top-0.02, width*0.18, 0.035, 0.01, 0), flat(p("#7a5431")), 1, 0) // the cork
		label(c, p, cx, floor-height*0.3, width*0.78, height*0.13, p("#7b2a1c"))
		c.fill(box(cx-width*0.55, top+height*0.62, width*0.06, height*0.3, width*0.05, 0), flat(rgb{1, 1, 1}), 0.35, 0.01)
		if !jar {
			small := turned(W*0.68, floor-0.22, floor, 0.07, bottleProfile)
			shadow(c, W*0.68, floor, 0.08)
			c.fill(small, rounded(liquid, W*0.68, 0.07), 0.85, 0)
			c.fill(box(W*0.68, floor-0.235, 0.013, 0.02, 0.005, 0), flat(p("#7a5431")), 1, 0)
			return
		}
		jx, jw := W*0.7, 0.12
		body := turned(jx, floor-0.26, floor, jw, jarProfile)
		shadow(c, jx, floor, jw*1.1)
		c.fill(body, rounded(liquid, jx, jw), 0.9, 0)
		c.fill(box(jx, floor-0.27, jw*0.62, 0.025, 0.01, 0), flat(p("#c8a25a")), 1, 0) // the lid
		label(c, p, jx, floor-0.12, jw*0.6, 0.05, p("#6b3d14"))
	}
}

// porcelain paints a blue-and-white piece: white body, a blue band at the
// rim and a flower on the belly.
func porcelain(c *canvas, r *rng, p func(string) rgb, body shape, cx, top, height, width float64) {
	cobalt := p("#1d4a98")
	c.fill(body, rounded(p("#f4f7fb"), cx, width), 1, 0)
	band := box(cx, top+height*0.06, width*1.3, height*0.03, 0, 0)
	c.fill(body.and(band), rounded(cobalt, cx, width), 0.95, 0)
	fy := top + height*r.between(0.45, 0.6)
	c.fill(body.and(flower(cx+width*r.between(-0.25, 0.25), fy, width*0.3, 5+r.intn(3), r.between(0, 1))), rounded(cobalt, cx, width), 0.9, 0)
}

// cupProfile is a small tea cup's half-width.
var cupProfile = curve{{0, 1}, {.5, .9}, {.85, .62}, {1, .5}}

// potProfile is a round teapot's half-width.
var potProfile = curve{{0, .5}, {.12, .72}, {.45, 1}, {.8, .9}, {1, .62}}

// teaSet draws a teapot with its cups, in blue and white.
func teaSet(c *canvas, r *rng, product bool) {
	p := r.palette(8)
	floor := shelf(c, r, p)
	W := c.aspect()
	cx, width, height := W*0.4, 0.2, 0.36
	top := floor - height
	// Spout and handle first: the body covers their roots.
	spout := ribbon(cx+width*0.7, cx+width*1.55, func(x float64) float64 {
		t := (x - cx - width*0.7) / (width * 0.85)
		return top + height*0.55 - t*t*height*0.45
	}, func(x float64) float64 { return height * (0.07 - 0.03*(x-cx-width*0.7)/(width*0.85)) })
	c.fill(spout, rounded(p("#eef2f8"), cx+width*1.1, width*0.4), 1, 0)
	c.fill(outline(ellipse(cx-width*1.02, top+height*0.45, width*0.3, height*0.28, 0), width*0.09), flat(p("#e3e9f2")), 1, 0)
	shadow(c, cx, floor, width*1.1)
	porcelain(c, r, p, turned(cx, top, floor, width, potProfile), cx, top, height, width)
	c.fill(ellipse(cx, top, width*0.5, height*0.06, 0), flat(p("#dfe6f0")), 1, 0) // the lid
	c.fill(circle(cx, top-height*0.07, width*0.09), flat(p("#1d4a98")), 1, 0)     // its knob
	for i, x := range []float64{W * 0.72, W * 0.86} {
		openPiece(c, r, p, x, floor+0.03*float64(i), 0.075, 0.1, cupProfile, 0.18)
	}
}

// openPiece draws a cup or a bowl standing at (x, y), w wide and h high,
// its opening seen a little from above.
func openPiece(c *canvas, r *rng, p func(string) rgb, x, y, w, h float64, profile curve, opening float64) {
	shadow(c, x, y, w)
	porcelain(c, r, p, turned(x, y-h, y, w, profile), x, y-h, h, w)
	c.fill(ellipse(x, y-h, w, w*opening, 0), flat(p("#c9d6e8")), 1, 0)
}

// dinnerSet draws plates stacked and bowls beside them, in blue and white.
func dinnerSet(c *canvas, r *rng, product bool) {
	p := r.palette(8)
	floor := shelf(c, r, p)
	W := c.aspect()
	cobalt := p("#1d4a98")
	px := W * 0.36
	for i := range 4 {
		y := floor - 0.02 - float64(i)*0.035
		c.fill(ellipse(px, y+0.01, 0.3, 0.06, 0), flat(p("#d3dbe8")), 1, 0)
		c.fill(ellipse(px, y, 0.3, 0.06, 0), flat(p("#f4f7fb")), 1, 0)
		c.fill(outline(ellipse(px, y, 0.27, 0.052, 0), 0.012), flat(cobalt), 0.9, 0)
	}
	c.fill(flower(px, floor-0.125, 0.06, 6, r.between(0, 1)).and(ellipse(px, floor-0.125, 0.2, 0.04, 0)), flat(cobalt), 0.85, 0)
	for _, x := range []float64{W * 0.7, W * 0.85} {
		openPiece(c, r, p, x, floor, 0.1, 0.12, bowlProfile, 0.16)
	}
}

// mugs draws two mugs in an ash glaze.
func mugs(c *canvas, r *rng, product bool) {
	p := r.palette(10)
	floor := shelf(c, r, p)
	W := c.aspect()
	for i, cx := range []float64{W * 0.38, W * 0.66} {
		w, h := 0.12, 0.3-0.05*float64(i)
		glaze := mix(p("#8d9a86"), p("#b9b39a"), float64(i)*0.6)
		c.fill(outline(ellipse(cx+w*1.05, floor-h*0.5, w*0.35, h*0.28, 0), w*0.12), flat(glaze.times(0.9)), 1, 0)
		shadow(c, cx, floor, w*1.1)
		c.fill(box(cx, floor-h/2, w, h/2, 0.015, 0), func(x, y float64) rgb {
			drip := 0.04 * fsin((x-cx)/w*9+float64(i))
			if y > floor-h*(0.35+drip) {
				return rounded(p("#a98d6c"), cx, w)(x, y) // the unglazed foot
			}
			return rounded(glaze, cx, w)(x, y)
		}, 1, 0)
		c.fill(ellipse(cx, floor-h, w, w*0.2, 0), flat(glaze.times(0.7)), 1, 0)
	}
}

// packets draws a paper pouch with a label and some of what it holds in
// front: tea, rice, noodles or soap.
func packets(fill rgb, heap func(c *canvas, r *rng, p func(string) rgb, cx, floor float64, fill rgb)) scene {
	return func(c *canvas, r *rng, product bool) {
		p := r.palette(6)
		floor := shelf(c, r, p)
		W := c.aspect()
		cx, hw, hh := W*0.4, 0.17, 0.28
		cy := floor - hh
		kraft := p("#c49a62")
		shadow(c, cx, floor, hw*1.2)
		c.fill(box(cx, cy, hw, hh, 0.02, 0), func(x, y float64) rgb {
			f := 0.95 + 0.05*fsin((x-cx)/hw*3) + 0.04*fsin(y*140)
			return rounded(kraft, cx, hw)(x, y).times(f)
		}, 1, 0)
		c.fill(box(cx, cy-hh+0.03, hw, 0.03, 0.005, 0), flat(kraft.times(0.8)), 1, 0) // the folded top
		label(c, p, cx, cy+hh*0.15, hw*0.72, hh*0.3, p("#7b2a1c"))
		heap(c, r, p, W*0.72, floor, fill)
	}
}

// leavesHeap is a small pile of rolled tea leaves on a saucer.
func leavesHeap(c *canvas, r *rng, p func(string) rgb, cx, floor float64, fill rgb) {
	c.fill(ellipse(cx, floor-0.01, 0.16, 0.035, 0), flat(p("#f4f7fb")), 1, 0)
	for range 70 {
		x, y := cx+r.between(-0.11, 0.11), floor-0.03-r.between(0, 0.07)*(1-math.Abs(r.between(-1, 1)))
		c.fill(ellipse(x, y, 0.014, 0.006, r.between(0, math.Pi)), flat(fill.times(r.between(0.7, 1.2))), 1, 0)
	}
}

// grainHeap is a small pile of rice in a bowl of woven bamboo.
func grainHeap(c *canvas, r *rng, p func(string) rgb, cx, floor float64, fill rgb) {
	c.fill(turned(cx, floor-0.08, floor, 0.14, bowlProfile), rounded(p("#b58a4c"), cx, 0.14), 1, 0)
	for range 220 {
		x := cx + r.between(-0.12, 0.12)
		y := floor - 0.08 - r.between(0, 0.06)*(1-math.Abs(x-cx)/0.13)
		c.fill(ellipse(x, y, 0.007, 0.0035, r.between(0, math.Pi)), flat(fill.times(r.between(0.93, 1.05))), 1, 0)
	}
}

// noodleHeap is a bundle of dry noodles tied in the middle.
func noodleHeap(c *canvas, r *rng, p func(string) rgb, cx, floor float64, fill rgb) {
	for i := range 26 {
		y := floor - 0.03 - float64(i%6)*0.008
		off := r.between(-0.01, 0.01)
		c.fill(capsule(cx-0.14, y+off, cx+0.14, y-off, 0.0035), flat(fill.times(r.between(0.85, 1))), 1, 0)
	}
	c.fill(box(cx, floor-0.05, 0.012, 0.035, 0.003, 0), flat(p("#b2242a")), 1, 0)
}

// soapBars are two bars of soap, one on the other.
func soapBars(c *canvas, r *rng, p func(string) rgb, cx, floor float64, fill rgb) {
	for i := range 2 {
		y := floor - 0.035 - float64(i)*0.07
		x := cx + float64(i)*0.02
		c.fill(box(x, y, 0.11, 0.035, 0.02, 0), rounded(fill.times(1-0.08*float64(i)), x, 0.11), 1, 0)
		c.fill(box(x, y-0.005, 0.06, 0.012, 0.006, 0), flat(fill.times(0.85)), 0.8, 0)
	}
}

// pottedPlant draws an orchid (flowers) or a bonsai in a glazed pot.
func pottedPlant(orchid bool) scene {
	return func(c *canvas, r *rng, product bool) {
		p := r.palette(8)
		floor := shelf(c, r, p)
		W := c.aspect()
		cx, pw, ph := W*0.5, 0.16, 0.22
		top := floor - ph
		shadow(c, cx, floor, pw*1.1)
		if !orchid {
			pw, ph = 0.3, 0.09
			top = floor - ph
			c.fill(box(cx, floor-ph/2, pw, ph/2, 0.01, 0), rounded(p("#3b5e84"), cx, pw), 1, 0)
			c.fill(capsule(cx, top, cx-0.08, top-0.25, 0.025), flat(p("#5a4030")), 1, 0)
			c.fill(capsule(cx-0.08, top-0.25, cx+0.1, top-0.42, 0.018), flat(p("#5a4030")), 1, 0)
			for _, f := range [][3]float64{{-0.2, -0.3, 0.11}, {0.02, -0.46, 0.12}, {0.18, -0.36, 0.1}, {-0.06, -0.2, 0.08}} {
				c.fill(ellipse(cx+f[0], top+f[1], f[2]*1.6, f[2], 0), flat(p("#4f7d3a").times(r.between(0.85, 1.1))), 1, 0.01)
			}
			return
		}
		c.fill(turned(cx, top, floor, pw, jarProfile), rounded(p("#f2efe6"), cx, pw), 1, 0)
		for _, a := range []float64{-2.6, -0.5, 2.7, 0.4} {
			leaf(c, p, cx+math.Cos(a)*0.12, top-0.02+math.Sin(a)*0.02, 0.16, 0.045, a*0.25, 1)
		}
		stem := func(x float64) float64 { return top - 0.08 - (x-cx)*0.9 + 0.25*math.Sin((x-cx)*6) }
		c.fill(ribbon(cx, cx+0.35, stem, func(float64) float64 { return 0.006 }), flat(p("#5d7a3a")), 1, 0)
		for i := range 5 {
			x := cx + 0.08 + float64(i)*0.065
			y := stem(x) - 0.06
			c.fill(flower(x, y, 0.07, 5, r.between(0, 1)), flat(p("#c2407d")), 1, 0)
			c.fill(circle(x, y, 0.015), flat(p("#f7e05c")), 1, 0)
		}
	}
}
