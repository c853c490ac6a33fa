package buildinfo

import (
	"regexp"
	"strings"
	"testing"
)

func TestVersionComesFromFyneAppTOML(t *testing.T) {
	in := Get()
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(in.Version) {
		t.Fatalf("version %q is not x.y.z", in.Version)
	}
	if in.Name != "OCOP Kiosk" || in.ID != "vn.ocop.kiosk" || in.Build < 1 {
		t.Fatalf("details %+v", in)
	}
	// Test binaries record no modules, so in.Fyne is checked on the real
	// binary (cmd/ocopkiosk's TestVersionCommand).
	if !regexp.MustCompile(`^3\.\d+\.\d+$`).MatchString(in.SQLite) {
		t.Errorf("SQLite version %q", in.SQLite)
	}
}

func TestParseDetailsReadsOnlyDetails(t *testing.T) {
	d := parseDetails([]byte("Website = \"x\"\n\n[Details]\n# c\nName = \"A = B\"\nBuild = 7\n[Other]\nName = \"no\"\n"))
	if d["Name"] != "A = B" || d["Build"] != "7" || d["Website"] != "" {
		t.Fatalf("%v", d)
	}
}

func TestStampsWinAndDirtyShows(t *testing.T) {
	defer func(c, d, dirty string) { Commit, Date, Dirty = c, d, dirty }(Commit, Date, Dirty)
	Commit, Date, Dirty = "0123456789abcdef0123", "2026-11-30T20:00:00Z", "true"
	in := Get()
	s := in.String()
	for _, want := range []string{"commit:   0123456789abcdef0123 (built with uncommitted changes)", "built:    2026-11-30T20:00:00Z", "SQLite:   3."} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if got := in.Short(); got != "OCOP Kiosk "+in.Version+" (0123456789ab, with uncommitted changes)" {
		t.Errorf("short %q", got)
	}
	Dirty = "false"
	if strings.Contains(Get().String(), "uncommitted") {
		t.Error("a clean stamp still says uncommitted")
	}
}
