package data_test

import (
	"os"
	"path/filepath"
	"testing"

	"ocopkiosk/data"
)

// openStore opens a fresh store on a file in the test's temporary folder.
func openStore(tb testing.TB) *data.Store {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "kiosk.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }
