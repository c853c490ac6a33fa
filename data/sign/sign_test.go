package sign

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func mustKey(t *testing.T) (PublicKey, PrivateKey) {
	t.Helper()
	pub, priv, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func TestSignVerifyRoundTrip(t *testing.T) {
	pub, priv := mustKey(t)
	msg := []byte("pack hanoi-2026-12 v7")
	sig, err := Sign(priv, msg, "ocop pack hanoi-2026-12 v7")
	if err != nil {
		t.Fatal(err)
	}
	got, k, err := Verify(msg, sig, []PublicKey{pub})
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if !k.Equal(pub) || got.TrustedComment != "ocop pack hanoi-2026-12 v7" {
		t.Errorf("verified by %s with comment %q", KeyString(k), got.TrustedComment)
	}
	if _, _, err := Verify([]byte("pack hanoi-2026-12 v8"), sig, []PublicKey{pub}); !errors.Is(err, ErrBadSignature) {
		t.Errorf("changed message: got %v, want ErrBadSignature", err)
	}
	// A changed trusted comment must fail too: it is signed.
	forged := strings.Replace(string(sig), "v7", "v9", 1)
	if _, _, err := Verify(msg, []byte(forged), []PublicKey{pub}); !errors.Is(err, ErrBadSignature) {
		t.Errorf("changed trusted comment: got %v, want ErrBadSignature", err)
	}
	if _, err := Sign(priv, msg, "two\nlines"); err == nil {
		t.Error("a two-line trusted comment was accepted")
	}
}

func TestVerifyNamesUnknownKey(t *testing.T) {
	_, priv := mustKey(t)
	other, _ := mustKey(t)
	sig, _ := Sign(priv, []byte("x"), "c")
	_, _, err := Verify([]byte("x"), sig, []PublicKey{other})
	if !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("got %v, want ErrUnknownKey", err)
	}
	// The message names the key as its public key starts, so a person can
	// compare it with the keys they hold.
	prefix := strings.TrimSuffix(KeyPrefix(priv.ID()), "…")
	if !strings.HasPrefix(KeyString(PublicKeyOf(priv)), prefix) || !strings.Contains(err.Error(), prefix) {
		t.Errorf("error %q should name the key %s", err, KeyString(PublicKeyOf(priv)))
	}
}

func TestSeveralTrustedKeys(t *testing.T) {
	oldPub, oldPriv := mustKey(t)
	newPub, newPriv := mustKey(t)
	trusted := []PublicKey{oldPub, newPub}
	for name, priv := range map[string]PrivateKey{"old": oldPriv, "new": newPriv} {
		sig, _ := Sign(priv, []byte("m"), "c")
		if _, k, err := Verify([]byte("m"), sig, trusted); err != nil || k.ID() != priv.ID() {
			t.Errorf("%s key: %v", name, err)
		}
	}
}

func TestKeyFilesRoundTrip(t *testing.T) {
	pub, priv := mustKey(t)
	text, err := MarshalSecretKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseSecretKey(text, "")
	if err != nil || !back.Equal(priv) {
		t.Fatalf("secret key round trip: %v", err)
	}
	for _, s := range []string{KeyString(pub), string(MarshalPublicKey(pub))} {
		k, err := ParsePublicKey(s)
		if err != nil || !k.Equal(pub) {
			t.Errorf("ParsePublicKey(%q): %v", s, err)
		}
	}
	for _, bad := range []string{"", "RWxyz", "hello\nworld", "untrusted comment: x\nnot base64!"} {
		if _, err := ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted", bad)
		}
	}
	if _, err := ParseSecretKey([]byte("junk"), ""); err == nil {
		t.Error("junk secret key accepted")
	}
}

// TestEncryptedSecretKey uses minisign's real key-derivation cost (scrypt
// with 1 GiB, ~3 s), so it is skipped in -short runs and under the race
// detector, which makes it take 100 s; `go test ./data/sign` runs it.
func TestEncryptedSecretKey(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("scrypt with 1 GiB of memory; run without -short and -race")
	}
	_, priv := mustKey(t)
	text, err := MarshalSecretKey(priv, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseSecretKey(text, ""); !errors.Is(err, ErrNeedsPassword) {
		t.Errorf("no password: got %v, want ErrNeedsPassword", err)
	}
	if _, err := ParseSecretKey(text, "wrong"); err == nil {
		t.Error("a wrong password was accepted")
	}
	back, err := ParseSecretKey(text, "correct horse")
	if err != nil || !back.Equal(priv) {
		t.Errorf("right password: %v", err)
	}
}

// stockMinisign is the path of the minisign tool; the interoperability
// tests skip without it (make test installs it). Under wine
// (make test-windows) they always skip: the installed tool is Debian's
// Linux binary, which a Windows process cannot run.
func stockMinisign(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stock minisign is a Linux tool; checked by the Linux run")
	}
	p, err := exec.LookPath("minisign")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("minisign is not installed; make test installs it (TEST_DEBS)")
		}
		t.Skip("minisign is not installed (apt-get install minisign)")
	}
	return p
}

// TestStockMinisignChecksOurs: what this package signs, with a key it made,
// is accepted by the stock minisign tool, trusted comment included.
func TestStockMinisignChecksOurs(t *testing.T) {
	bin := stockMinisign(t)
	dir := t.TempDir()
	pub, priv := mustKey(t)
	file := filepath.Join(dir, "catalogue.txt")
	os.WriteFile(file, []byte("Bát Tràng ceramics\n"), 0o644)
	comment := FileComment("catalogue.txt", time.Unix(1764547200, 0))
	sig, err := Sign(priv, []byte("Bát Tràng ceramics\n"), comment)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file+SignatureExt, sig, 0o644)
	pubFile := filepath.Join(dir, "office.pub")
	os.WriteFile(pubFile, MarshalPublicKey(pub), 0o644)

	out, err := exec.Command(bin, "-V", "-p", pubFile, "-m", file).CombinedOutput()
	if err != nil {
		t.Fatalf("minisign -V refused our signature: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), comment) {
		t.Errorf("minisign did not show the trusted comment %q:\n%s", comment, out)
	}
	// -P with the one-line key, and -H: ours is the pre-hashed form.
	if out, err := exec.Command(bin, "-V", "-H", "-P", KeyString(pub), "-m", file).CombinedOutput(); err != nil {
		t.Errorf("minisign -V -H -P: %v\n%s", err, out)
	}
	// And it refuses the file once changed.
	os.WriteFile(file, []byte("Bát Tràng ceramics!\n"), 0o644)
	if out, err := exec.Command(bin, "-V", "-p", pubFile, "-m", file).CombinedOutput(); err == nil {
		t.Errorf("minisign accepted a changed file:\n%s", out)
	}
}

// TestWeCheckStockMinisign: keys made and files signed by the stock tool
// are read and checked here, in both its pre-hashed and legacy forms.
func TestWeCheckStockMinisign(t *testing.T) {
	bin := stockMinisign(t)
	dir := t.TempDir()
	pubFile, secFile := filepath.Join(dir, "k.pub"), filepath.Join(dir, "k.key")
	if out, err := exec.Command(bin, "-G", "-W", "-p", pubFile, "-s", secFile).CombinedOutput(); err != nil {
		t.Fatalf("minisign -G: %v\n%s", err, out)
	}
	pub, err := LoadPublicKey(pubFile)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := ReadSecretKey(secFile, "")
	if err != nil {
		t.Fatalf("reading minisign's secret key: %v", err)
	}
	if !PublicKeyOf(priv).Equal(pub) {
		t.Fatal("minisign's secret key does not match its public key")
	}
	msg := []byte("giá 350000 đồng\n")
	file := filepath.Join(dir, "prices.csv")
	os.WriteFile(file, msg, 0o644)
	for _, legacy := range []bool{false, true} {
		args := []string{"-S", "-W", "-s", secFile, "-t", "office says hello", "-m", file}
		if legacy {
			args = append(args, "-l")
		}
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("minisign -S: %v\n%s", err, out)
		}
		sig, _ := os.ReadFile(file + SignatureExt)
		got, _, err := Verify(msg, sig, []PublicKey{pub})
		if err != nil {
			t.Errorf("legacy=%v: our check refused minisign's signature: %v", legacy, err)
		} else if got.TrustedComment != "office says hello" {
			t.Errorf("legacy=%v: trusted comment %q", legacy, got.TrustedComment)
		}
		if _, _, err := Verify(append(msg, 'x'), sig, []PublicKey{pub}); !errors.Is(err, ErrBadSignature) {
			t.Errorf("legacy=%v: changed file: got %v", legacy, err)
		}
	}
	// A key minisign made signs here and minisign checks it.
	sig, _ := Sign(priv, msg, "signed by ocopkiosk with a minisign key")
	os.WriteFile(file+SignatureExt, sig, 0o644)
	if out, err := exec.Command(bin, "-V", "-p", pubFile, "-m", file).CombinedOutput(); err != nil {
		t.Errorf("minisign refused a signature made here with its key: %v\n%s", err, out)
	}
}
