package main

import (
	"hash/fnv"
	"image"
	"math"
)

// scene draws one picture for a village's craft. product asks for a single
// large object, as for a product or tour photo, instead of a wider scene.
type scene func(c *canvas, r *rng, product bool)

// scenes maps village ids to their craft's scene.
var scenes = map[string]scene{
	"bat-trang":  ceramics,
	"duyen-thai": lacquer,
	"chuyen-my":  pearlInlay,
	"phu-nghia":  rattan,
	"duyen-ha":   cakes,
	"di-trach":   statues,
	"van-ha":     carving,
	"hoa-lam":    aoDai,
	"van-phuc":   silk,
}

// render draws the picture for j. Everything that varies (layout, shapes,
// a small hue shift) comes from a hash of the path, so each picture is
// different and the same path always gives the same picture.
func render(j job, w, h int) *image.RGBA {
	c := newCanvas(w, h)
	r := newRNG(j.path)
	draw, ok := scenes[j.village]
	if !ok {
		draw = fallback
	}
	if g, ok := goodsScene(j.path); ok && j.single {
		draw = g // a product that is not the village's usual piece
	}
	draw(c, r, j.single)
	return c.image(0.14)
}

// rng is a small deterministic random source (SplitMix64).
type rng struct{ s uint64 }

func newRNG(key string) *rng {
	h := fnv.New64a()
	h.Write([]byte(key))
	return &rng{h.Sum64()}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// between returns a number from a to b.
func (r *rng) between(a, b float64) float64 {
	return a + (b-a)*float64(r.next()>>11)/(1<<53)
}

// intn returns a whole number from 0 to n-1.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// palette returns a colour parser that shifts every hue by up to ±deg.
func (r *rng) palette(deg float64) func(string) rgb {
	shift := r.between(-deg, deg)
	return func(s string) rgb { return hex(s).hue(shift) }
}

// fsin is a fast sine, within about 0.001 of math.Sin, for textures
// that evaluate it for every pixel.
func fsin(x float64) float64 {
	t := x / (2 * math.Pi)
	t -= math.Floor(t + 0.5) // now -0.5 ≤ t < 0.5, a whole turn
	y := 8*t - 16*t*math.Abs(t)
	return y + 0.225*(y*math.Abs(y)-y)
}

// fcos is a fast cosine, like fsin.
func fcos(x float64) float64 { return fsin(x + math.Pi/2) }

// shadow is a soft contact shadow under an object standing at (cx, y).
func shadow(c *canvas, cx, y, rx float64) {
	c.fill(ellipse(cx, y, rx, rx*0.12, 0), flat(rgb{}), 0.28, rx*0.25)
}

// rounded paints col with cylinder shading around the axis x = cx.
func rounded(col rgb, cx, width float64) paint {
	return func(x, y float64) rgb {
		u := (x - cx) / width
		f := 1.05 - 0.35*(u+0.3)*(u+0.3)
		hl := 0.35 * math.Exp(-(u+0.5)*(u+0.5)/0.02)
		return mix(col.times(f), rgb{1, 1, 1}, hl)
	}
}

// flower is a ring of n petals around (cx, cy).
func flower(cx, cy, size float64, n int, turn float64) shape {
	petals := make([]shape, 0, n+1)
	for i := range n {
		a := turn + 2*math.Pi*float64(i)/float64(n)
		s, k := math.Sincos(a)
		petals = append(petals, ellipse(cx+k*size*0.55, cy+s*size*0.55, size*0.5, size*0.22, a))
	}
	return union(petals...)
}

// fallback is a plain pleasant picture for pictures of unknown villages.
func fallback(c *canvas, r *rng, product bool) {
	p := r.palette(60)
	c.background(p("#f3efe6"), p("#d9cbb0"))
	for range 5 {
		c.glow(r.between(0, c.aspect()), r.between(0, 1), r.between(0.2, 0.5), p("#fff8e8"), 0.5)
	}
	c.fill(flower(c.aspect()/2, 0.5, 0.25, 8, r.between(0, 1)), flat(p("#b0895a")), 0.8, 0)
	c.fill(circle(c.aspect()/2, 0.5, 0.06), flat(p("#f6e7c8")), 1, 0)
}

// Pottery shapes, as half-width profiles from rim (0) to foot (1).
var (
	vaseProfile  = curve{{0, .30}, {.08, .22}, {.22, .24}, {.42, .70}, {.58, 1}, {.82, .74}, {.95, .46}, {1, .46}}
	gourdProfile = curve{{0, .18}, {.1, .22}, {.26, .52}, {.4, .30}, {.66, 1}, {.9, .78}, {1, .52}}
	jarProfile   = curve{{0, .56}, {.05, .56}, {.14, .82}, {.42, 1}, {.8, .78}, {1, .6}}
	bowlProfile  = curve{{0, 1}, {.35, .93}, {.72, .64}, {.82, .46}, {1, .44}}
)

// ceramics draws blue-and-white Bát Tràng pottery on a pale shelf.
func ceramics(c *canvas, r *rng, product bool) {
	p := r.palette(10)
	W := c.aspect()
	c.background(p("#f7f9fc"), p("#e6edf6"), p("#c5d5ea"))
	c.glow(W*r.between(0.2, 0.8), 0.2, 0.8, rgb{1, 1, 1}, 0.6)
	cobalt := p("#1d4a98")
	// A large faint flower behind, like a painted plate on the wall.
	fx, fy := W*r.between(0.1, 0.9), r.between(0.1, 0.4)
	c.fill(union(flower(fx, fy, 0.35, 8, r.between(0, 1)), circle(fx, fy, 0.1)), flat(cobalt), 0.06, 0.01)
	floor := 0.8 + r.between(-0.03, 0.03)
	c.fill(box(W/2, floor+0.5, W, 0.5, 0, 0), vgrad(p("#dde6f1"), p("#a9bcd6"), floor, 1), 1, 0)
	c.fill(box(W/2, floor, W, 0.002, 0, 0), flat(rgb{1, 1, 1}), 0.7, 0)
	n, height := 2+r.intn(2), 0.0
	if product {
		n = 1
	}
	for i := range n {
		cx := W * (float64(i) + 0.5) / float64(n)
		cx += r.between(-0.06, 0.06) * W / float64(n)
		height = r.between(0.38, 0.6)
		if product {
			height = r.between(0.6, 0.68)
		}
		bottom := floor + r.between(0, 0.04)
		kind := r.intn(4)
		profile, width := []curve{vaseProfile, gourdProfile, jarProfile, bowlProfile}[kind], height*0.42
		if kind == 3 {
			height, width = height*0.45, height*0.62
		}
		width = min(width, W/float64(2*n)*0.85)
		top := bottom - height
		body := turned(cx, top, bottom, width, profile)
		shadow(c, cx, bottom, width*0.9)
		c.fill(body, rounded(p("#f4f7fb"), cx, width), 1, 0)
		blue := rounded(cobalt, cx, width)
		// Bands near the rim and foot.
		for _, b := range [][2]float64{{0.02, 0.05}, {0.86, 0.9}, {0.92, 0.94}} {
			band := box(cx, top+height*(b[0]+b[1])/2, width*1.2, height*(b[1]-b[0])/2, 0, 0)
			c.fill(body.and(band), blue, 0.95, 0)
		}
		// A flower and a vine painted on the belly.
		fy := top + height*r.between(0.5, 0.65)
		fx := cx + width*r.between(-0.3, 0.3)
		c.fill(body.and(flower(fx, fy, width*0.28, 5+r.intn(4), r.between(0, 1))), blue, 0.9, 0)
		c.fill(body.and(circle(fx, fy, width*0.07)), flat(p("#f4f7fb")), 1, 0)
		phase, amp := r.between(0, 6), height*0.03
		vine := ribbon(cx-width, cx+width, func(x float64) float64 {
			return top + height*0.3 + amp*math.Sin((x-cx)/width*7+phase)
		}, func(float64) float64 { return width * 0.018 })
		c.fill(body.and(vine), blue, 0.85, 0)
		for k := range 4 {
			lx := cx + width*(float64(k)/2-0.75)
			ly := top + height*0.3 + amp*math.Sin((lx-cx)/width*7+phase)
			c.fill(body.and(ellipse(lx, ly-width*0.05, width*0.08, width*0.035, 0.6)), blue, 0.85, 0)
		}
		if kind != 3 {
			lip := width * profile.at(0)
			c.fill(ellipse(cx, top, lip, lip*0.22, 0), flat(p("#24457e")), 1, 0)
			c.fill(ellipse(cx, top+lip*0.03, lip*0.78, lip*0.15, 0), flat(p("#0e2247")), 1, 0)
		} else {
			// The bowl's opening.
			c.fill(ellipse(cx, top, width, width*0.16, 0), flat(p("#f9fbfd")), 1, 0)
			c.fill(ellipse(cx, top+width*0.01, width*0.93, width*0.13, 0), vgrad(p("#c9d6e8"), p("#f2f6fb"), top-width*0.13, top+width*0.13), 1, 0)
			c.fill(outline(ellipse(cx, top+width*0.01, width*0.8, width*0.11, 0), width*0.025), flat(cobalt), 0.7, 0)
		}
	}
}

// hash2 mixes a grid cell and a seed into a pseudo-random number.
func hash2(i, j int, seed uint64) uint64 {
	r := rng{seed ^ uint64(i)*0x9e3779b97f4a7c15 ^ uint64(j)*0xc2b2ae3d27d4eb4f}
	return r.next()
}

// unit turns part of a hash into a number from 0 to 1.
func unit(h uint64, shift uint) float64 { return float64(h>>shift&0xffff) / 0xffff }

// crackle paints crushed eggshell: irregular ivory cells of size cell
// parted by thin dark cracks, as in eggshell-inlaid lacquer.
func crackle(c *canvas, shell, crack rgb, cell float64, seed uint64) paint {
	px := 1 / c.scale
	return func(x, y float64) rgb {
		gx, gy := x/cell, y/cell
		ix, iy := int(math.Floor(gx)), int(math.Floor(gy))
		d1, d2, tone := math.Inf(1), math.Inf(1), 0.0
		for dj := -1; dj <= 1; dj++ {
			for di := -1; di <= 1; di++ {
				h := hash2(ix+di, iy+dj, seed)
				fx := float64(ix+di) + 0.1 + 0.8*unit(h, 0)
				fy := float64(iy+dj) + 0.1 + 0.8*unit(h, 16)
				d := math.Hypot(gx-fx, gy-fy)
				if d < d1 {
					d1, d2, tone = d, d1, unit(h, 32)
				} else if d < d2 {
					d2 = d
				}
			}
		}
		gap := (d2 - d1) * cell / 2 // distance to the crack, roughly
		return mix(crack, shell.times(0.88+0.14*tone), clamp((gap-px*0.8)/px))
	}
}

// gold paints burnished gold leaf with soft diagonal sheen.
func gold(p func(string) rgb) paint {
	dark, light := p("#9a6a1c"), p("#f3d27a")
	return func(x, y float64) rgb {
		return mix(dark, light, 0.5+0.5*fsin((x*0.7+y)*9))
	}
}

// lacquer draws Hạ Thái lacquer: black and vermilion plates and vases
// with gold leaf and eggshell inlay.
func lacquer(c *canvas, r *rng, product bool) {
	p := r.palette(6)
	W := c.aspect()
	c.background(p("#5e1210"), p("#2c0907"), p("#100403"))
	c.glow(W*r.between(0.2, 0.8), r.between(0.2, 0.5), 0.7, p("#d88a3a"), 0.22)
	red, black := p("#b3261b"), p("#140807")
	layout := r.intn(3)
	if product {
		layout = 3 + r.intn(2)
	}
	swap := r.between(0, 1) < 0.5
	place := func(left bool) float64 {
		if left != swap {
			return W * r.between(0.28, 0.34)
		}
		return W * r.between(0.66, 0.72)
	}
	switch layout {
	case 0:
		lacquerPlate(c, r, p, place(true), 0.5, 0.34)
		lacquerVase(c, r, p, place(false), 0.9, 0.62, red, black)
	case 1:
		lacquerPlate(c, r, p, W*0.28, 0.48, min(0.3, W*0.2))
		lacquerPlate(c, r, p, W*0.72, 0.52, min(0.3, W*0.2))
	case 2:
		lacquerPanel(c, r, p, W/2, 0.5, W*0.36, 0.36)
	case 3:
		lacquerPlate(c, r, p, W/2, 0.5, 0.4)
	default:
		lacquerVase(c, r, p, W/2, 0.92, 0.8, red, black)
	}
}

// below is the region under the curve y = f(x) between x0 and x1, down to y1.
func below(x0, x1, y1 float64, f func(x float64) float64) shape {
	top := math.Inf(1)
	for i := range 129 {
		top = min(top, f(x0+(x1-x0)*float64(i)/128))
	}
	return shape{x0, top, x1, y1, func(x, y float64) float64 {
		const e = 1e-3
		slope := (f(x+e) - f(x-e)) / (2 * e)
		return max((f(x)-y)/math.Sqrt(1+slope*slope), x0-x, x-x1, y-y1)
	}}
}

// bamboo draws gold bamboo stalks and leaves, clipped to field.
func bamboo(c *canvas, r *rng, p func(string) rgb, field shape, cx, cy, size float64) {
	g := gold(p)
	for k := range 3 {
		x := cx + size*(-0.4+0.35*float64(k)+r.between(-0.05, 0.05))
		tilt := size * r.between(-0.15, 0.15)
		y0, y1 := cy+size, cy-size*r.between(0.5, 0.9)
		c.fill(field.and(capsule(x, y0, x+tilt, y1, size*0.035)), g, 1, 0)
		for y := y0 - size*0.25; y > y1; y -= size * 0.28 {
			t := (y - y0) / (y1 - y0)
			c.fill(field.and(box(x+tilt*t, y, size*0.034, size*0.005, 0, 0)), flat(p("#2a0c08")), 0.6, 0)
			if r.intn(3) > 0 {
				continue
			}
			side := float64(1 - 2*r.intn(2))
			c.fill(field.and(ellipse(x+tilt*t+side*size*0.16, y-size*0.1, size*0.18, size*0.028, -side*0.6)), g, 0.95, 0)
		}
	}
}

// lacquerPlate draws a round black lacquer plate of radius R.
func lacquerPlate(c *canvas, r *rng, p func(string) rgb, cx, cy, R float64) {
	c.fill(circle(cx+R*0.05, cy+R*0.08, R), flat(rgb{}), 0.55, R*0.12)
	deep, black := p("#3a100c"), p("#120605")
	c.fill(circle(cx, cy, R), func(x, y float64) rgb {
		return mix(deep, black, clamp(math.Hypot(x-cx+R*0.3, y-cy+R*0.3)/(R*1.6)))
	}, 1, 0)
	g := gold(p)
	c.fill(outline(circle(cx, cy, R*0.965), R*0.022), g, 1, 0)
	c.fill(circle(cx, cy, R*0.9).minus(circle(cx, cy, R*0.8)), rounded(p("#b3261b"), cx, R), 1, 0)
	c.fill(outline(circle(cx, cy, R*0.8), R*0.01), g, 1, 0)
	field := circle(cx, cy, R*0.78)
	moon := circle(cx+R*r.between(-0.35, 0.35), cy-R*r.between(0.15, 0.4), R*r.between(0.2, 0.3))
	c.fill(field.and(moon), crackle(c, p("#f1e6cf"), p("#2a0c08"), R*0.06, r.next()), 1, 0)
	if r.intn(2) == 0 {
		bamboo(c, r, p, field, cx, cy, R*0.75)
		return
	}
	lx, ly := cx+R*r.between(-0.2, 0.2), cy+R*0.3
	c.fill(field.and(ellipse(lx, ly+R*0.22, R*0.6, R*0.1, 0)), flat(p("#6e1a12")), 0.9, 0)
	petals := flower(lx, ly, R*0.42, 7, -math.Pi/2).and(below(cx-R, cx+R, cy+R, func(float64) float64 { return ly - R*0.5 }))
	c.fill(field.and(union(petals, circle(lx, ly, R*0.1))), g, 1, 0)
	c.fill(field.and(outline(flower(lx, ly, R*0.3, 7, -math.Pi/2), R*0.008)), flat(p("#7a4a10")), 0.5, 0)
}

// lacquerVase draws a red or black lacquer vase standing at (cx, bottom).
func lacquerVase(c *canvas, r *rng, p func(string) rgb, cx, bottom, height float64, red, black rgb) {
	width, top := height*0.4, bottom-height
	profile := []curve{vaseProfile, jarProfile}[r.intn(2)]
	body := turned(cx, top, bottom, width, profile)
	shadow(c, cx, bottom, width)
	col := red
	if r.intn(2) == 0 {
		col = black.times(1.6)
	}
	c.fill(body, rounded(col, cx, width), 1, 0)
	g := gold(p)
	for _, b := range [][2]float64{{0.03, 0.07}, {0.4, 0.415}, {0.66, 0.675}, {0.9, 0.95}} {
		c.fill(body.and(box(cx, top+height*(b[0]+b[1])/2, width*1.2, height*(b[1]-b[0])/2, 0, 0)), g, 1, 0)
	}
	shell := crackle(c, p("#efe2c6"), p("#2a0c08"), width*0.08, r.next())
	c.fill(body.and(box(cx, top+height*0.54, width*1.2, height*0.11, 0, 0)), func(x, y float64) rgb {
		return rounded(shell(x, y), cx, width)(x, y)
	}, 1, 0)
	lip := width * profile.at(0)
	c.fill(ellipse(cx, top, lip, lip*0.22, 0), g, 1, 0)
	c.fill(ellipse(cx, top+lip*0.03, lip*0.8, lip*0.15, 0), flat(p("#0a0303")), 1, 0)
}

// lacquerPanel draws a framed lacquer painting of a landscape.
func lacquerPanel(c *canvas, r *rng, p func(string) rgb, cx, cy, hw, hh float64) {
	c.fill(box(cx+0.015, cy+0.025, hw, hh, 0.005, 0), flat(rgb{}), 0.6, 0.04)
	c.fill(box(cx, cy, hw, hh, 0.004, 0), gold(p), 1, 0)
	field := box(cx, cy, hw*0.95, hh-hw*0.05, 0, 0)
	c.fill(field, vgrad(p("#1a0806"), p("#3b0f0b"), cy-hh, cy+hh), 1, 0)
	moon := circle(cx+hw*r.between(-0.5, 0.5), cy-hh*0.45, hh*0.2)
	c.fill(field.and(moon), crackle(c, p("#f1e6cf"), p("#2a0c08"), hh*0.04, r.next()), 1, 0)
	cols := []rgb{p("#7a2a18"), gold(p)(cx, cy), p("#b3261b"), p("#1c0806")}
	for k, col := range cols {
		base, amp := cy-hh*0.1+hh*0.25*float64(k), hh*r.between(0.08, 0.2)
		f1, f2, ph := r.between(3, 6)/hw, r.between(8, 14)/hw, r.between(0, 6)
		c.fill(field.and(below(cx-hw, cx+hw, cy+hh, func(x float64) float64 {
			return base - amp*math.Sin(x*f1+ph) - amp*0.3*math.Sin(x*f2)
		})), flat(col), 1, 0)
	}
}

// nacre paints mother-of-pearl: pastel colours that shift across the
// surface like the sheen of shell.
func nacre(seed float64) paint {
	return func(x, y float64) rgb {
		t := x*2.3 + y*1.4 + seed + 0.12*fsin(x*31+y*19)
		col := rgb{
			0.8 + 0.2*fcos(2*math.Pi*t),
			0.82 + 0.18*fcos(2*math.Pi*(t+0.33)),
			0.85 + 0.15*fcos(2*math.Pi*(t+0.67)),
		}
		return mix(col, rgb{1, 1, 1}, 0.2)
	}
}

// pearlInlay draws Chuôn Ngọ mother-of-pearl inlay on dark wood.
func pearlInlay(c *canvas, r *rng, product bool) {
	p := r.palette(15)
	W := c.aspect()
	c.background(p("#e2f3ee"), p("#e8e0f6"), p("#f8e5da"))
	for _, col := range []string{"#d6ecff", "#ffe0ef", "#e4ffe8"} {
		c.glow(W*r.between(0, 1), r.between(0, 1), r.between(0.4, 0.7), p(col), 0.6)
	}
	shell := nacre(r.between(0, 1))
	panels := [][4]float64{{W / 2, 0.5, W * 0.36, 0.38}}
	switch {
	case product:
		panels = [][4]float64{{W / 2, 0.5, 0.36, 0.36}}
	case r.intn(2) == 0:
		panels = [][4]float64{{W * 0.21, 0.5, W * 0.125, 0.38}, {W / 2, 0.5, W * 0.125, 0.38}, {W * 0.79, 0.5, W * 0.125, 0.38}}
	}
	for i, pn := range panels {
		cx, cy, hw, hh := pn[0], pn[1], pn[2], pn[3]
		c.fill(box(cx+0.012, cy+0.03, hw, hh, 0.01, 0), flat(p("#3a2a3a")), 0.45, 0.04)
		c.fill(box(cx, cy, hw, hh, 0.012, 0), vgrad(p("#3b2218"), p("#1a0d08"), cy-hh, cy+hh), 1, 0)
		c.fill(outline(box(cx, cy, hw-0.03, hh-0.03, 0.008, 0), 0.006), shell, 0.9, 0)
		// Dots along the border.
		for k := 0; k < 14; k++ {
			t := float64(k) / 13
			for _, d := range [][2]float64{{cx - hw + 0.06 + t*(2*hw-0.12), cy - hh + 0.06}, {cx - hw + 0.06 + t*(2*hw-0.12), cy + hh - 0.06}} {
				c.fill(circle(d[0], d[1], 0.008), shell, 1, 0)
			}
		}
		field := box(cx, cy, hw-0.05, hh-0.05, 0, 0)
		if len(panels) == 1 && !product || i == 1 {
			pearlBranch(c, r, shell, field, cx, cy, hw, hh)
			continue
		}
		R := min(hw, hh) * 0.6
		c.fill(outline(circle(cx, cy, R), 0.008), shell, 1, 0)
		c.fill(flower(cx, cy, R*0.8, 8, r.between(0, 1)), shell, 1, 0)
		c.fill(flower(cx, cy, R*0.45, 8, r.between(0, 1)), flat(p("#2a160f")), 0.7, 0)
		c.fill(circle(cx, cy, R*0.12), shell, 1, 0)
		for k := range 12 {
			a := 2 * math.Pi * float64(k) / 12
			s, co := math.Sincos(a)
			c.fill(ellipse(cx+co*R*0.9, cy+s*R*0.9, R*0.07, R*0.035, a), shell, 1, 0)
		}
	}
}

// pearlBranch draws a flowering branch with leaves and blossoms.
func pearlBranch(c *canvas, r *rng, shell paint, field shape, cx, cy, hw, hh float64) {
	amp, ph := hh*r.between(0.15, 0.3), r.between(0, 6)
	x0, x1 := cx-hw*0.85, cx+hw*0.85
	stem := func(x float64) float64 {
		t := (x - x0) / (x1 - x0)
		return cy + hh*0.5 - t*hh*0.9 + amp*math.Sin(t*4+ph)
	}
	c.fill(field.and(ribbon(x0, x1, stem, func(x float64) float64 {
		return 0.012 * (1.2 - (x-x0)/(x1-x0))
	})), shell, 1, 0)
	n := 4 + r.intn(3)
	for k := range n {
		x := x0 + (x1-x0)*(float64(k)+0.5)/float64(n)
		y := stem(x)
		side := float64(1 - 2*(k%2))
		c.fill(field.and(ellipse(x+0.02, y+side*0.05, 0.055, 0.018, side*0.8)), shell, 1, 0)
		size := min(hw, hh) * r.between(0.12, 0.2)
		bx, by := x+r.between(-0.03, 0.03), y-side*size*1.3
		c.fill(field.and(flower(bx, by, size, 5, r.between(0, 1))), shell, 1, 0)
		c.fill(circle(bx, by, size*0.18), flat(rgb{0.2, 0.1, 0.06}), 0.8, 0)
	}
}

// weave paints a twill of strands strip wide, turned by angle; gap is
// the colour seen between the strands.
func weave(c *canvas, base, gap rgb, strip, angle float64, seed uint64) paint {
	s, k := math.Sincos(angle)
	px := 1 / c.scale
	return func(x, y float64) rgb {
		u, v := (x*k+y*s)/strip, (-x*s+y*k)/strip
		iu, iv := math.Floor(u), math.Floor(v)
		fu, fv := u-iu, v-iv
		cell := int(iu) + int(iv)
		over := ((cell%4)+4)%4 < 2
		along, across, n := fu, fv, int(iv)
		if !over {
			along, across, n = fv, fu, 1000+int(iu)
		}
		tone := 0.9 + 0.15*unit(hash2(n, 0, seed), 0)
		f := tone * (0.72 + 0.28*fsin(math.Pi*across)) * (0.85 + 0.15*fsin(math.Pi*along))
		edge := min(across, 1-across) * strip
		return mix(gap, base.times(f), clamp(edge/px-0.6))
	}
}

// rattan draws Phú Vinh woven baskets, trays and lamps on a woven mat.
func rattan(c *canvas, r *rng, product bool) {
	p := r.palette(8)
	W := c.aspect()
	c.background(p("#fbf1da"), p("#f0dbab"), p("#d9b273"))
	c.glow(W*r.between(0.3, 0.7), 0.25, 0.8, p("#fff6e0"), 0.6)
	straw, dark := p("#d6a25a"), p("#5a3a1a")
	floor := 0.74 + r.between(-0.03, 0.03)
	mat := weave(c, p("#e2bf84"), p("#a27a46"), 0.035, math.Pi/4, 7)
	c.fill(box(W/2, floor+0.5, W, 0.5, 0, 0), func(x, y float64) rgb {
		return mat(x, y).times(0.8 + 0.3*(1-y))
	}, 1, 0)
	if product {
		if r.intn(2) == 0 {
			basket(c, r, p, W/2, 0.86, 0.3, 0.5, straw, dark)
		} else {
			lamp(c, r, p, W/2, 0.5, 0.3, straw)
		}
		return
	}
	if r.intn(2) == 0 {
		lamp(c, r, p, W*r.between(0.15, 0.25), 0.3, 0.15, straw)
	}
	left, right := W*r.between(0.36, 0.44), W*r.between(0.68, 0.76)
	if r.intn(2) == 0 {
		left, right = right-0.05, left-0.05
	}
	tray(c, r, p, left, floor+0.09, 0.26, straw, dark)
	basket(c, r, p, right, floor+0.1, r.between(0.16, 0.22), r.between(0.26, 0.4), straw, dark)
	if r.intn(2) == 0 {
		basket(c, r, p, (left+right)/2+r.between(-0.05, 0.05), floor+0.2, 0.12, 0.14, straw.times(1.05), dark)
	}
}

// basket draws a round woven basket standing at (cx, bottom).
func basket(c *canvas, r *rng, p func(string) rgb, cx, bottom, width, height float64, straw, dark rgb) {
	top := bottom - height
	shadow(c, cx, bottom, width*1.05)
	profile := []curve{{{0, 1}, {0.55, 0.93}, {1, 0.68}}, {{0, 0.86}, {0.35, 1}, {0.8, 0.8}, {1, 0.55}}}[r.intn(2)]
	body := turned(cx, top, bottom, width, profile)
	w := weave(c, straw, dark, width*0.09, 0, r.next())
	c.fill(body, func(x, y float64) rgb { return rounded(w(x, y), cx, width)(x, y) }, 1, 0)
	width *= profile.at(0)
	c.fill(ellipse(cx, top, width, width*0.2, 0), weave(c, straw.times(0.7), dark, width*0.09, 0.3, r.next()), 1, 0)
	c.fill(outline(ellipse(cx, top, width*0.98, width*0.19, 0), width*0.07), func(x, y float64) rgb {
		return straw.times(0.85 + 0.25*fsin((x-cx)/width*60))
	}, 1, 0)
}

// tray draws a flat round tray woven in rings, seen at an angle.
func tray(c *canvas, r *rng, p func(string) rgb, cx, cy, rx float64, straw, dark rgb) {
	ry := rx * 0.3
	c.fill(ellipse(cx, cy+ry*0.35, rx, ry, 0), flat(rgb{}), 0.3, rx*0.1)
	c.fill(ellipse(cx, cy+ry*0.12, rx, ry, 0), flat(straw.times(0.6)), 1, 0)
	c.fill(ellipse(cx, cy, rx, ry, 0), func(x, y float64) rgb {
		q := math.Hypot((x-cx)/rx, (y-cy)/ry)
		a := math.Atan2((y-cy)/ry, (x-cx)/rx)
		spoke := 0.9 + 0.1*fcos(a*24+q*20)
		return straw.times((0.75 + 0.25*math.Abs(fsin(q*math.Pi*9))) * spoke)
	}, 1, 0)
	c.fill(outline(ellipse(cx, cy, rx*0.985, ry*0.95, 0), rx*0.04), func(x, y float64) rgb {
		return straw.times(0.8 + 0.2*fsin((x-cx)/rx*80))
	}, 1, 0)
}

// lamp draws a hanging lattice lamp shade glowing from inside.
func lamp(c *canvas, r *rng, p func(string) rgb, cx, cy, R float64, straw rgb) {
	warm := p("#fff1c0")
	c.fill(capsule(cx, -0.05, cx, cy-R, 0.003), flat(p("#4a3018")), 1, 0)
	c.glow(cx, cy, R*2.2, warm, 0.55)
	lattice := weave(c, straw, warm, R*0.12, math.Pi/4, r.next())
	c.fill(ellipse(cx, cy, R, R*0.9, 0), func(x, y float64) rgb {
		u := math.Hypot(x-cx, y-cy) / R
		return mix(lattice(x, y), warm, 0.3*(1-u))
	}, 1, 0)
}

// leaf draws a long leaf with a midrib, turned by angle.
func leaf(c *canvas, p func(string) rgb, cx, cy, length, width, angle, alpha float64) {
	green, vein := p("#4f8a3a"), p("#8fbf6a")
	s, k := math.Sincos(angle)
	c.fill(ellipse(cx, cy, length, width, angle), func(x, y float64) rgb {
		u, v := (x-cx)*k+(y-cy)*s, -(x-cx)*s+(y-cy)*k
		f := 0.92 + 0.08*fsin((u+math.Abs(v)*0.8)/width*14)
		return mix(green.times(f), green.times(1.2), 0.5-v/width*0.5)
	}, alpha, 0)
	c.fill(capsule(cx-k*length*0.95, cy-s*length*0.95, cx+k*length*0.95, cy+s*length*0.95, width*0.03), flat(vein), alpha, 0)
}

// banhChung draws a square leaf-wrapped cake of half size h, tied with strings.
func banhChung(c *canvas, p func(string) rgb, cx, cy, h, angle float64) {
	s, k := math.Sincos(angle)
	at := func(u, v float64) (float64, float64) { return cx + u*k - v*s, cy + u*s + v*k }
	c.fill(box(cx+h*0.06, cy+h*0.16, h, h, h*0.1, angle), flat(rgb{}), 0.35, h*0.15)
	c.fill(box(cx, cy+h*0.1, h, h, h*0.1, angle), flat(p("#2f5a22")), 1, 0)
	green := p("#3f7a2e")
	c.fill(box(cx, cy, h, h, h*0.1, angle), func(x, y float64) rgb {
		u, v := (x-cx)*k+(y-cy)*s, -(x-cx)*s+(y-cy)*k
		f := 1.1 - 0.15*(u+v)/h + 0.05*fsin((u-v)/h*18)
		return green.times(f)
	}, 1, 0)
	c.fill(outline(box(cx, cy, h*0.92, h*0.92, h*0.08, angle), h*0.012), flat(p("#6fa552")), 0.6, 0)
	str := p("#f1e7c4")
	for _, o := range []float64{-0.33, 0.33} {
		x, y := at(o*h, 0)
		c.fill(box(x, y, h*0.022, h*1.02, 0, angle), flat(str), 1, 0)
		x, y = at(0, o*h)
		c.fill(box(x, y, h*1.02, h*0.022, 0, angle), flat(str), 1, 0)
	}
	x, y := at(0.33*h, 0.33*h)
	c.fill(circle(x, y, h*0.045), flat(str.times(0.92)), 1, 0)
}

// banhDay draws a round white sticky-rice cake on a piece of leaf.
func banhDay(c *canvas, p func(string) rgb, cx, cy, R float64) {
	c.fill(circle(cx+R*0.05, cy+R*0.12, R*1.12), flat(rgb{}), 0.25, R*0.15)
	c.fill(circle(cx, cy, R*1.12), flat(p("#5d9a44")), 1, 0)
	light, shade := p("#fffdf6"), p("#e6dcc4")
	c.fill(circle(cx, cy, R), func(x, y float64) rgb {
		return mix(light, shade, math.Hypot(x-cx+R*0.3, y-cy+R*0.3)/(R*1.6))
	}, 1, 0)
}

// cakes draws Tranh Khúc bánh chưng and bánh dày on banana leaves.
func cakes(c *canvas, r *rng, product bool) {
	p := r.palette(8)
	W := c.aspect()
	c.background(p("#f1f7e3"), p("#d3e6b4"), p("#9cc271"))
	for range 4 {
		leaf(c, p, W*r.between(0, 1), r.between(0, 0.5), r.between(0.4, 0.6), r.between(0.08, 0.12), r.between(-0.6, 0.6), 0.18)
	}
	// A round woven bamboo tray (nia) under the cakes.
	c.fill(ellipse(W/2, 0.86, W*0.5, 0.34, 0), flat(rgb{}), 0.25, 0.05)
	c.fill(ellipse(W/2, 0.82, W*0.5, 0.34, 0), weave(c, p("#e0bd7c"), p("#a47c45"), 0.03, 0.5, r.next()), 1, 0)
	rim := p("#c99a56")
	c.fill(outline(ellipse(W/2, 0.82, W*0.49, 0.335, 0), 0.03), func(x, y float64) rgb {
		return rim.times(0.85 + 0.2*fsin(math.Atan2(y-0.82, x-W/2)*90))
	}, 1, 0)
	if product {
		banhChung(c, p, W/2-0.05, 0.55, 0.28, r.between(-0.2, 0.2))
		banhDay(c, p, W/2+0.4, 0.78, 0.1)
		return
	}
	n := 3 + r.intn(3)
	for i := range n {
		x := W*(0.2+0.6*float64(i)/float64(n-1)) + r.between(-0.05, 0.05)
		y := 0.62 + r.between(-0.1, 0.12)
		if i%2 == 1 && r.intn(2) == 0 {
			banhDay(c, p, x, y+0.08, 0.08)
			continue
		}
		banhChung(c, p, x, y, r.between(0.13, 0.17), r.between(-0.35, 0.35))
	}
}

// statue draws a seated figure in red lacquer and gold leaf, H tall,
// resting on a lotus pedestal at (cx, base).
func statue(c *canvas, r *rng, p func(string) rgb, cx, base, H float64) {
	g := gold(p)
	red := rounded(p("#a3241a"), cx, H*0.3)
	headY, headR := base-H*0.8, H*0.1
	// Halo with faint rays.
	for k := range 24 {
		s, co := math.Sincos(2 * math.Pi * float64(k) / 24)
		c.fill(capsule(cx+co*H*0.24, headY+s*H*0.24, cx+co*H*0.32, headY+s*H*0.32, H*0.006), g, 0.5, 0)
	}
	c.fill(outline(circle(cx, headY, H*0.2), H*0.015), g, 0.9, 0)
	c.fill(circle(cx, headY, H*0.185), flat(p("#5a1a10")), 0.5, 0)
	// Pedestal and lotus.
	c.fill(box(cx, base-H*0.04, H*0.34, H*0.04, H*0.01, 0), red, 1, 0)
	c.fill(outline(box(cx, base-H*0.04, H*0.34, H*0.04, H*0.01, 0), H*0.008), g, 1, 0)
	for row := range 2 {
		for k := -3; k <= 3; k++ {
			x := cx + float64(k)*H*0.085 + float64(row)*H*0.04
			if row == 1 && k == 3 {
				continue
			}
			y := base - H*0.12 - float64(row)*H*0.03
			c.fill(ellipse(x, y, H*0.05, H*0.075, 0), g, 1, 0)
			c.fill(outline(ellipse(x, y, H*0.05, H*0.075, 0), H*0.006), flat(p("#6b3a10")), 0.6, 0)
		}
	}
	// Torso with draped folds, crossed legs, hands.
	torso := turned(cx, base-H*0.7, base-H*0.2, H*0.25, curve{{0, 0.3}, {0.15, 0.78}, {0.5, 0.82}, {1, 1}})
	c.fill(torso, red, 1, 0)
	c.fill(outline(torso, H*0.014), g, 1, 0)
	for k := range 3 {
		c.fill(torso.and(ribbon(cx-H*0.3, cx+H*0.3, func(x float64) float64 {
			return base - H*(0.48-0.07*float64(k)) + H*0.06*math.Cos((x-cx)/H*5)
		}, func(float64) float64 { return H * 0.006 })), g, 0.8, 0)
	}
	for _, o := range []float64{-1, 1} {
		c.fill(capsule(cx+o*H*0.075, base-H*0.685, cx, base-H*0.56, H*0.008), g, 1, 0)
	}
	c.fill(ellipse(cx, base-H*0.22, H*0.3, H*0.09, 0), red, 1, 0)
	c.fill(outline(ellipse(cx, base-H*0.22, H*0.3, H*0.09, 0), H*0.01), g, 1, 0)
	c.fill(ellipse(cx, base-H*0.27, H*0.09, H*0.045, 0), g, 1, 0)
	// Neck, ears and head with its hair knot.
	c.fill(box(cx, base-H*0.7, H*0.035, H*0.04, H*0.01, 0), g, 1, 0)
	for _, o := range []float64{-1, 1} {
		c.fill(ellipse(cx+o*headR*0.95, headY+headR*0.15, headR*0.18, headR*0.45, 0), g, 1, 0)
	}
	c.fill(ellipse(cx, headY, headR*0.9, headR, 0), g, 1, 0)
	c.fill(circle(cx, headY-headR*1.05, headR*0.35), g, 1, 0)
	for k := -3; k <= 3; k++ {
		c.fill(circle(cx+float64(k)*headR*0.22, headY-headR*0.7+math.Abs(float64(k))*headR*0.05, headR*0.1), flat(p("#3a2410")), 0.6, 0)
	}
	c.fill(ellipse(cx, headY+headR*0.35, headR*0.25, headR*0.05, 0), flat(p("#6b3a10")), 0.5, 0)
}

// candle draws a red candle with a flame at (cx, base).
func candle(c *canvas, p func(string) rgb, cx, base, h float64) {
	c.glow(cx, base-h-0.03, 0.25, p("#ffcf70"), 0.35)
	c.fill(box(cx, base-h/2, 0.018, h/2, 0.004, 0), rounded(p("#b02a1c"), cx, 0.02), 1, 0)
	c.fill(box(cx, base-0.005, 0.04, 0.008, 0.004, 0), gold(p), 1, 0)
	c.fill(ellipse(cx, base-h-0.028, 0.009, 0.025, 0), flat(p("#ffb347")), 1, 0)
	c.fill(ellipse(cx, base-h-0.022, 0.005, 0.014, 0), flat(p("#fff6d8")), 1, 0)
}

// statues draws gilded statues and candles in a dim shrine, as made
// in Sơn Đồng next to Di Trạch.
func statues(c *canvas, r *rng, product bool) {
	p := r.palette(6)
	W := c.aspect()
	c.background(p("#3c2416"), p("#22140b"), p("#0e0805"))
	// Carved arch behind.
	arch := box(W/2, 0.55, W*0.3, 0.5, 0.25, 0)
	c.fill(arch, vgrad(p("#4a1a10"), p("#260b06"), 0, 1), 0.9, 0)
	c.fill(outline(box(W/2, 0.55, W*0.28, 0.48, 0.23, 0), 0.008), gold(p), 0.7, 0)
	c.glow(W/2, 0.4, 0.65, p("#e6a24a"), 0.3)
	floor := 0.9
	c.fill(box(W/2, floor+0.5, W, 0.5, 0, 0), vgrad(p("#3a1e10"), p("#140a06"), floor, 1), 1, 0)
	switch {
	case product:
		statue(c, r, p, W/2, floor, 0.78)
	case r.intn(3) == 0:
		for _, x := range []float64{-0.33, 0, 0.33} {
			statue(c, r, p, W/2+x*W*0.75, floor, 0.5+0.12*float64(1-int(math.Abs(x)*3)))
		}
	default:
		statue(c, r, p, W/2+r.between(-0.05, 0.05), floor, r.between(0.68, 0.76))
		for _, o := range []float64{-1, 1} {
			candle(c, p, W/2+o*W*r.between(0.27, 0.33), floor, r.between(0.18, 0.26))
		}
	}
}

// wood paints wood grain in colour base.
func wood(base rgb, seed float64) paint {
	return func(x, y float64) rgb {
		w := y*150 + 4*fsin(x*2.1+seed) + 1.5*fsin(x*7.3+seed*2) + 0.4*fsin(x*23+y*9)
		g := 0.5 + 0.5*fsin(w)
		return base.times(0.92 + 0.1*g*g*g*g + 0.04*fsin(y*13+x*1.7+seed))
	}
}

// relief draws s as if carved in raised relief: lit from the top left.
func relief(c *canvas, s shape, face paint, depth float64) {
	at := func(dx, dy float64) shape {
		return shape{s.x0 + dx, s.y0 + dy, s.x1 + dx, s.y1 + dy, func(x, y float64) float64 { return s.dist(x-dx, y-dy) }}
	}
	c.fill(at(depth, depth), flat(rgb{0.1, 0.05, 0.02}), 0.55, depth)
	c.fill(at(-depth*0.5, -depth*0.5), flat(rgb{1, 0.9, 0.75}), 0.35, 0)
	c.fill(s, face, 1, 0)
}

// carvedPanel draws a framed panel with a carved motif.
func carvedPanel(c *canvas, r *rng, p func(string) rgb, cx, cy, hw, hh float64) {
	light, dark := wood(p("#b7773f"), r.between(0, 9)), wood(p("#7a4624"), r.between(0, 9))
	c.fill(box(cx+0.012, cy+0.02, hw, hh, 0.006, 0), flat(rgb{}), 0.5, 0.03)
	relief(c, box(cx, cy, hw, hh, 0.006, 0), light, 0.004)
	field := box(cx, cy, hw-0.035, hh-0.035, 0.004, 0)
	c.fill(field, dark, 1, 0)
	c.fill(outline(field, 0.006), flat(rgb{0.15, 0.07, 0.03}), 0.5, 0.004)
	face := wood(p("#a86a36"), r.between(0, 9))
	R := min(hw, hh) * 0.55
	my := cy - hh*0.15
	if hh < hw {
		my = cy
	}
	relief(c, field.and(outline(circle(cx, my, R), R*0.1)), face, 0.004)
	relief(c, field.and(flower(cx, my, R*0.7, 6+r.intn(4), r.between(0, 1))), face, 0.004)
	relief(c, circle(cx, my, R*0.16), face, 0.004)
	// Scrolling clouds or leaves around the medallion.
	for k := range 6 {
		a := 2*math.Pi*float64(k)/6 + r.between(-0.2, 0.2)
		s, co := math.Sincos(a)
		x, y := cx+co*(hw-0.06)*0.85, my+s*(hh-0.06)*0.85
		if hh > hw && k%3 == 0 {
			continue
		}
		u := R * 0.09
		cloud := union(circle(x, y, 1.5*u), circle(x+1.5*u, y+0.4*u, 1.1*u), circle(x-1.5*u, y+0.5*u, u))
		relief(c, field.and(cloud), face, 0.003)
		relief(c, field.and(outline(circle(x, y, 0.7*u), 0.3*u)), dark, 0.002)
	}
	if hh > hw {
		// A leafy vine in the lower half of tall panels.
		ph := r.between(0, 6)
		relief(c, field.and(capsule(cx, cy+hh*0.85, cx, my+R, 0.006)), face, 0.003)
		for k := range 5 {
			y := cy + hh*0.35 + float64(k-2)*0.05
			x := cx + hw*0.35*math.Sin(float64(k)*1.3+ph)
			relief(c, field.and(ellipse(x, y, 0.05, 0.018, 0.5*math.Cos(float64(k)+ph))), face, 0.003)
		}
	}
}

// carving draws Thiết Úng carved wooden panels.
func carving(c *canvas, r *rng, product bool) {
	p := r.palette(6)
	W := c.aspect()
	top, bottom := p("#d6a068"), p("#8a5530")
	c.fill(box(W/2, 0.5, W, 1, 0, 0), func(x, y float64) rgb {
		return wood(mix(top, bottom, y), 1)(x, y)
	}, 1, 0)
	c.glow(W*r.between(0.3, 0.7), 0.3, 0.8, p("#ffe2b0"), 0.25)
	switch {
	case product:
		carvedPanel(c, r, p, W/2, 0.5, 0.38, 0.38)
	case r.intn(2) == 0:
		for k := -1; k <= 1; k++ {
			carvedPanel(c, r, p, W/2+float64(k)*W*0.29, 0.5, W*0.13, 0.4)
		}
	default:
		carvedPanel(c, r, p, W/2, 0.5, W*0.38, 0.36)
	}
}

// garment draws an áo dài (or, when robe is set, a wide-sleeved
// ceremonial robe) H tall hanging from a rod at rodY.
func garment(c *canvas, r *rng, p func(string) rgb, cx, rodY, H float64, col rgb, robe bool) {
	top := rodY + H*0.08
	trim := gold(p)
	cloth := func(base rgb) paint {
		return func(x, y float64) rgb {
			fold := fcos((x - cx) / H * 22)
			return base.times(0.82 + 0.22*fold*fold - 0.15*(y-top)/H)
		}
	}
	// Hanger.
	c.fill(outline(circle(cx, rodY, 0.015), 0.004), trim, 1, 0)
	for _, o := range []float64{-1, 1} {
		c.fill(capsule(cx, rodY+0.015, cx+o*H*0.13, top+H*0.02, 0.004), trim, 1, 0)
	}
	profile := curve{{0, 0.28}, {0.05, 0.78}, {0.28, 0.55}, {0.38, 0.62}, {1, 0.9}}
	if robe {
		profile = curve{{0, 0.3}, {0.06, 0.95}, {1, 1.15}}
	}
	for _, o := range []float64{-1, 1} {
		sleeve := capsule(cx+o*H*0.13, top+H*0.05, cx+o*H*0.21, top+H*0.46, H*0.038)
		if robe {
			sleeve = box(cx+o*H*0.23, top+H*0.25, H*0.1, H*0.2, H*0.02, o*0.25)
		}
		c.fill(sleeve, cloth(col.times(0.85)), 1, 0)
		if robe {
			c.fill(outline(sleeve, H*0.01), trim, 1, 0)
		}
	}
	body := turned(cx, top, top+H, H*0.2, profile)
	c.fill(body, cloth(col), 1, 0)
	c.fill(body.and(box(cx, top+H*0.97, H, H*0.03, 0, 0)), trim, 1, 0)
	c.fill(box(cx, top+H*0.005, H*0.045, H*0.022, H*0.008, 0), trim, 1, 0)
	if robe {
		c.fill(body.and(box(cx, top+H*0.5, H*0.025, H*0.5, 0, 0)), trim, 1, 0)
		for k := range 3 {
			y := top + H*(0.3+0.22*float64(k))
			for _, o := range []float64{-1, 1} {
				c.fill(outline(circle(cx+o*H*0.12, y, H*0.05), H*0.008), trim, 1, 0)
				c.fill(flower(cx+o*H*0.12, y, H*0.035, 6, 0), trim, 0.9, 0)
			}
		}
		return
	}
	// The áo dài's diagonal closure with its buttons, and scattered flowers.
	c.fill(capsule(cx, top+H*0.02, cx+H*0.12, top+H*0.12, H*0.004), trim, 1, 0)
	for k := range 4 {
		t := float64(k) / 3
		c.fill(circle(cx+H*0.12*t, top+H*(0.02+0.1*t), H*0.007), trim, 1, 0)
	}
	for range 14 {
		y := top + H*r.between(0.45, 0.92)
		x := cx + H*0.2*profile.at((y-top)/H)*r.between(-0.85, 0.85)
		c.fill(body.and(flower(x, y, H*0.025, 5, r.between(0, 1))), trim, 0.85, 0)
	}
}

// aoDai draws Trạch Xá áo dài and ceremonial robes in jewel colours.
func aoDai(c *canvas, r *rng, product bool) {
	p := r.palette(10)
	W := c.aspect()
	c.background(p("#2e1444"), p("#1b1a3e"), p("#0d1526"))
	c.glow(W/2, 0.35, 0.9, p("#7a5aa8"), 0.35)
	jewels := []rgb{p("#b3123a"), p("#0f7d5a"), p("#1f4fa8"), p("#d39a16"), p("#7a3fa0"), p("#c2410c")}
	first := r.intn(len(jewels))
	rodY := 0.1
	c.fill(capsule(-0.1, rodY, W+0.1, rodY, 0.008), gold(p), 1, 0)
	if product {
		garment(c, r, p, W/2, rodY, 0.82, jewels[first], r.intn(3) == 0)
		return
	}
	n := 3 + r.intn(2)
	for i := range n {
		x := W * (float64(i) + 0.5) / float64(n)
		garment(c, r, p, x, rodY, r.between(0.74, 0.82), jewels[(first+i*5)%len(jewels)], n == 3 && r.intn(4) == 0)
	}
}

// silkPaint paints a band of silk around the line y = mid(x): brighter
// along its middle, with a soft diagonal shimmer.
func silkPaint(base rgb, mid, half func(float64) float64) paint {
	return func(x, y float64) rgb {
		t := (y - mid(x)) / half(x)
		sheen := 0.82 + 0.25*(1-t*t) + 0.06*fsin(x*4+y*11)
		return mix(base.times(sheen), rgb{1, 1, 1}, 0.18*math.Exp(-(t+0.35)*(t+0.35)*12))
	}
}

// transpose swaps x and y in a shape, so a ribbon can hang down.
func transpose(s shape) shape {
	return shape{s.y0, s.x0, s.y1, s.x1, func(x, y float64) float64 { return s.dist(y, x) }}
}

// silk draws Vạn Phúc silk: flowing waves of cloth or hanging scarves.
func silk(c *canvas, r *rng, product bool) {
	p := r.palette(14)
	W := c.aspect()
	c.background(p("#fcf6ee"), p("#f5e4e9"), p("#e5dcf0"))
	c.glow(W*r.between(0.2, 0.8), 0.3, 0.8, rgb{1, 1, 1}, 0.5)
	colours := []rgb{p("#e7a3b4"), p("#e9c27f"), p("#9fcfb9"), p("#b9a6de"), p("#9cc3e6"), p("#d46a7e"), p("#f2dcc2")}
	first := r.intn(len(colours))
	if !product && r.intn(2) == 0 {
		// Scarves hanging from a rod.
		rodY := 0.1
		c.fill(capsule(-0.1, rodY, W+0.1, rodY, 0.007), flat(p("#8a6a4a")), 1, 0)
		n := 5 + r.intn(3)
		for i := range n {
			cx := W * (float64(i) + 0.5) / float64(n)
			amp, f, ph := r.between(0.01, 0.03), r.between(6, 10), r.between(0, 6)
			w := W / float64(n) * r.between(0.3, 0.4)
			bottom := r.between(0.8, 0.95)
			mid := func(y float64) float64 { return cx + amp*fsin(y*f+ph)*(y-rodY)*3 }
			half := func(y float64) float64 { return w * (1 + 0.12*fsin(y*7+ph)) }
			col := colours[(first+i)%len(colours)]
			c.fill(transpose(ribbon(rodY, bottom, mid, half)), func(x, y float64) rgb {
				return silkPaint(col, mid, half)(y, x)
			}, 1, 0)
			for k := -3; k <= 3; k++ {
				x := mid(bottom) + float64(k)*w/3.5
				c.fill(capsule(x, bottom, x+0.002, bottom+0.03, 0.002), flat(col.times(0.85)), 1, 0)
			}
		}
		return
	}
	n := 5 + r.intn(2)
	if product {
		// Folded lengths of silk stacked under the waves.
		for k := range 3 {
			y := 0.82 - float64(k)*0.09
			col := colours[(first+k+2)%len(colours)]
			c.fill(box(W/2+0.01, y+0.02, W*0.3, 0.045, 0.02, 0), flat(rgb{}), 0.2, 0.02)
			c.fill(box(W/2, y, W*0.3, 0.045, 0.02, 0), vgrad(col.times(1.1), col.times(0.85), y-0.045, y+0.045), 1, 0)
		}
		n = 3
	}
	for i := range n {
		y0 := 0.16 + 0.68*float64(i)/float64(n-1)
		if product {
			y0 = 0.18 + 0.16*float64(i)
		}
		a1, f1, p1 := r.between(0.04, 0.1), r.between(1.5, 3), r.between(0, 6)
		a2, f2, p2 := r.between(0.01, 0.03), r.between(4, 7), r.between(0, 6)
		h0, f3, p3 := r.between(0.05, 0.09), r.between(1, 3), r.between(0, 6)
		mid := func(x float64) float64 { return y0 + a1*fsin(x*f1+p1) + a2*fsin(x*f2+p2) }
		half := func(x float64) float64 { return h0 * (1 + 0.35*fsin(x*f3+p3)) }
		c.fill(ribbon(-0.05, W+0.05, mid, half), silkPaint(colours[(first+i)%len(colours)], mid, half), 0.9, 0)
	}
}
