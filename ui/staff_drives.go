package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// A kiosk's content arrives on a USB stick. The picker starts at the
// removable drives: on Linux the folders udisks and desktop automounters
// mount sticks under (/media/USER/NAME, /run/media/USER/NAME, /media/NAME)
// and any other mount point below /media or /run/media; on Windows the
// drive letters after C:.

// drive is a removable drive (or a folder standing in for one).
type drive struct {
	name string // what staff read: the stick's label
	path string
}

// removableDrives lists the mounted removable drives, or when bases is
// given (tests, screenshots), the folders inside bases.
func removableDrives(bases []string) []drive {
	system := bases == nil
	if system {
		bases = removableBases()
	}
	var out []drive
	seen := map[string]bool{}
	add := func(p string) {
		if seen[p] {
			return
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			seen[p] = true
			out = append(out, drive{name: filepath.Base(p), path: p})
		}
	}
	if runtime.GOOS == "windows" && len(bases) == 0 {
		for _, d := range "DEFGHIJKLMNOPQRSTUVWXYZ" {
			p := string(d) + `:\`
			if _, err := os.Stat(p); err == nil {
				out = append(out, drive{name: string(d) + ":", path: p})
			}
		}
		return out
	}
	for _, base := range bases {
		entries, err := os.ReadDir(base)
		if err != nil {
			continue
		}
		for _, e := range entries {
			p := filepath.Join(base, e.Name())
			// /media/USER is itself a base (its sticks are listed), not a stick.
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !slices.Contains(bases, p) {
				add(p)
			}
		}
	}
	if system {
		for _, m := range mountPoints() {
			add(m)
		}
	}
	slices.SortFunc(out, func(a, b drive) int { return strings.Compare(a.name, b.name) })
	return out
}

// removableBases are the folders whose sub-folders are removable drives.
func removableBases() []string {
	if runtime.GOOS == "windows" {
		return []string{}
	}
	var bases []string
	if u := os.Getenv("USER"); u != "" {
		bases = append(bases, "/media/"+u, "/run/media/"+u)
	}
	return append(bases, "/media")
}

// mountPoints are the mounted file systems below /media and /run/media,
// read from /proc/mounts (Linux only; elsewhere none). /mnt is left out: it
// holds the system's own mounts more often than a stick.
func mountPoints() []string {
	f, err := os.Open("/proc/mounts")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		// /proc/mounts writes a space in a path as \040.
		p := strings.ReplaceAll(fields[1], `\040`, " ")
		for _, root := range []string{"/media/", "/run/media/"} {
			if strings.HasPrefix(p, root) {
				out = append(out, p)
			}
		}
	}
	return out
}
