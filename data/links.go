package data

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// MaxLinkLength bounds a link: a longer one makes a QR code too dense to scan
// from a metre.
const MaxLinkLength = 512

// CheckLink reports why a web address from a pack may not be shown to a
// visitor, or nil when it may: https only, a plain host name (no user name,
// password or port, ASCII only so that no look-alike letters can hide where
// it goes), and not too long.
func CheckLink(raw string) error {
	if len(raw) > MaxLinkLength {
		return fmt.Errorf("address is %d characters long; at most %d are allowed", len(raw), MaxLinkLength)
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f {
			return errors.New("address contains spaces or control characters; encode them (%20) or remove them")
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a web address (%v)", err)
	}
	switch {
	case !strings.EqualFold(u.Scheme, "https"):
		return errors.New("must start with https://")
	case u.Opaque != "" || u.Host == "":
		return errors.New("has no host name; expected https://host/…")
	case u.User != nil:
		return errors.New("must not contain a user name or password before the host (the part before @)")
	case u.Port() != "":
		return errors.New("must not name a port (the :number after the host)")
	}
	host := u.Hostname()
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return fmt.Errorf("host %q must be plain letters, digits, dots and hyphens", host)
		}
	}
	if !strings.Contains(host, ".") {
		return fmt.Errorf("host %q is not a public domain name", host)
	}
	return nil
}
