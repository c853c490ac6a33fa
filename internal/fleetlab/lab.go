// Package fleetlab runs a fleet on one machine with real Syncthing
// processes: an office and N kiosks, each with its own Syncthing home,
// listening on 127.0.0.1 only, with global and local discovery, relays,
// NAT traversal, usage reporting and upgrades off. The devices know each
// other's addresses from their config.xml, written before they start. It
// serves the end-to-end test and `make fleet-demo`; it is not part of the
// kiosk.
package fleetlab

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Device is one Syncthing instance.
type Device struct {
	Name    string
	Home    string
	ID      string
	Listen  int // sync protocol port on 127.0.0.1
	GUI     int // REST API port on 127.0.0.1
	APIKey  string
	Folders []Folder
	Peers   []*Device
	Log     io.Writer

	cmd  *exec.Cmd
	done chan struct{}
}

// Folder is one shared folder of a device.
type Folder struct {
	ID    string
	Path  string
	Type  string // sendonly, receiveonly, sendreceive
	Peers []*Device
}

// NewDevice makes a Syncthing home (keys and a device id) under home.
func NewDevice(ctx context.Context, name, home string) (*Device, error) {
	out, err := exec.CommandContext(ctx, "syncthing", "generate", "--home="+home, "--no-default-folder", "--skip-port-probing").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("syncthing generate: %v\n%s", err, out)
	}
	var id string
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "Device ID:"); ok {
			id = strings.TrimSpace(rest)
		}
	}
	if id == "" {
		return nil, fmt.Errorf("syncthing generate printed no device id:\n%s", out)
	}
	listen, err := freePort()
	if err != nil {
		return nil, err
	}
	gui, err := freePort()
	if err != nil {
		return nil, err
	}
	return &Device{Name: name, Home: home, ID: id, Listen: listen, GUI: gui, APIKey: "ocop-lab-" + name}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// WriteConfig writes config.xml: the device, its peers with their fixed
// addresses, its folders, and everything that would reach beyond this
// machine turned off. Syncthing fills in the defaults of the rest.
func (d *Device) WriteConfig() error {
	var b strings.Builder
	x := html.EscapeString
	fmt.Fprintf(&b, "<configuration version=\"36\">\n")
	for _, f := range d.Folders {
		if err := os.MkdirAll(filepath.Join(f.Path, ".stfolder"), 0o755); err != nil {
			return err
		}
		// Our own atomic writes leave short-lived .tmp-* files; they are
		// not worth sending.
		if err := os.WriteFile(filepath.Join(f.Path, ".stignore"), []byte("(?d).tmp-*\n"), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&b, "  <folder id=\"%s\" label=\"%s\" path=\"%s\" type=\"%s\" rescanIntervalS=\"5\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\">\n",
			x(f.ID), x(f.ID), x(f.Path), f.Type)
		fmt.Fprintf(&b, "    <device id=\"%s\"></device>\n", d.ID)
		for _, p := range f.Peers {
			fmt.Fprintf(&b, "    <device id=\"%s\"></device>\n", p.ID)
		}
		b.WriteString("  </folder>\n")
	}
	fmt.Fprintf(&b, "  <device id=\"%s\" name=\"%s\"><address>dynamic</address></device>\n", d.ID, x(d.Name))
	for _, p := range d.Peers {
		fmt.Fprintf(&b, "  <device id=\"%s\" name=\"%s\"><address>tcp://127.0.0.1:%d</address></device>\n", p.ID, x(p.Name), p.Listen)
	}
	fmt.Fprintf(&b, `  <gui enabled="true" tls="false"><address>127.0.0.1:%d</address><apikey>%s</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:%d</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <reconnectionIntervalS>2</reconnectionIntervalS>
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
`, d.GUI, d.APIKey, d.Listen)
	return os.WriteFile(filepath.Join(d.Home, "config.xml"), []byte(b.String()), 0o600)
}

// Start runs Syncthing and waits until its REST API answers.
func (d *Device) Start(ctx context.Context) error {
	d.cmd = exec.Command("syncthing", "serve", "--home="+d.Home, "--no-browser", "--no-restart", "--no-upgrade")
	d.cmd.Env = append(os.Environ(), "STNOUPGRADE=1", "STNODEFAULTFOLDER=1", "STNORESTART=1")
	ownGroup(d.cmd)
	if d.Log != nil {
		d.cmd.Stdout, d.cmd.Stderr = d.Log, d.Log
	}
	if err := d.cmd.Start(); err != nil {
		return fmt.Errorf("start syncthing %s: %w", d.Name, err)
	}
	d.done = make(chan struct{})
	go func() { d.cmd.Wait(); close(d.done) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if err := d.REST(ctx, "GET", "/rest/system/ping", nil, nil); err == nil {
			return nil
		}
		select {
		case <-d.done:
			return fmt.Errorf("syncthing %s exited at start", d.Name)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return fmt.Errorf("syncthing %s did not answer within 30 s", d.Name)
}

// Kill stops Syncthing at once (SIGKILL), as a power cut would.
func (d *Device) Kill() {
	if d.cmd != nil && d.cmd.Process != nil {
		killGroup(d.cmd)
		<-d.done
		d.cmd = nil
	}
}

// REST calls Syncthing's REST API; out, when not nil, receives the JSON answer.
func (d *Device) REST(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, fmt.Sprintf("http://127.0.0.1:%d%s", d.GUI, path), rd)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", d.APIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, msg)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

// Lab is an office and its kiosks, each with its own hub folder.
type Lab struct {
	Office    *Device
	OfficeHub string
	Kiosks    []*Device
	KioskHubs map[string]string // kiosk id → its hub folder
}

// ContentFolder and KioskFolder are the Syncthing folder ids.
const ContentFolder = "ocop-content"

// KioskFolder is the Syncthing folder id of a kiosk's own hub folder.
func KioskFolder(id string) string { return "ocop-kiosk-" + id }

// NewLab makes the homes, hubs and configs of an office and kiosks under dir:
// the office sends content/ to every kiosk; each kiosk sends kiosks/<id>/
// to the office.
func NewLab(ctx context.Context, dir string, kioskIDs []string) (*Lab, error) {
	office, err := NewDevice(ctx, "office", filepath.Join(dir, "office", "syncthing"))
	if err != nil {
		return nil, err
	}
	lab := &Lab{Office: office, OfficeHub: filepath.Join(dir, "office", "hub"), KioskHubs: map[string]string{}}
	content := Folder{ID: ContentFolder, Path: filepath.Join(lab.OfficeHub, "content"), Type: "sendonly"}
	for _, id := range kioskIDs {
		k, err := NewDevice(ctx, id, filepath.Join(dir, id, "syncthing"))
		if err != nil {
			return nil, err
		}
		hub := filepath.Join(dir, id, "hub")
		lab.KioskHubs[id] = hub
		k.Peers = []*Device{office}
		k.Folders = []Folder{
			{ID: ContentFolder, Path: filepath.Join(hub, "content"), Type: "receiveonly", Peers: []*Device{office}},
			{ID: KioskFolder(id), Path: filepath.Join(hub, "kiosks", id), Type: "sendonly", Peers: []*Device{office}},
		}
		office.Peers = append(office.Peers, k)
		content.Peers = append(content.Peers, k)
		office.Folders = append(office.Folders, Folder{ID: KioskFolder(id), Path: filepath.Join(lab.OfficeHub, "kiosks", id), Type: "receiveonly", Peers: []*Device{k}})
		lab.Kiosks = append(lab.Kiosks, k)
	}
	office.Folders = append([]Folder{content}, office.Folders...)
	for _, d := range append([]*Device{office}, lab.Kiosks...) {
		if err := d.WriteConfig(); err != nil {
			return nil, err
		}
	}
	return lab, nil
}

// Start starts every device.
func (l *Lab) Start(ctx context.Context) error {
	for _, d := range append([]*Device{l.Office}, l.Kiosks...) {
		if err := d.Start(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Stop kills every device.
func (l *Lab) Stop() {
	for _, d := range append([]*Device{l.Office}, l.Kiosks...) {
		d.Kill()
	}
}
