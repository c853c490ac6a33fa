package fleet

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"ocopkiosk/data/media"
	"ocopkiosk/data/pack"
	"ocopkiosk/data/sign"
)

// PublishOptions say what to publish a pack as.
type PublishOptions struct {
	PackID  string    // default: the pack's file or folder name
	Centres []string  // empty: every centre
	Expires time.Time // when it may no longer be shown; default: the end of the day 180 days after Now (EndOfDay)
	Now     time.Time // default: time.Now()
}

// DefaultLifetime is how long a published pack is good for unless told.
const DefaultLifetime = 180 * 24 * time.Hour

// Publish checks the pack at packPath (a folder or .zip) completely, then
// places it in the hub's content folder, signed with key: first in a hidden
// folder, then renamed into place, so that a kiosk never sees half of it.
// The version is the pack's own (manifest.json "version"); it must be above
// every version already in the hub.
func Publish(ctx context.Context, hub Hub, packPath string, key sign.PrivateKey, opts PublishOptions) (*Manifest, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Expires.IsZero() {
		opts.Expires = EndOfDay(opts.Now.Add(DefaultLifetime))
	}
	if !opts.Expires.After(opts.Now) {
		return nil, fmt.Errorf("the last day %s is already past", lastDay(opts.Expires))
	}
	if opts.PackID == "" {
		opts.PackID = strings.TrimSuffix(filepath.Base(filepath.Clean(packPath)), filepath.Ext(packPath))
	}
	if !ValidID(opts.PackID) {
		return nil, fmt.Errorf("pack id %q is not valid: use letters, digits, - and _ (give one with --id)", opts.PackID)
	}
	for _, c := range opts.Centres {
		if !ValidID(c) {
			return nil, fmt.Errorf("centre id %q is not valid: use letters, digits, - and _", c)
		}
	}
	cat, err := pack.Validate(ctx, packPath, pack.Options{})
	if err != nil {
		return nil, fmt.Errorf("the pack has problems; nothing was published:\n%w", err)
	}
	m := &Manifest{Format: manifestFormat, PackID: opts.PackID, Version: cat.Pack.Version,
		Centres: opts.Centres, Title: cat.Pack.Title, Created: opts.Now.UTC().Truncate(time.Second),
		Expires: opts.Expires.UTC().Truncate(time.Second)}
	if newest, err := NewestPublished(hub); err != nil {
		return nil, err
	} else if newest != nil && newest.Version >= m.Version {
		return nil, fmt.Errorf("the hub already holds %s: a kiosk only takes a higher version; raise \"version\" in the pack's manifest.json above %d", newest.Name(), newest.Version)
	}
	final := filepath.Join(hub.Content(), m.DirName())
	if _, err := os.Stat(final); err == nil {
		return nil, fmt.Errorf("%s already exists", final)
	}
	if err := os.MkdirAll(hub.Content(), 0o755); err != nil {
		return nil, fmt.Errorf("hub folder: %w", err)
	}
	// Staged beside content/, not in it: Syncthing shares content/ and
	// must not start sending a half-made pack; the rename is atomic on
	// the hub's file system.
	staging, err := os.MkdirTemp(string(hub), ".publishing-")
	if err != nil {
		return nil, fmt.Errorf("hub folder: %w", err)
	}
	defer os.RemoveAll(staging) // nothing left once renamed
	if m.Files, err = copyPack(packPath, staging); err != nil {
		return nil, err
	}
	body := m.Marshal()
	sig, err := sign.Sign(key, body, m.TrustedComment())
	if err != nil {
		return nil, err
	}
	if err := media.WriteFileAtomic(filepath.Join(staging, ManifestFile), body); err != nil {
		return nil, err
	}
	if err := media.WriteFileAtomic(filepath.Join(staging, SignatureFile), sig); err != nil {
		return nil, err
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, err
	}
	if err := os.Rename(staging, final); err != nil {
		return nil, fmt.Errorf("place the pack in the hub: %w", err)
	}
	return m, media.SyncDir(hub.Content())
}

// copyPack copies a pack folder to dst/pack/, or a zip to dst/pack.zip,
// listing every file with its hash. Links and special files are refused.
func copyPack(src, dst string) ([]FileEntry, error) {
	info, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	var files []FileEntry
	add := func(from, rel string) error {
		sum, size, err := hashFile(from, filepath.Join(dst, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("copy %s: %w", from, err)
		}
		files = append(files, FileEntry{Path: rel, Size: size, SHA256: sum})
		return nil
	}
	if !info.IsDir() {
		return files, add(src, PackZip)
	}
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is a link or special file; a pack holds ordinary files only", p)
		}
		rel, _ := filepath.Rel(src, p)
		return add(p, PackFolder+"/"+filepath.ToSlash(rel))
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

// Published lists the manifests of the packs in the hub (unverified: this
// is the office reading its own hub), and the folders it could not read.
func Published(hub Hub) ([]*Manifest, []error) {
	entries, err := os.ReadDir(hub.Content())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{fmt.Errorf("hub content folder: %w", err)}
	}
	var out []*Manifest
	var bad []error
	for _, e := range entries {
		if !e.IsDir() || isHidden(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(hub.Content(), e.Name(), ManifestFile))
		if err != nil {
			bad = append(bad, fmt.Errorf("%s: %w", filepath.Join(ContentDir, e.Name()), err))
			continue
		}
		m, err := ParseManifest(b)
		if err != nil {
			bad = append(bad, fmt.Errorf("%s: %w", filepath.Join(ContentDir, e.Name()), err))
			continue
		}
		out = append(out, m)
	}
	return out, bad
}

// NewestPublished is the hub's pack with the highest version, or nil.
func NewestPublished(hub Hub) (*Manifest, error) {
	ms, _ := Published(hub)
	var newest *Manifest
	for _, m := range ms {
		if newest == nil || m.Version > newest.Version {
			newest = m
		}
	}
	return newest, nil
}
