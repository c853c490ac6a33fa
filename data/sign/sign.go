// Package sign makes and checks Ed25519 signatures in the minisign format
// (https://jedisct1.github.io/minisign/), so that what the office signs with
// ocopkiosk can be checked with the stock minisign tool, and the other way
// round. Keys and signatures are minisign's own files: a secret key file
// (optionally protected by a password), a public key ("RW…", one line of
// base64, or the two-line .pub file) and FILE.minisig beside a signed file.
//
// The work is done by aead.dev/minisign; this package adds what the kiosk
// and the office need around it: reading keys from files or strings,
// several trusted keys at once (for key rotation), and refusals that say
// which key signed when it is not a trusted one.
package sign

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"aead.dev/minisign"
)

// PublicKey is a minisign public key: it checks signatures.
type PublicKey = minisign.PublicKey

// PrivateKey is a minisign secret key: it makes signatures.
type PrivateKey = minisign.PrivateKey

// Signature is a parsed minisign signature.
type Signature = minisign.Signature

// SignatureExt is the extension minisign gives a file's signature.
const SignatureExt = ".minisig"

// PasswordEnv is the environment variable a password for the secret key may
// come from, for scripts; a file given on the command line takes precedence.
const PasswordEnv = "OCOP_KEY_PASSWORD"

// ErrUnknownKey means a signature was made by a key that is not trusted;
// the error's text names the key.
var ErrUnknownKey = errors.New("signature by an unknown key")

// ErrBadSignature means a signature does not match what it signs: the file
// was changed after signing, or the signature was damaged.
var ErrBadSignature = errors.New("signature does not match")

// ErrNeedsPassword means a secret key is protected by a password and none was given.
var ErrNeedsPassword = errors.New("the secret key is protected by a password")

// GenerateKey makes a new key pair.
func GenerateKey() (PublicKey, PrivateKey, error) {
	return minisign.GenerateKey(nil)
}

// MarshalSecretKey writes priv in minisign's secret key format: encrypted
// with password, or in the clear when password is empty (as `minisign -G -W`).
// Encryption uses minisign's own cost (scrypt with 1 GiB of memory), so it
// takes a few seconds.
func MarshalSecretKey(priv PrivateKey, password string) ([]byte, error) {
	if password == "" {
		return priv.MarshalText()
	}
	return minisign.EncryptKey(password, priv)
}

// ParseSecretKey reads a secret key file's text; password is only used for
// an encrypted key.
func ParseSecretKey(text []byte, password string) (PrivateKey, error) {
	if minisign.IsEncrypted(text) {
		if password == "" {
			return PrivateKey{}, ErrNeedsPassword
		}
		k, err := minisign.DecryptKey(password, text)
		if err != nil {
			return PrivateKey{}, errors.New("the password is wrong, or the key file is damaged")
		}
		return k, nil
	}
	var k PrivateKey
	if err := k.UnmarshalText(bytes.TrimSpace(text)); err != nil {
		return PrivateKey{}, fmt.Errorf("not a minisign secret key: %w", err)
	}
	return k, nil
}

// ReadSecretKey reads a secret key file.
func ReadSecretKey(path, password string) (PrivateKey, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return PrivateKey{}, fmt.Errorf("read secret key: %w", err)
	}
	k, err := ParseSecretKey(text, password)
	if err != nil {
		return PrivateKey{}, fmt.Errorf("secret key %s: %w", path, err)
	}
	return k, nil
}

// MarshalPublicKey writes pub as minisign's .pub file: a comment line naming
// the key id, then the key.
func MarshalPublicKey(pub PublicKey) []byte {
	text, _ := pub.MarshalText() // never fails
	return append(text, '\n')
}

// ParsePublicKey reads a public key given as its base64 line ("RW…") or as
// the text of a .pub file.
func ParsePublicKey(s string) (PublicKey, error) {
	s = strings.TrimSpace(s)
	if lines := strings.Split(s, "\n"); len(lines) > 1 {
		if !strings.HasPrefix(lines[0], "untrusted comment:") {
			return PublicKey{}, errors.New("not a minisign public key: expected one line of base64 (RW…) or a .pub file")
		}
		s = strings.TrimSpace(lines[1])
	}
	var k PublicKey
	if err := k.UnmarshalText([]byte(s)); err != nil {
		return PublicKey{}, fmt.Errorf("not a minisign public key (expected RW… base64): %w", err)
	}
	return k, nil
}

// LoadPublicKey reads a public key from arg: the key itself ("RW…") or the
// path of a .pub file.
func LoadPublicKey(arg string) (PublicKey, error) {
	if strings.HasPrefix(strings.TrimSpace(arg), "RW") {
		if k, err := ParsePublicKey(arg); err == nil {
			return k, nil
		}
	}
	text, err := os.ReadFile(arg)
	if err != nil {
		return PublicKey{}, fmt.Errorf("public key %q: neither a key (RW…) nor a readable file: %w", arg, err)
	}
	k, err := ParsePublicKey(string(text))
	if err != nil {
		return PublicKey{}, fmt.Errorf("public key %s: %w", arg, err)
	}
	return k, nil
}

// KeyString is pub as one line of base64, as minisign prints it and as
// `minisign -P` takes it.
func KeyString(pub PublicKey) string { return pub.String() }

// KeyID is a key id as minisign writes it: 16 upper-case hex digits.
func KeyID(id uint64) string { return fmt.Sprintf("%016X", id) }

// KeyPrefix is the start of the public key (as KeyString writes it) whose id
// is id: what a person can compare with the keys they trust when only a
// signature is at hand.
func KeyPrefix(id uint64) string {
	var b [10]byte
	binary.LittleEndian.PutUint16(b[:], minisign.EdDSA)
	binary.LittleEndian.PutUint64(b[2:], id)
	return base64.StdEncoding.EncodeToString(b[:9])[:12] + "…"
}

// Sign signs message with priv in minisign's default (pre-hashed) form,
// with trustedComment signed along with it. The comment must be one line.
func Sign(priv PrivateKey, message []byte, trustedComment string) ([]byte, error) {
	if strings.ContainsAny(trustedComment, "\r\n") {
		return nil, errors.New("a trusted comment must be one line")
	}
	r := minisign.NewReader(bytes.NewReader(message))
	io.Copy(io.Discard, r) // reading a byte slice cannot fail
	untrusted := "signature from minisign secret key " + KeyID(priv.ID())
	return r.SignWithComments(priv, trustedComment, untrusted), nil
}

// FileComment is the trusted comment Sign gives a file when none is asked
// for: minisign's own ("timestamp:… file:… hashed").
func FileComment(name string, now time.Time) string {
	return "timestamp:" + strconv.FormatInt(now.Unix(), 10) + "\tfile:" + name + "\thashed"
}

// Verify checks signature against message with whichever trusted key made
// it, and returns the parsed signature (its TrustedComment is authentic)
// and that key. A signature by none of trusted is ErrUnknownKey, naming
// the key's start (RW…) and id; one that does not match is ErrBadSignature.
func Verify(message, signature []byte, trusted []PublicKey) (Signature, PublicKey, error) {
	var sig Signature
	if err := sig.UnmarshalText(signature); err != nil {
		return sig, PublicKey{}, fmt.Errorf("not a minisign signature: %w", err)
	}
	for _, k := range trusted {
		if k.ID() != sig.KeyID {
			continue
		}
		if !minisign.Verify(k, message, signature) {
			return sig, k, ErrBadSignature
		}
		return sig, k, nil
	}
	return sig, PublicKey{}, fmt.Errorf("%w %s (key id %s)", ErrUnknownKey, KeyPrefix(sig.KeyID), KeyID(sig.KeyID))
}

// PublicKeyOf is the public key that checks priv's signatures.
func PublicKeyOf(priv PrivateKey) PublicKey {
	return priv.Public().(PublicKey)
}
