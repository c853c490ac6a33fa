// Command fleetdemo starts an office and N kiosks on this machine, each with
// its own Syncthing (on 127.0.0.1 only) and its own `ocopkiosk fleet sync`,
// publishes a pack and shows `ocopkiosk fleet status` as the kiosks take it
// and report back. `make fleet-demo` runs it; Ctrl-C stops everything.
// It is a tool for people, not part of the kiosk.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"ocopkiosk/internal/fleetlab"
)

func main() {
	n := flag.Int("kiosks", 3, "how many kiosks")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "ocop-fleet-demo"), "where the homes, hubs and databases go (emptied first)")
	bin := flag.String("bin", "bin/ocopkiosk", "the ocopkiosk binary")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := demo(ctx, *n, *dir, *bin); err != nil {
		log.Fatal(err)
	}
}

var centres = []string{"bat-trang", "van-phuc", "long-bien"}

func demo(ctx context.Context, n int, dir, bin string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	os.RemoveAll(dir)
	os.MkdirAll(dir, 0o755)
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf("kiosk-%d", i))
	}
	lab, err := fleetlab.NewLab(ctx, dir, ids)
	if err != nil {
		return err
	}
	for _, d := range append([]*fleetlab.Device{lab.Office}, lab.Kiosks...) {
		f, _ := os.Create(filepath.Join(dir, "syncthing-"+d.Name+".log"))
		defer f.Close()
		d.Log = f
	}
	if err := lab.Start(ctx); err != nil {
		return err
	}
	defer lab.Stop()
	ocop := func(args ...string) error {
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		return cmd.Run()
	}
	key := filepath.Join(dir, "office")
	if err := ocop("keygen", "-o", key); err != nil {
		return err
	}
	for i, id := range ids {
		db := filepath.Join(dir, id, "kiosk.db")
		if err := ocop("fleet", "join", "--hub", lab.KioskHubs[id], "--key", key+".pub", "--kiosk-id", id,
			"--centre", centres[i%len(centres)], "--db", db); err != nil {
			return err
		}
		cmd := exec.CommandContext(ctx, bin, "fleet", "sync", "--db", db, "--rescan", "5s", "--status-every", "10s")
		out, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			return err
		}
		go prefix(id, out)
		defer cmd.Wait()
	}
	packDir := filepath.Join(dir, "pack-december")
	if err := ocop("gen", "--size", "small", "-o", packDir); err != nil {
		return err
	}
	setVersion(filepath.Join(packDir, "manifest.json"), 2)
	if err := ocop("fleet", "publish", packDir, "--key", key+".key", "--hub", lab.OfficeHub, "--id", "hanoi-2026-12"); err != nil {
		return err
	}
	fmt.Printf(`
The office's hub is %s; each kiosk's is %s/<kiosk>/hub.
Syncthing's own pages (GUI): office http://127.0.0.1:%d (API key %s)`, lab.OfficeHub, dir, lab.Office.GUI, lab.Office.APIKey)
	for _, k := range lab.Kiosks {
		fmt.Printf(", %s http://127.0.0.1:%d", k.Name, k.GUI)
	}
	fmt.Printf(`
Publish another pack (raise "version" in its manifest.json first):
  %s fleet publish PACK --key %s.key --hub %s [--centre bat-trang]
Ctrl-C stops everything.

`, bin, key, lab.OfficeHub)
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			fmt.Printf("--- %s: ocopkiosk fleet status --hub %s\n", time.Now().Format("15:04:05"), lab.OfficeHub)
			ocop("fleet", "status", "--hub", lab.OfficeHub)
		}
	}
}

// prefix copies a kiosk's log lines to stdout with its name.
func prefix(name string, r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if line := sc.Text(); !strings.Contains(line, "Fyne error") && !strings.HasPrefix(strings.TrimSpace(line), "Cause:") && !strings.HasPrefix(strings.TrimSpace(line), "At:") {
			fmt.Printf("[%s] %s\n", name, line)
		}
	}
}

// setVersion sets "version" in a pack's manifest.json.
func setVersion(path string, v int) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	s := string(b)
	if i := strings.Index(s, `"version":`); i >= 0 {
		j := i + len(`"version":`)
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] >= '0' && s[k] <= '9') {
			k++
		}
		s = s[:j] + fmt.Sprintf(" %d", v) + s[k:]
	}
	os.WriteFile(path, []byte(s), 0o644)
}
