package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"syscall"
)

// checkDataFolder makes sure the kiosk can keep its database at db before
// anything is opened, so that a folder it cannot write gives one line that
// says where and why instead of SQLite's "unable to open database file".
// An existing database on a read-only disk passes: the store opens it
// read-only (a locked-down image), and only a missing one is an error.
func checkDataFolder(db string) error {
	dir := filepath.Dir(db)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return dataFolderError(dir, err)
	}
	_, statErr := os.Stat(db)
	exists := statErr == nil
	if exists {
		f, err := os.OpenFile(db, os.O_RDWR, 0)
		if errors.Is(err, syscall.EROFS) {
			return nil
		}
		if err != nil {
			return dataFolderError(db, err)
		}
		f.Close()
	}
	// SQLite also writes its journal files beside the database.
	f, err := os.CreateTemp(dir, ".ocopkiosk-write-check-*")
	if err != nil {
		if exists && errors.Is(err, syscall.EROFS) {
			return nil
		}
		return dataFolderError(dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

func dataFolderError(path string, err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot create the kiosk's database: %s is on a read-only disk (give a writable path with --db)", path)
	case errors.Is(err, fs.ErrPermission):
		who := "this user"
		if u, uerr := user.Current(); uerr == nil {
			who = "user " + u.Username
		}
		return fmt.Errorf("no write access to %s for %s: the kiosk's user must own its data folder (or give another path with --db)", path, who)
	}
	return fmt.Errorf("cannot use the data folder %s: %w", path, err)
}
