// Package buildinfo says which kiosk this is: its version (from
// FyneApp.toml), the commit and date it was built from, whether the tree
// had uncommitted changes, and the versions of Go, Fyne and SQLite in it.
// `ocopkiosk version` prints it, staff mode shows it, and support asks for
// it first.
package buildinfo

import (
	"bufio"
	"bytes"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"

	"ocopkiosk"
)

// Stamped by the build (Makefile: go build -ldflags "-X ocopkiosk/buildinfo.Commit=…").
// A plain `go build` in a git checkout leaves them empty and Get falls
// back to what Go itself recorded (commit, and whether the tree was dirty).
var (
	Commit string // the full commit hash
	Date   string // when the binary was built, RFC 3339 UTC
	Dirty  string // "true" if the tree had uncommitted changes
)

// Info is what Get reports.
type Info struct {
	Name, ID string
	Version  string // e.g. 0.1.0, FyneApp.toml's [Details] Version
	Build    int    // FyneApp.toml's [Details] Build
	Commit   string // "unknown" when neither stamped nor recorded
	Dirty    bool
	Date     string // "unknown" when not stamped
	Go       string
	Fyne     string
	SQLite   string
	Platform string // GOOS/GOARCH
}

// Get reads the embedded FyneApp.toml and the build's stamps.
func Get() Info {
	details := parseDetails(ocopkiosk.FyneAppTOML)
	build, _ := strconv.Atoi(details["Build"])
	in := Info{Name: details["Name"], ID: details["ID"], Version: details["Version"], Build: build,
		Commit: Commit, Date: Date, Dirty: Dirty == "true",
		Go: runtime.Version(), Fyne: "unknown", Platform: runtime.GOOS + "/" + runtime.GOARCH}
	in.SQLite, _, _ = sqlite3.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if dep.Path == "fyne.io/fyne/v2" {
				in.Fyne = dep.Version
				if dep.Replace != nil {
					in.Fyne = dep.Replace.Version + " (replaced)"
				}
			}
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && in.Commit == "":
				in.Commit = s.Value
			case s.Key == "vcs.modified" && Dirty == "":
				in.Dirty = s.Value == "true"
			}
		}
	}
	if in.Commit == "" {
		in.Commit = "unknown"
	}
	if in.Date == "" {
		in.Date = "unknown"
	}
	return in
}

// Short is one line: "OCOP Kiosk 0.1.0 (abc1234, dirty)".
func (in Info) Short() string {
	c := in.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if in.Dirty {
		c += ", with uncommitted changes"
	}
	return fmt.Sprintf("%s %s (%s)", in.Name, in.Version, c)
}

// String is the full report, one fact a line, as `ocopkiosk version` prints it.
func (in Info) String() string {
	commit := in.Commit
	if in.Dirty {
		commit += " (built with uncommitted changes)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (build %d)\n", in.Name, in.Version, in.Build)
	fmt.Fprintf(&b, "commit:   %s\n", commit)
	fmt.Fprintf(&b, "built:    %s\n", in.Date)
	fmt.Fprintf(&b, "platform: %s\n", in.Platform)
	fmt.Fprintf(&b, "Go:       %s\n", in.Go)
	fmt.Fprintf(&b, "Fyne:     %s\n", in.Fyne)
	fmt.Fprintf(&b, "SQLite:   %s\n", in.SQLite)
	return b.String()
}

// parseDetails reads the key = value pairs of FyneApp.toml's [Details]
// table. The file is ours and flat (strings and integers), so this is
// enough; a test checks it against the real file.
func parseDetails(toml []byte) map[string]string {
	out := map[string]string{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(toml))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "Details" {
			continue
		}
		value = strings.TrimSpace(value)
		if uq, err := strconv.Unquote(value); err == nil {
			value = uq
		}
		out[strings.TrimSpace(key)] = value
	}
	return out
}
