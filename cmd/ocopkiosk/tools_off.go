//go:build !devtools

package main

// toolCommands is empty in the kiosk: bench and gen are built only with
// -tags devtools (see tools.go).
var toolCommands map[string]command
