//go:build devtools

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenWritesAPackThatValidates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gen")
	stdout, stderr, code := ocopkiosk(t, "gen", "--size", "national", "--products", "20", "--villages", "4",
		"--tours", "3", "--images", "5", "--seed", "42", "-o", out)
	if code != 0 {
		t.Fatalf("gen: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "4 villages, 20 products, 3 tours, 5 photos (seed 42)") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("summary: %q", stdout)
	}
	stdout, stderr, code = ocopkiosk(t, "validate", out)
	if code != 0 {
		t.Fatalf("validate: exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "is valid: 4 villages, 20 products, 3 tours") {
		t.Errorf("validate: %q", stdout)
	}
	photos, _ := filepath.Glob(filepath.Join(out, "images", "*.jpg"))
	if len(photos) != 5 {
		t.Errorf("%d photos written, want 5", len(photos))
	}
}

func TestGenRefusesBadArguments(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"gen", "--size", "galactic", "-o", filepath.Join(dir, "a")},
		{"gen", "--products", "5"}, // no -o
	} {
		if _, _, code := ocopkiosk(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// An existing folder is never overwritten.
	if _, _, code := ocopkiosk(t, "gen", "--images", "1", "--products", "1", "--villages", "1", "--tours", "0", "-o", dir); code != 1 {
		t.Errorf("gen over an existing folder: exit %d, want 1", code)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("gen left %d files in the existing folder", len(entries))
	}
}
