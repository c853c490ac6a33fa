package main

import (
	"os"
	"runtime/pprof"
	"testing"
)

func TestTime(t *testing.T) {
	jobs, _ := collect("../../sample")
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	for _, j := range jobs {
		drawFile(t.TempDir(), j, false)
	}
}
