//go:build windows

package media

import "errors"

// FreeBytes is not measured on Windows: the import's space check is skipped
// there, and a full disk is met by the first failed write instead.
func FreeBytes(dir string) (int64, error) { return 0, errors.ErrUnsupported }
