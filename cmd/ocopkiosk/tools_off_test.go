//go:build !devtools

package main

import (
	"strings"
	"testing"
)

// The kiosk that showrooms run carries no benchmark or synthetic-data code:
// bench and gen exist only in builds with -tags devtools.
func TestTheKioskHasNoEngineersTools(t *testing.T) {
	help, _, _ := ocopkiosk(t, "help")
	for _, name := range []string{"bench", "gen"} {
		if strings.Contains(help, "\n  "+name+" ") {
			t.Errorf("help lists %s", name)
		}
		if _, errOut, code := ocopkiosk(t, name); code != 2 || !strings.Contains(errOut, "unknown command") {
			t.Errorf("%s: exit %d, %q", name, code, errOut)
		}
	}
}
