//go:build !unix

package fleet

// freeDisk is unknown here.
func freeDisk(string) int64 { return -1 }
