package fleet

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// manifestFormat is the format of fleet.json this package writes and reads.
const manifestFormat = 1

// Manifest is fleet.json: what the office signs for one pack. The signature
// covers these exact bytes, so every field and every file's hash is signed.
type Manifest struct {
	Format  int         `json:"format"`
	PackID  string      `json:"pack_id"`
	Version int         `json:"version"`           // only goes up: a kiosk refuses one not above what it accepted
	Centres []string    `json:"centres,omitempty"` // empty: every centre
	Title   string      `json:"title,omitempty"`
	Created time.Time   `json:"created"`
	Expires time.Time   `json:"expires"`
	Files   []FileEntry `json:"files"` // every file of the pack, by path
}

// FileEntry is one file of a pack: its path in the pack's hub folder (with
// /), its size and its SHA-256.
type FileEntry struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Name is how people see a pack: "hanoi-2026-12 v7".
func (m *Manifest) Name() string { return fmt.Sprintf("%s v%d", m.PackID, m.Version) }

// DirName is the pack's folder name in content/.
func (m *Manifest) DirName() string { return fmt.Sprintf("%s-v%d", m.PackID, m.Version) }

// ForCentre reports whether the pack is for centre (every pack is, when it
// names no centre).
func (m *Manifest) ForCentre(centre string) bool {
	return len(m.Centres) == 0 || slices.Contains(m.Centres, centre)
}

// CentreList is the pack's centres for people: "all centres" or "a, b".
func (m *Manifest) CentreList() string {
	if len(m.Centres) == 0 {
		return "all centres"
	}
	return strings.Join(m.Centres, ", ")
}

// packPath is where the content pack is, relative to the pack folder: the
// pack/ folder, or pack.zip.
func (m *Manifest) packPath() string {
	for _, f := range m.Files {
		if f.Path == PackZip {
			return PackZip
		}
	}
	return PackFolder
}

// CentreTime is the centres' clock: Vietnam, UTC+7 all year. A pack's
// last day ends at midnight there, not at midnight UTC (07:00 in Hanoi).
var CentreTime = time.FixedZone("ICT", 7*60*60)

// EndOfDay is when the centres' day holding t ends: the expiry of a pack
// whose last day is that day.
func EndOfDay(t time.Time) time.Time {
	y, mo, d := t.In(CentreTime).Date()
	return time.Date(y, mo, d+1, 0, 0, 0, 0, CentreTime)
}

// LastDay is the last day, in the centres' time, on which the pack may be
// shown: the day --expires named.
func (m *Manifest) LastDay() string { return lastDay(m.Expires) }

// lastDay is the centres' day that ends at expires.
func lastDay(expires time.Time) string {
	return expires.In(CentreTime).Add(-time.Nanosecond).Format("2006-01-02")
}

// TrustedComment is the one line signed with the manifest, so that
// `minisign -V` shows which pack it checked.
func (m *Manifest) TrustedComment() string {
	centres := "all"
	if len(m.Centres) > 0 {
		centres = strings.Join(m.Centres, ",")
	}
	return fmt.Sprintf("ocop pack %s centres=%s last-day=%s", m.Name(), centres, m.LastDay())
}

// Marshal is the manifest's bytes as written and signed.
func (m *Manifest) Marshal() []byte {
	b, _ := json.MarshalIndent(m, "", "  ") // plain data: cannot fail
	return append(b, '\n')
}

// ParseManifest reads and checks fleet.json.
func ParseManifest(b []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("fleet.json is not readable: %w", err)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &m, nil
}

func (m *Manifest) check() error {
	switch {
	case m.Format != manifestFormat:
		return fmt.Errorf("fleet.json format %d: this kiosk reads format %d (update the kiosk)", m.Format, manifestFormat)
	case !ValidID(m.PackID):
		return fmt.Errorf("fleet.json: pack id %q is not valid (letters, digits, - and _)", m.PackID)
	case m.Version < 1:
		return fmt.Errorf("fleet.json: version %d: must be 1 or more", m.Version)
	case m.Expires.IsZero():
		return errors.New("fleet.json: no expiry date")
	case len(m.Files) == 0:
		return errors.New("fleet.json lists no files")
	}
	for _, c := range m.Centres {
		if !ValidID(c) {
			return fmt.Errorf("fleet.json: centre id %q is not valid", c)
		}
	}
	seen := map[string]bool{}
	for _, f := range m.Files {
		if !safeRelPath(f.Path) || !(f.Path == PackZip || strings.HasPrefix(f.Path, PackFolder+"/")) {
			return fmt.Errorf("fleet.json: file %q is not inside the pack", f.Path)
		}
		if seen[f.Path] {
			return fmt.Errorf("fleet.json: file %q is listed twice", f.Path)
		}
		seen[f.Path] = true
		if len(f.SHA256) != 64 || f.Size < 0 {
			return fmt.Errorf("fleet.json: file %q has no valid SHA-256 and size", f.Path)
		}
	}
	return nil
}

// safeRelPath reports whether p is a clean relative path with / that stays
// inside its folder.
func safeRelPath(p string) bool {
	return p != "" && fs.ValidPath(p) && path.Clean(p) == p && !strings.Contains(p, `\`) && !strings.Contains(p, ":")
}

// hashFile copies src to dst (when dst is not "") while computing its
// SHA-256 and size, so that what is checked is exactly what is copied.
func hashFile(src, dst string) (sum string, size int64, err error) {
	in, err := os.Open(src)
	if err != nil {
		return "", 0, err
	}
	defer in.Close()
	h := sha256.New()
	var w io.Writer = h
	var out *os.File
	if dst != "" {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", 0, err
		}
		if out, err = os.Create(dst); err != nil {
			return "", 0, err
		}
		defer out.Close()
		w = io.MultiWriter(h, out)
	}
	size, err = io.Copy(w, in)
	if err != nil {
		return "", 0, err
	}
	if out != nil {
		if err := out.Close(); err != nil {
			return "", 0, err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}
