package fleet

import (
	"fmt"
	"os"
	"path/filepath"

	"ocopkiosk/data/sign"
)

// CheckFolder checks a published pack folder as a kiosk would, short of
// the kiosk's own rules (centre, expiry, version): the signature against
// trusted, then every file's size and SHA-256. It is for the office and
// for `ocopkiosk verify` on a pack folder.
func CheckFolder(dir string, trusted []sign.PublicKey) (*Manifest, sign.PublicKey, error) {
	body, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, sign.PublicKey{}, err
	}
	sigText, err := os.ReadFile(filepath.Join(dir, SignatureFile))
	if err != nil {
		return nil, sign.PublicKey{}, fmt.Errorf("unsigned: %w", err)
	}
	_, key, err := sign.Verify(body, sigText, trusted)
	if err != nil {
		return nil, key, err
	}
	m, err := ParseManifest(body)
	if err != nil {
		return nil, key, err
	}
	for _, f := range m.Files {
		sum, size, err := hashFile(filepath.Join(dir, filepath.FromSlash(f.Path)), "")
		if err != nil {
			return m, key, fmt.Errorf("%s: %w", f.Path, err)
		}
		if sum != f.SHA256 || size != f.Size {
			return m, key, fmt.Errorf("%s is not the file that was signed (its SHA-256 differs)", f.Path)
		}
	}
	return m, key, nil
}
