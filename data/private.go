package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// The database holds the staff PIN's hash and the visitor analytics, and the
// PIN's safety rests on no one else reading it: the kiosk's data folder is
// made 0700 and its files 0600, whatever the umask (the systemd unit also
// sets UMask=0077). Files that an earlier version made readable by all are
// made private when the database is opened.

// privateDir and privateFile are the modes of the kiosk's folders and files.
const (
	privateDir  fs.FileMode = 0o700
	privateFile fs.FileMode = 0o600
)

// preparePrivate creates the database's folder and an empty database file,
// both private, before SQLite opens it (SQLite gives the -wal and -shm files
// the database's own mode), and takes away what others may do with those
// that exist. The database's folder is tightened only when the kiosk made
// it for itself (the default data folder): --db may name a file in a folder
// that others share.
func preparePrivate(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, privateDir); err != nil {
		return err
	}
	if def, err := DefaultPath(); err == nil && filepath.Dir(def) == dir {
		tighten(dir)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	switch {
	case err == nil:
		return f.Close()
	case !errors.Is(err, fs.ErrExist):
		return err
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + ".media"} {
		tighten(p)
	}
	return nil
}

// tighten takes away the group's and others' permissions from p, if it
// exists and the kiosk may change it; failing to is not an error, as the
// database still works.
func tighten(p string) {
	if info, err := os.Stat(p); err == nil && info.Mode().Perm()&0o077 != 0 {
		os.Chmod(p, info.Mode().Perm()&^0o077)
	}
}
