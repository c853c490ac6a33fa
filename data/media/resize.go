package media

import (
	"image"
	stddraw "image/draw"

	xdraw "golang.org/x/image/draw"
)

// Resize makes a photo's display copy and thumbnail, as Add stores them,
// without storing anything: for benchmarks against other resizers.
func Resize(original []byte) (display, thumb []byte, err error) {
	img, _, err := Decode(original)
	if err != nil {
		return nil, nil, err
	}
	makeDisplay, makeThumb := variants(original, img)
	if display, err = makeDisplay(); err != nil {
		return nil, nil, err
	}
	thumb, err = makeThumb()
	return display, thumb, err
}

// variants says how to make a photo's display copy and thumbnail. A JPEG
// no larger than the display size is its own display copy: decoding and
// encoding it again would only cost time and sharpness. That is most of an
// import's time saved for photos already prepared for screens.
func variants(original []byte, img image.Image) (display, thumb func() ([]byte, error)) {
	b := img.Bounds()
	small := b.Dx() <= DisplayMax && b.Dy() <= DisplayMax
	display = func() ([]byte, error) {
		if small && isJPEG(original) {
			return original, nil
		}
		return encodeJPEG(fit(img, DisplayMax))
	}
	thumb = func() ([]byte, error) { return encodeJPEG(fit(img, ThumbMax)) }
	return display, thumb
}

func isJPEG(b []byte) bool { return len(b) > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF }

// scaleDown shrinks img to w×h. Large reductions first halve the image
// with a 2×2 box filter, as often as it stays at least twice the target,
// then finish with bilinear interpolation: this is as sharp as a full
// resampling kernel for a photo on a screen, without its cost (which made
// a 2,000-photo import take minutes), and it never aliases, because the
// last step shrinks by less than half.
func scaleDown(img image.Image, w, h int) *image.RGBA {
	// Converting JPEG's YCbCr once is cheaper than converting every sample
	// the interpolation reads.
	rgba := toRGBA(img)
	for rgba.Rect.Dx() >= 2*w && rgba.Rect.Dy() >= 2*h {
		rgba = halve(rgba)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(dst, dst.Rect, rgba, rgba.Rect, xdraw.Src, nil)
	return dst
}

// toRGBA converts img (the standard library has a fast path from JPEG's YCbCr).
func toRGBA(img image.Image) *image.RGBA {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Rect.Min == (image.Point{}) {
		return rgba
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(rgba, rgba.Rect, img, b.Min, stddraw.Src)
	return rgba
}

// halve averages each 2×2 block of src into one pixel.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		out := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			i, o := 8*x, 4*x
			for c := 0; c < 4; c++ {
				out[o+c] = uint8((uint16(r0[i+c]) + uint16(r0[i+4+c]) + uint16(r1[i+c]) + uint16(r1[i+4+c]) + 2) / 4)
			}
		}
	}
	return dst
}

// Shrink scales img down to w×h, as the display copies are made: for a
// photo shown smaller than it is stored, so that its texture is no larger
// than what is drawn.
func Shrink(img image.Image, w, h int) *image.RGBA { return scaleDown(img, w, h) }

// RGBA converts img to the form a texture is uploaded from, for a photo
// shown at the size it is stored: done once, off the UI goroutine, instead
// of by the renderer at every upload.
func RGBA(img image.Image) *image.RGBA { return toRGBA(img) }
