package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ocopkiosk/data/fleet"
	"ocopkiosk/data/media"
	"ocopkiosk/data/sign"
)

// The signing commands: keygen, sign and verify. Their files are minisign's
// (see data/sign), so the stock minisign tool reads what they write.

func runKeygen(_ context.Context, e *env, args []string) error {
	fs := e.flags()
	out := fs.String("o", "", "write the key pair to `PREFIX`.key (secret) and PREFIX.pub (public)")
	passFile := passwordFlag(fs)
	force := fs.Bool("force", false, "overwrite an existing key pair")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(e.stderr, "ocopkiosk keygen: -o PREFIX is required")
		fs.Usage()
		return errUsage
	}
	secPath, pubPath := *out+".key", *out+".pub"
	if !*force {
		for _, p := range []string{secPath, pubPath} {
			if _, err := os.Stat(p); err == nil {
				return fmt.Errorf("%s already exists; keys are not overwritten (use --force if you really mean to replace it)", p)
			}
		}
	}
	password, err := readPassword(*passFile)
	if err != nil {
		return err
	}
	pub, priv, err := sign.GenerateKey()
	if err != nil {
		return fmt.Errorf("make key: %w", err)
	}
	secret, err := sign.MarshalSecretKey(priv, password)
	if err != nil {
		return fmt.Errorf("protect the secret key: %w", err)
	}
	if err := writePrivateFile(secPath, secret); err != nil {
		return err
	}
	if err := media.WriteFileAtomic(pubPath, sign.MarshalPublicKey(pub)); err != nil {
		return err
	}
	// A public key is handed to every kiosk and to anyone checking a pack.
	if err := os.Chmod(pubPath, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "secret key: %s (keep it at the office; never copy it to a kiosk)\npublic key: %s\n%s\n",
		secPath, pubPath, sign.KeyString(pub))
	if password == "" {
		fmt.Fprintf(e.stderr, "note: the secret key is not protected by a password; give one with --password-file or %s to protect it\n", sign.PasswordEnv)
	}
	return nil
}

func runSign(_ context.Context, e *env, args []string) error {
	fs := e.flags()
	keyPath := fs.String("key", "", "the secret key `FILE`")
	passFile := passwordFlag(fs)
	comment := fs.String("comment", "", "a one-line trusted `COMMENT`, signed with the file (default: minisign's timestamp and file name)")
	if err := e.parse(fs, args, anyCount); err != nil {
		return err
	}
	if *keyPath == "" || fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "ocopkiosk sign: --key and at least one FILE are required")
		fs.Usage()
		return errUsage
	}
	password, err := readPassword(*passFile)
	if err != nil {
		return err
	}
	priv, err := sign.ReadSecretKey(*keyPath, password)
	if errors.Is(err, sign.ErrNeedsPassword) {
		return fmt.Errorf("%w: give it with --password-file or %s", err, sign.PasswordEnv)
	}
	if err != nil {
		return err
	}
	for _, file := range fs.Args() {
		msg, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("sign: %w", err)
		}
		c := *comment
		if c == "" {
			c = sign.FileComment(filepath.Base(file), time.Now())
		}
		sig, err := sign.Sign(priv, msg, c)
		if err != nil {
			return fmt.Errorf("sign %s: %w", file, err)
		}
		if err := media.WriteFileAtomic(file+sign.SignatureExt, sig); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s%s\n", file, sign.SignatureExt)
	}
	return nil
}

func runVerify(_ context.Context, e *env, args []string) error {
	fs := e.flags()
	var keys keyList
	fs.Var(&keys, "pub", "a trusted public `KEY` (RW…) or .pub file; repeat for several")
	sigPath := fs.String("sig", "", "the signature `FILE` (default: FILE.minisig)")
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	if len(keys) == 0 {
		fmt.Fprintln(e.stderr, "ocopkiosk verify: at least one --pub is required")
		fs.Usage()
		return errUsage
	}
	trusted, err := loadKeys(keys)
	if err != nil {
		return err
	}
	file := fs.Arg(0)
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		return verifyPackFolder(e, file, trusted)
	}
	if *sigPath == "" {
		*sigPath = file + sign.SignatureExt
	}
	msg, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	sigText, err := os.ReadFile(*sigPath)
	if err != nil {
		return fmt.Errorf("verify: no signature: %w", err)
	}
	sig, key, err := sign.Verify(msg, sigText, trusted)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintf(e.stdout, "%s: good signature by %s\ntrusted comment: %s\n", file, sign.KeyString(key), sig.TrustedComment)
	return nil
}

// keyList collects a repeated --pub flag.
type keyList []string

func (k *keyList) String() string     { return strings.Join(*k, ",") }
func (k *keyList) Set(s string) error { *k = append(*k, s); return nil }

func loadKeys(args []string) ([]sign.PublicKey, error) {
	keys := make([]sign.PublicKey, 0, len(args))
	for _, a := range args {
		k, err := sign.LoadPublicKey(a)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

func passwordFlag(fs *flag.FlagSet) *string {
	return fs.String("password-file", "", "read the secret key's password from the first line of `FILE` (default: $"+sign.PasswordEnv+", else none)")
}

// readPassword reads the password from file, else the environment.
func readPassword(file string) (string, error) {
	if file == "" {
		return os.Getenv(sign.PasswordEnv), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimRight(line, "\r"), nil
}

// writePrivateFile writes a secret key whole or not at all, readable by its
// owner only from the start (media.WriteFileAtomic makes files others may read).
func writePrivateFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// verifyPackFolder checks a published pack folder (fleet.json, its
// signature and every file it lists).
func verifyPackFolder(e *env, dir string, trusted []sign.PublicKey) error {
	m, key, err := fleet.CheckFolder(dir, trusted)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	fmt.Fprintf(e.stdout, "%s: good: pack %s for %s, shown until the end of %s (Vietnam time), %d files checked, signed by %s\n",
		dir, m.Name(), m.CentreList(), m.LastDay(), len(m.Files), sign.KeyString(key))
	if !time.Now().Before(m.Expires) {
		// The signature is good, but no kiosk will show it.
		fmt.Fprintf(e.stderr, "warning: %s expired: its last day was %s; kiosks refuse it (publish a newer pack)\n", m.Name(), m.LastDay())
	}
	return nil
}
