// Package fleet is how one office publishes signed content packs to many
// kiosks through a shared folder, the hub, and gets their health and
// analytics back. The hub is only a folder tree: Syncthing keeps it in step
// between the office and the kiosks, but a USB stick or a network share with
// the same layout works as well (see docs/fleet.md):
//
//	HUB/content/<pack-id>-v<version>/       office → kiosks: one signed pack
//	    fleet.json                          what is signed: id, version, centres, expiry, every file's SHA-256
//	    fleet.json.minisig                  its minisign signature
//	    pack/ or pack.zip                   the content pack itself
//	HUB/kiosks/<kiosk-id>/                  kiosk → office: one folder per kiosk
//	    status.json                         its heartbeat, rewritten at least every 5 minutes
//	    events/YYYY-MM-DD.csv               that day's analytics (daily totals), rewritten whole
//	    screen.jpg                          its screen, 640 px wide, every 5 minutes
//
// This package knows nothing of Fyne: the kiosk's screens ask it for a
// View and tell it when a visitor is away.
package fleet

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
)

// The hub's folders and files.
const (
	ContentDir     = "content"
	KiosksDir      = "kiosks"
	ManifestFile   = "fleet.json"
	SignatureFile  = "fleet.json.minisig"
	PackFolder     = "pack"
	PackZip        = "pack.zip"
	StatusFile     = "status.json"
	EventsDir      = "events"
	ScreenshotFile = "screen.jpg"
)

// Hub is a hub folder.
type Hub string

// Content is the folder of published packs.
func (h Hub) Content() string { return filepath.Join(string(h), ContentDir) }

// Kiosk is the folder one kiosk writes.
func (h Hub) Kiosk(id string) string { return filepath.Join(string(h), KiosksDir, id) }

// Status is where a kiosk's status.json is.
func (h Hub) Status(id string) string { return filepath.Join(h.Kiosk(id), StatusFile) }

// Events is where a kiosk's events file for day (YYYY-MM-DD) is.
func (h Hub) Events(id, day string) string {
	return filepath.Join(h.Kiosk(id), EventsDir, day+".csv")
}

// idPattern is the rule for pack, kiosk and centre ids: the pack format's
// rule for codes, and safe as a folder name everywhere.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// ValidID reports whether s may be a pack, kiosk or centre id.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// isTransient reports whether a file name is one that a copy in progress
// leaves: Syncthing's temporary files (.syncthing.NAME.tmp, and
// ~syncthing~NAME.tmp on Windows), and the ".tmp-" files of our own atomic
// writes and publishing.
func isTransient(name string) bool {
	return strings.HasPrefix(name, ".syncthing.") && strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, "~syncthing~") && strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, ".tmp-") || strings.HasPrefix(name, ".publishing-")
}

// isHidden reports whether a name in content/ is not a pack: a dot file
// (Syncthing's .stfolder, .stignore, .stversions; our temporary folders).
func isHidden(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~") }

func errorsIs(err, target error) bool { return errors.Is(err, target) }
