package synth

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"sync"
)

// The generated photos: the size of a typical product shot, at the quality
// of a phone's JPEG, so packs weigh and import like real ones.
const (
	PhotoWidth   = 1600
	PhotoHeight  = 1200
	photoQuality = 80
)

// canvases are reused: a 1600×1200 canvas is 2.9 MB, and thousands of
// photos would otherwise keep the garbage collector busy.
var canvases = sync.Pool{New: func() any {
	return image.NewYCbCr(image.Rect(0, 0, PhotoWidth, PhotoHeight), image.YCbCrSubsampleRatio420)
}}

// drawPhoto draws photo number i of a seed: a still life of a few objects on
// a table before a wall, in colours drawn from the seed, so that photos
// differ at a glance. It paints straight into the Y, Cb and Cr planes that
// the JPEG encoder reads, with plain fills and no anti-aliasing, because
// thousands of photos have to be made in seconds.
func drawPhoto(seed uint64, i int) ([]byte, error) {
	// Each photo has its own stream, so photos can be drawn in any order, on
	// any number of cores, and come out the same.
	r := rand.New(rand.NewPCG(seed, uint64(i)<<32|0x70686f74))
	m := canvases.Get().(*image.YCbCr)
	defer canvases.Put(m)
	paint(m, r)
	var buf bytes.Buffer
	buf.Grow(128 << 10)
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: photoQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ycc is a colour as the canvas stores it.
type ycc struct{ y, cb, cr uint8 }

func hsv(h, s, v float64) ycc {
	h = (h - math.Floor(h)) * 6
	s, v = clamp(s, 0, 1), clamp(v, 0, 1)
	c := v * s
	x := c * (1 - math.Abs(math.Mod(h, 2)-1))
	var r, g, b float64
	switch int(h) {
	case 0:
		r, g = c, x
	case 1:
		r, g = x, c
	case 2:
		g, b = c, x
	case 3:
		g, b = x, c
	case 4:
		r, b = x, c
	default:
		r, b = c, x
	}
	k := v - c
	y, cb, cr := color.RGBToYCbCr(uint8((r+k)*255+0.5), uint8((g+k)*255+0.5), uint8((b+k)*255+0.5))
	return ycc{y, cb, cr}
}

// mix is a between b (t = 0) and c (t = 1).
func mix(b, c ycc, t float64) ycc {
	f := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*t + 0.5) }
	return ycc{f(b.y, c.y), f(b.cb, c.cb), f(b.cr, c.cr)}
}

var white = ycc{255, 128, 128}
var black = ycc{0, 128, 128}

func paint(m *image.YCbCr, r *rand.Rand) {
	w, h := float64(PhotoWidth), float64(PhotoHeight)
	hue := r.Float64()
	top := hsv(hue, 0.2+0.3*r.Float64(), 0.75+0.2*r.Float64())
	bottom := mix(hsv(hue+0.06, 0.35+0.3*r.Float64(), 0.6), black, 0.2*r.Float64())
	horizon := int(h * (0.58 + 0.17*r.Float64()))
	tableHue := hue + 0.5
	if r.IntN(2) == 0 {
		tableHue = 0.06 + 0.04*r.Float64() // wood
	}
	tableNear := hsv(tableHue, 0.4+0.25*r.Float64(), 0.3+0.2*r.Float64())
	tableFar := mix(tableNear, white, 0.2+0.15*r.Float64())
	gradient(m, 0, horizon, top, bottom, 0.04*(r.Float64()-0.5))
	gradient(m, horizon, PhotoHeight, tableFar, tableNear, 0)

	if r.IntN(3) == 0 { // a striped wall
		stripe := mix(top, white, 0.5)
		step := 40 + r.Float64()*80
		for x := r.Float64() * step; x < w; x += step {
			rect(m, x, 0, x+step/3, float64(horizon), stripe, 20)
		}
	}
	for range 3 + r.IntN(5) { // soft out-of-focus lights
		rad := 40 + 180*r.Float64()
		ellipse(m, w*r.Float64(), float64(horizon)*r.Float64(), rad, rad, mix(top, white, 0.4+0.5*r.Float64()), 40+r.IntN(60))
	}
	n := 1 + r.IntN(3)
	for k := range n {
		cx := w * (float64(k) + 0.3 + 0.4*r.Float64()) / float64(n)
		base := float64(horizon) + (h-float64(horizon))*(0.35+0.45*r.Float64())
		size := h * (0.25 + 0.25*r.Float64()) / math.Sqrt(float64(n))
		body := hsv(r.Float64(), 0.45+0.4*r.Float64(), 0.45+0.45*r.Float64())
		ellipse(m, cx+size*0.1, base, size*0.55, size*0.08, black, 90) // shadow
		switch r.IntN(4) {
		case 0: // a vase
			neck := size * (0.12 + 0.08*r.Float64())
			rect(m, cx-neck, base-size*1.25, cx+neck, base-size*0.5, body, 256)
			ellipse(m, cx, base-size*0.45, size*0.42, size*0.45, body, 256)
			ellipse(m, cx, base-size*1.25, neck*1.6, neck*0.45, mix(body, white, 0.25), 256)
			ellipse(m, cx-size*0.15, base-size*0.6, size*0.08, size*0.18, white, 110)
		case 1: // a bowl
			halfEllipse(m, cx, base-size*0.35, size*0.6, size*0.35, body)
			ellipse(m, cx, base-size*0.35, size*0.6, size*0.1, mix(body, black, 0.35), 256)
		case 2: // a box with its lid
			rect(m, cx-size*0.5, base-size*0.6, cx+size*0.5, base, body, 256)
			rect(m, cx-size*0.55, base-size*0.72, cx+size*0.55, base-size*0.58, mix(body, white, 0.3), 256)
			rect(m, cx-size*0.08, base-size*0.6, cx+size*0.08, base, mix(body, hsv(r.Float64(), 0.7, 0.8), 0.7), 256)
		default: // a fruit, or a ball of yarn
			ellipse(m, cx, base-size*0.4, size*0.4, size*0.4, body, 256)
			ellipse(m, cx-size*0.13, base-size*0.55, size*0.1, size*0.1, white, 120)
		}
	}
}

// gradient fills rows y0 to y1 from colour a to colour b, with the luma
// tilted left to right by tilt per pixel for a little depth.
func gradient(m *image.YCbCr, y0, y1 int, a, b ycc, tilt float64) {
	var offset [PhotoWidth]int
	for x := range offset {
		offset[x] = int(tilt * float64(x-PhotoWidth/2))
	}
	for y := y0; y < y1; y++ {
		c := mix(a, b, float64(y-y0)/float64(max(1, y1-y0-1)))
		row := m.Y[y*m.YStride : y*m.YStride+PhotoWidth]
		for x := range row {
			row[x] = uint8(min(255, max(0, int(c.y)+offset[x])))
		}
		if y%2 == 0 {
			cy := y / 2
			fill(m.Cb[cy*m.CStride:cy*m.CStride+PhotoWidth/2], c.cb)
			fill(m.Cr[cy*m.CStride:cy*m.CStride+PhotoWidth/2], c.cr)
		}
	}
}

func fill(row []uint8, v uint8) {
	for i := range row {
		row[i] = v
	}
}

// span gives the part of a shape on the horizontal line at height y (in
// pixels, at pixel centres), or ok false when the line misses it.
type span func(y float64) (x0, x1 float64, ok bool)

func ellipse(m *image.YCbCr, cx, cy, rx, ry float64, c ycc, alpha int) {
	shape(m, cy-ry, cy+ry, func(y float64) (float64, float64, bool) {
		d := (y - cy) / ry
		if d*d >= 1 {
			return 0, 0, false
		}
		half := rx * math.Sqrt(1-d*d)
		return cx - half, cx + half, true
	}, c, alpha)
}

// halfEllipse is the lower half of an ellipse: a bowl's body.
func halfEllipse(m *image.YCbCr, cx, cy, rx, ry float64, c ycc) {
	shape(m, cy, cy+ry, func(y float64) (float64, float64, bool) {
		d := (y - cy) / ry
		if d < 0 || d >= 1 {
			return 0, 0, false
		}
		half := rx * math.Sqrt(1-d*d)
		return cx - half, cx + half, true
	}, c, 256)
}

func rect(m *image.YCbCr, x0, y0, x1, y1 float64, c ycc, alpha int) {
	shape(m, y0, y1, func(y float64) (float64, float64, bool) { return x0, x1, y >= y0 && y < y1 }, c, alpha)
}

// shape fills a shape between heights top and bottom in all three planes:
// luma at every pixel, chroma at every other one, as 4:2:0 stores it.
// alpha is 0 to 256, 256 being opaque.
func shape(m *image.YCbCr, top, bottom float64, s span, c ycc, alpha int) {
	for y := max(0, int(top)); y < min(PhotoHeight, int(bottom)+1); y++ {
		if x0, x1, ok := s(float64(y) + 0.5); ok {
			blendRow(m.Y[y*m.YStride:y*m.YStride+PhotoWidth], x0, x1, c.y, alpha)
		}
	}
	for cy := max(0, int(top)/2); cy < min(PhotoHeight/2, int(bottom)/2+1); cy++ {
		if x0, x1, ok := s(float64(2*cy) + 1); ok {
			blendRow(m.Cb[cy*m.CStride:cy*m.CStride+PhotoWidth/2], x0/2, x1/2, c.cb, alpha)
			blendRow(m.Cr[cy*m.CStride:cy*m.CStride+PhotoWidth/2], x0/2, x1/2, c.cr, alpha)
		}
	}
}

// blendRow paints v over the pixels whose centres lie between x0 and x1.
func blendRow(row []uint8, x0, x1 float64, v uint8, alpha int) {
	i0 := max(0, int(math.Ceil(x0-0.5)))
	i1 := min(len(row), int(math.Ceil(x1-0.5)))
	if i0 >= i1 {
		return
	}
	if alpha >= 256 {
		fill(row[i0:i1], v)
		return
	}
	for i := i0; i < i1; i++ {
		p := int(row[i])
		row[i] = uint8(p + (int(v)-p)*alpha/256)
	}
}
