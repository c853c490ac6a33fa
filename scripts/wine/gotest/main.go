// Command gotest reads `go test -json` output of Windows test binaries run
// under wine and decides what failed. Wine 8.0 (Debian 12) lacks
// FileDispositionInformationEx, which Go 1.26's os.RemoveAll uses on
// Windows; there, the removal of every t.TempDir fails with "Invalid
// function." after the test itself has passed. A test that failed with
// exactly that cleanup message and nothing else is counted apart as
// "failed only in wine's cleanup"; any other failure, a crash or a build
// error fails the run. Usage:
//
//	GOOS=windows go test -json -exec wine64 ./data/... | go run ./scripts/wine/gotest
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

type event struct {
	Action, Package, Test, Output string
}

// wineCleanup is the one failure that is wine's, not ours.
var wineCleanup = regexp.MustCompile(`^\s*testing\.go:\d+: TempDir RemoveAll cleanup: .*: Invalid function\.\s*$`)

func main() {
	outputs := map[string][]string{} // package + test → output lines
	wineTests := map[string]bool{}
	var passed, wineOnly int
	var real []string
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Println(sc.Text()) // build errors come as plain text
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			outputs[key] = append(outputs[key], e.Output)
			if e.Test == "" || !strings.HasPrefix(strings.TrimSpace(e.Output), "=== ") {
				fmt.Print(e.Output)
			}
		case "pass":
			if e.Test != "" {
				passed++
			}
		case "fail":
			if e.Test == "" {
				// A package fails if any test did; only a package whose
				// tests all passed or failed in cleanup is wine's.
				if !packageOK(outputs, e.Package, real) {
					real = append(real, e.Package+" (package)")
				}
				continue
			}
			switch onlyWineCleanup(outputs[key]) {
			case yes:
				wineOnly++
				wineTests[key] = true
			case silent: // a parent whose subtests failed
				if !subtestsWineOnly(wineTests, key, real) {
					real = append(real, key)
				} else {
					wineOnly++
					wineTests[key] = true
				}
			default:
				real = append(real, key)
			}
		}
	}
	fmt.Printf("\nwine: %d tests passed, %d passed but failed only in wine's t.TempDir cleanup, %d failed\n", passed, wineOnly, len(real))
	if len(real) > 0 {
		sort.Strings(real)
		fmt.Println("failed:\n  " + strings.Join(real, "\n  "))
		os.Exit(1)
	}
}

type verdict int

const (
	no     verdict = iota // a message of its own: a real failure
	yes                   // nothing but wine's cleanup message
	silent                // no message at all: a parent of failed subtests
)

// onlyWineCleanup reads a failed test's output: its own messages, apart
// from the headers and wine's cleanup message.
func onlyWineCleanup(lines []string) verdict {
	found := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "", strings.HasPrefix(t, "=== "), strings.HasPrefix(t, "--- "):
		case wineCleanup.MatchString(l):
			found = true
		default:
			return no
		}
	}
	if found {
		return yes
	}
	return silent
}

// subtestsWineOnly reports whether a silent parent's failure comes only
// from subtests that failed in wine's cleanup.
func subtestsWineOnly(wine map[string]bool, parent string, real []string) bool {
	for _, r := range real {
		if strings.HasPrefix(r, parent+"/") {
			return false
		}
	}
	for k := range wine {
		if strings.HasPrefix(k, parent+"/") {
			return true
		}
	}
	return false
}

// packageOK reports whether a failed package's failure is explained by its
// tests: no real test failure was recorded for it, and its output shows no
// panic or build error.
func packageOK(outputs map[string][]string, pkg string, real []string) bool {
	for _, r := range real {
		if strings.HasPrefix(r, pkg+" ") {
			return false
		}
	}
	for _, l := range outputs[pkg+" "] {
		t := strings.TrimSpace(l)
		if t != "FAIL" && t != "PASS" && !strings.HasPrefix(t, "FAIL\t") && !strings.HasPrefix(t, "ok ") &&
			!strings.HasPrefix(t, "coverage:") && t != "" {
			return false
		}
	}
	return true
}
