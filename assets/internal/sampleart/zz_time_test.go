package main

import (
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

func TestTime(t *testing.T) {
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	for v := range scenes {
		start := time.Now()
		for i := range 4 {
			render(job{path: v + string(rune('a'+i)), village: v, product: i%2 == 0}, 1600, 900)
		}
		t.Log(v, time.Since(start)/4)
	}
}
