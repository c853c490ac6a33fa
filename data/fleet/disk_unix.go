//go:build unix

package fleet

import "syscall"

// freeDisk is the space free for the kiosk under path, or -1.
func freeDisk(path string) int64 {
	var s syscall.Statfs_t
	if syscall.Statfs(path, &s) != nil {
		return -1
	}
	return int64(s.Bavail) * int64(s.Bsize)
}
