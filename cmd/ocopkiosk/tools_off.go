//go:build !devtools

package main

// toolCommands is empty in the kiosk: bench, gen and search-eval are built only with
// -tags devtools (see tools.go).
var toolCommands map[string]command
