//go:build devtools && windows

package main

import (
	"syscall"
	"time"
	"unsafe"
)

// cpuTime is the CPU time this process has used, user and kernel
// (Windows has no getrusage: GetProcessTimes gives the same).
func cpuTime() time.Duration {
	var creation, exit, kernel, user syscall.Filetime
	h, err := syscall.GetCurrentProcess()
	if err != nil || syscall.GetProcessTimes(h, &creation, &exit, &kernel, &user) != nil {
		return 0
	}
	// Filetimes here are durations in 100 ns units, not dates.
	ticks := func(f syscall.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(kernel) + ticks(user)) * 100)
}

// residentBytes is the process's working set (what Windows keeps in RAM),
// from psapi's GetProcessMemoryInfo.
func residentBytes() int64 {
	var counters struct {
		cb                         uint32
		pageFaultCount             uint32
		peakWorkingSetSize         uintptr
		workingSetSize             uintptr
		quotaPeakPagedPoolUsage    uintptr
		quotaPagedPoolUsage        uintptr
		quotaPeakNonPagedPoolUsage uintptr
		quotaNonPagedPoolUsage     uintptr
		pagefileUsage              uintptr
		peakPagefileUsage          uintptr
	}
	counters.cb = uint32(unsafe.Sizeof(counters))
	h, err := syscall.GetCurrentProcess()
	if err != nil {
		return 0
	}
	proc := syscall.NewLazyDLL("psapi.dll").NewProc("GetProcessMemoryInfo")
	if ok, _, _ := proc.Call(uintptr(h), uintptr(unsafe.Pointer(&counters)), uintptr(counters.cb)); ok == 0 {
		return 0
	}
	return int64(counters.workingSetSize)
}
