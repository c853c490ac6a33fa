package fleet

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"ocopkiosk/lang"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"ocopkiosk/data/sign"
)

// Refusal is a pack the kiosk will not show, and why, in words staff and
// the office understand: "pack hanoi-2026-12 v7: signature by an unknown
// key RWQ…".
type Refusal struct {
	Folder  string `json:"folder"`            // the pack's folder in content/
	PackID  string `json:"pack_id,omitempty"` // when known
	Version int    `json:"version,omitempty"`
	Reason  string `json:"reason"`  // a code: see the Reason* constants
	Message string `json:"message"` // the whole sentence
}

// The reasons a pack is refused (Refusal.Reason); docs/fleet.md explains each.
const (
	ReasonUnsigned     = "unsigned"
	ReasonUnknownKey   = "unknown-key"
	ReasonBadSignature = "bad-signature"
	ReasonDamaged      = "damaged"      // fleet.json unreadable, or files missing after the folder settled
	ReasonTampered     = "tampered"     // a file differs from its signed SHA-256
	ReasonOtherCentre  = "other-centre" // for another centre
	ReasonExpired      = "expired"
	ReasonNotNewer     = "not-newer" // version not above the one accepted (replay or roll back)
	ReasonContent      = "content"   // the pack itself has problems (pack.Validate)
)

func (r Refusal) Error() string { return r.Message }

// inspection is what the kiosk made of one folder in content/.
type inspection struct {
	folder      string
	fingerprint string      // names, sizes and times of everything in it
	manifest    *Manifest   // a signed, checked manifest; nil for an unsigned pack
	unsigned    string      // for an unsigned pack: the pack's path in the folder
	waiting     lang.Phrase // not complete yet: why
	refusal     *Refusal    // refused: why
}

// checkRules are what a pack must meet on this kiosk.
type checkRules struct {
	trusted       []sign.PublicKey
	requireSigned bool
	centre        string
	highWater     int // the highest version accepted so far
	now           time.Time
}

// scanFolder lists a pack folder: its regular files' sizes by slash path,
// how many are transient (a copy in progress), and a fingerprint that
// changes whenever anything in it does.
func scanFolder(dir string) (sizes map[string]int64, transient int, fingerprint string, err error) {
	sizes = map[string]int64{}
	var fp strings.Builder
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if isTransient(d.Name()) {
			transient++
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.Type().IsRegular() {
			sizes[rel] = info.Size()
		}
		fmt.Fprintf(&fp, "%s\x00%d\x00%d\n", rel, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return sizes, transient, fp.String(), err
}

// inspect decides what to do with one folder of content/, short of
// checking the files' hashes (done while copying, see stage).
func inspect(content, folder string, rules checkRules) *inspection {
	dir := filepath.Join(content, folder)
	in := &inspection{folder: folder}
	sizes, transient, fp, err := scanFolder(dir)
	in.fingerprint = fp
	refuseAs := func(reason, packID string, version int, format string, args ...any) *inspection {
		name := "folder " + folder
		if packID != "" {
			name = fmt.Sprintf("pack %s v%d", packID, version)
		}
		in.refusal = &Refusal{Folder: folder, PackID: packID, Version: version, Reason: reason,
			Message: name + ": " + fmt.Sprintf(format, args...)}
		return in
	}
	switch {
	case err != nil:
		in.waiting = lang.Phrasef("cannot read the folder yet: %v", err)
		return in
	case transient > 0:
		in.waiting = lang.Phrasef("%d file(s) still being copied", transient)
		return in
	case len(sizes) == 0:
		in.waiting = lang.Phrasef("the folder is empty")
		return in
	}
	_, hasManifest := sizes[ManifestFile]
	_, hasSig := sizes[SignatureFile]
	if !hasSig {
		if rules.requireSigned {
			return refuseAs(ReasonUnsigned, "", 0, "unsigned (no %s); this kiosk only takes packs signed by the office", SignatureFile)
		}
		if p := unsignedPackPath(sizes); p != "" {
			in.unsigned = p
			v, err := packVersion(filepath.Join(dir, p))
			if err != nil {
				return refuseAs(ReasonContent, "", 0, "unsigned, and its manifest.json cannot be read: %v", err)
			}
			// Only the id and version: nothing else is known, or proven.
			in.manifest = &Manifest{PackID: folder, Version: v}
			if v <= rules.highWater {
				return refuseAs(ReasonNotNewer, folder, v, "(unsigned) version %d is not newer than version %d, already taken", v, rules.highWater)
			}
			return in
		}
		return refuseAs(ReasonUnsigned, "", 0, "no %s and no content pack in it", SignatureFile)
	}
	if !hasManifest {
		return refuseAs(ReasonDamaged, "", 0, "%s is missing", ManifestFile)
	}
	body, err1 := os.ReadFile(filepath.Join(dir, ManifestFile))
	sigText, err2 := os.ReadFile(filepath.Join(dir, SignatureFile))
	if err1 != nil || err2 != nil {
		in.waiting = lang.Phrasef("cannot read %s yet", ManifestFile)
		return in
	}
	_, _, err = sign.Verify(body, sigText, rules.trusted)
	if err != nil {
		// Name the pack from the (unproven) manifest, so the office knows which.
		id, v := folder, 0
		if m, perr := ParseManifest(body); perr == nil {
			id, v = m.PackID, m.Version
		}
		reason := ReasonBadSignature
		msg := "the signature does not match fleet.json: it was changed after signing, or damaged on the way"
		switch {
		case errorsIs(err, sign.ErrUnknownKey):
			reason, msg = ReasonUnknownKey, err.Error()+"; this kiosk does not trust that key"
		case !errorsIs(err, sign.ErrBadSignature):
			msg = err.Error()
		}
		return refuseAs(reason, id, v, "%s", msg)
	}
	m, err := ParseManifest(body)
	if err != nil {
		return refuseAs(ReasonDamaged, "", 0, "%v", err)
	}
	in.manifest = m
	switch {
	case !m.ForCentre(rules.centre):
		return refuseAs(ReasonOtherCentre, m.PackID, m.Version, "for %s, not this kiosk's centre %q", m.CentreList(), rules.centre)
	case !rules.now.Before(m.Expires):
		return refuseAs(ReasonExpired, m.PackID, m.Version, "expired: its last day was %s (Vietnam time)", m.LastDay())
	case m.Version <= rules.highWater:
		return refuseAs(ReasonNotNewer, m.PackID, m.Version, "version %d is not newer than version %d, already taken (an old pack sent again is never shown)", m.Version, rules.highWater)
	}
	missing, short := 0, ""
	for _, f := range m.Files {
		if size, ok := sizes[f.Path]; !ok || size != f.Size {
			missing++
			if short == "" {
				short = f.Path
			}
		}
	}
	if missing > 0 {
		in.waiting = lang.Phrasef("%d of %d files still to come (%s)", missing, len(m.Files), short)
		in.refusal = &Refusal{Folder: folder, PackID: m.PackID, Version: m.Version, Reason: ReasonDamaged,
			Message: fmt.Sprintf("pack %s: incomplete: %d of %d files missing or of the wrong size, such as %s", m.Name(), missing, len(m.Files), short)}
	}
	return in
}

// unsignedPackPath finds a content pack in an unsigned folder: pack.zip,
// pack/, or the folder itself when it holds manifest.json.
func unsignedPackPath(sizes map[string]int64) string {
	if _, ok := sizes[PackZip]; ok {
		return PackZip
	}
	if _, ok := sizes[PackFolder+"/manifest.json"]; ok {
		return PackFolder
	}
	if _, ok := sizes["manifest.json"]; ok {
		return "."
	}
	return ""
}

// sortedRefusals orders refusals by folder, for a steady status.json.
func sortedRefusals(rs []Refusal) []Refusal {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Folder < rs[j].Folder })
	return rs
}

// packVersion reads "version" from an unsigned pack's manifest.json, in a
// folder or a zip, without checking the rest (the import does).
func packVersion(path string) (int, error) {
	var b []byte
	if strings.HasSuffix(path, ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return 0, err
		}
		defer zr.Close()
		f, err := zr.Open("manifest.json")
		if err != nil {
			return 0, err
		}
		defer f.Close()
		if b, err = io.ReadAll(io.LimitReader(f, 1<<20)); err != nil {
			return 0, err
		}
	} else {
		var err error
		if b, err = os.ReadFile(filepath.Join(path, "manifest.json")); err != nil {
			return 0, err
		}
	}
	var m struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return 0, err
	}
	return m.Version, nil
}
