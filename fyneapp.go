// Package ocopkiosk carries FyneApp.toml into the binary. That file is the
// one place the kiosk's name, ID and version are written: `fyne package`
// and the Makefile read it at build time, package buildinfo at run time.
package ocopkiosk

import _ "embed"

// FyneAppTOML is FyneApp.toml, as it was when the binary was built.
//
//go:embed FyneApp.toml
var FyneAppTOML []byte
