//go:build !windows

package media

import "syscall"

// FreeBytes is the space an unprivileged process may still write on the
// file system that holds dir.
func FreeBytes(dir string) (int64, error) {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		return 0, err
	}
	return int64(fs.Bavail) * int64(fs.Bsize), nil
}
