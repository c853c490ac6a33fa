package main

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time the calling OS thread has used: a measure of
// a search's own cost that other processes' load does not inflate (lock
// the goroutine to its thread around the measured call).
func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
