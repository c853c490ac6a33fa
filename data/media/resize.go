package media

// Resize makes a photo's display copy and thumbnail, as Add stores them,
// without storing anything: for benchmarks against other resizers.
func Resize(original []byte) (display, thumb []byte, err error) {
	img, _, err := Decode(original)
	if err != nil {
		return nil, nil, err
	}
	d := fit(img, DisplayMax)
	if display, err = encodeJPEG(d); err != nil {
		return nil, nil, err
	}
	thumb, err = encodeJPEG(fit(d, ThumbMax))
	return display, thumb, err
}
