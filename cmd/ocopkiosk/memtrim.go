package main

import (
	"context"
	"runtime/debug"
	"time"
)

// trimEvery is how often the kiosk returns freed memory to the system. The
// attract loop decodes and uploads a full-screen photo every few seconds;
// at 15 s a quiet kiosk's memory swung by 50 MB between trims (a forced
// collection of the kiosk's heap costs a few milliseconds of one core).
const trimEvery = 5 * time.Second

// goMemoryLimit is the Go heap's soft limit in the kiosk. Go collects when
// the heap doubles since the last collection; a screen change leaves
// decoded photos and texture copies behind as garbage, so the heap would
// swing between about 60 and 270 MB. Near this limit Go collects sooner.
const goMemoryLimit = 128 << 20

// trimMemory returns memory freed by screens that have gone to the system,
// every trimEvery until ctx ends: Go's heap (which would give it back only
// after minutes) and the C heap, where the renderer's textures live. A
// kiosk that has stood quiet then uses about what it used at its first
// screen (BENCHMARKS.md, the real-window soak).
func trimMemory(ctx context.Context) {
	debug.SetMemoryLimit(goMemoryLimit)
	tick := time.NewTicker(trimEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		debug.FreeOSMemory()
		trimCHeap()
	}
}
