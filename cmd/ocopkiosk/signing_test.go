package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeygenSignVerify(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "office")
	out, errOut, code := ocopkiosk(t, "keygen", "-o", prefix)
	if code != 0 {
		t.Fatalf("keygen: exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "not protected by a password") {
		t.Errorf("keygen without a password should say so: %q", errOut)
	}
	info, err := os.Stat(prefix + ".key")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("secret key: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	pubLine := strings.Split(strings.TrimSpace(out), "\n")[2]
	if !strings.HasPrefix(pubLine, "RW") {
		t.Fatalf("keygen did not print the public key: %q", out)
	}
	if _, errOut, code := ocopkiosk(t, "keygen", "-o", prefix); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("keygen over an existing key: exit %d, %q", code, errOut)
	}

	file := filepath.Join(dir, "release.tar.gz")
	os.WriteFile(file, []byte("the release"), 0o644)
	if _, errOut, code := ocopkiosk(t, "sign", "--key", prefix+".key", "--comment", "ocopkiosk 1.4.0", file); code != 0 {
		t.Fatalf("sign: exit %d: %s", code, errOut)
	}
	// Checked with the .pub file, and with the key itself.
	for _, pub := range []string{prefix + ".pub", pubLine} {
		out, errOut, code := ocopkiosk(t, "verify", "--pub", pub, file)
		if code != 0 || !strings.Contains(out, "good signature by "+pubLine) || !strings.Contains(out, "trusted comment: ocopkiosk 1.4.0") {
			t.Errorf("verify --pub %s: exit %d\n%s%s", pub, code, out, errOut)
		}
	}

	// Another key is named in the refusal; a changed file is refused.
	other := filepath.Join(dir, "other")
	ocopkiosk(t, "keygen", "-o", other)
	_, errOut, code = ocopkiosk(t, "verify", "--pub", other+".pub", file)
	if code != 1 || !strings.Contains(errOut, "signature by an unknown key "+pubLine[:12]) {
		t.Errorf("verify with the wrong key: exit %d, %q", code, errOut)
	}
	// Rotation: with both keys trusted, the signature is good.
	if _, errOut, code := ocopkiosk(t, "verify", "--pub", other+".pub", "--pub", prefix+".pub", file); code != 0 {
		t.Errorf("verify with two trusted keys: exit %d, %s", code, errOut)
	}
	os.WriteFile(file, []byte("the release, changed"), 0o644)
	if _, errOut, code := ocopkiosk(t, "verify", "--pub", prefix+".pub", file); code != 1 || !strings.Contains(errOut, "signature does not match") {
		t.Errorf("verify of a changed file: exit %d, %q", code, errOut)
	}
}

func TestSignUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"keygen"}, {"sign", "x"}, {"verify", "x"}} {
		if _, _, code := ocopkiosk(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, errOut, code := ocopkiosk(t, "sign", "--key", "/nonexistent.key", "x"); code != 1 || !strings.Contains(errOut, "nonexistent.key") {
		t.Errorf("missing key: exit %d, %q", code, errOut)
	}
}

// TestSignCommandsWithStockMinisign: ocopkiosk's keys and signatures work
// with the stock minisign tool, both ways.
func TestSignCommandsWithStockMinisign(t *testing.T) {
	bin, err := exec.LookPath("minisign")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("minisign is not installed; make test installs it")
		}
		t.Skip("minisign is not installed")
	}
	dir := t.TempDir()
	prefix := filepath.Join(dir, "office")
	ocopkiosk(t, "keygen", "-o", prefix)
	file := filepath.Join(dir, "pack.zip")
	os.WriteFile(file, []byte("zip bytes"), 0o644)
	ocopkiosk(t, "sign", "--key", prefix+".key", file)
	if out, err := exec.Command(bin, "-V", "-p", prefix+".pub", "-m", file).CombinedOutput(); err != nil {
		t.Errorf("minisign -V refused ocopkiosk sign: %v\n%s", err, out)
	}
	// minisign signs with ocopkiosk's secret key; ocopkiosk verifies.
	if out, err := exec.Command(bin, "-S", "-W", "-s", prefix+".key", "-t", "by minisign", "-m", file).CombinedOutput(); err != nil {
		t.Fatalf("minisign -S with ocopkiosk's key: %v\n%s", err, out)
	}
	out, errOut, code := ocopkiosk(t, "verify", "--pub", prefix+".pub", file)
	if code != 0 || !strings.Contains(out, "trusted comment: by minisign") {
		t.Errorf("verify of minisign's signature: exit %d\n%s%s", code, out, errOut)
	}
}
