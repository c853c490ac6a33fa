package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsAreQuietUnderAnyLocale runs a command as its own process (Fyne
// reads the locale when its packages start) under locales Fyne cannot parse:
// nothing may be written to stderr.
func TestCommandsAreQuietUnderAnyLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"stats", "--db", db}, &out, &errb); code != 0 {
		t.Fatalf("make the database: %s", errb.String())
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"C", "C.UTF-8", "POSIX", "xx_YY.UTF-8", "en_!!", "vi_VN.UTF-8"} {
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
			"OCOP_TEST_RUN="+strings.Join([]string{"stats", "--db", db}, "\x1f"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("LANG=%s: %v: %s", lang, err, stderr.String())
			continue
		}
		if stderr.Len() > 0 {
			t.Errorf("LANG=%s: stderr:\n%s", lang, stderr.String())
		}
	}
}
