package pack

// SetFreeBytes replaces how free space is measured, for tests; it returns
// the function that restores it.
func SetFreeBytes(f func(string) (int64, error)) (restore func()) {
	old := freeBytes
	freeBytes = f
	return func() { freeBytes = old }
}
