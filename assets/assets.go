// Package assets holds what the binary carries with it: the built-in sample
// content pack (nine of Hanoi's craft villages, their products and tours)
// that a fresh kiosk starts on, and the application icon.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed all:sample
var sample embed.FS

// Sample is the built-in content pack, rooted at its manifest.json.
func Sample() fs.FS {
	sub, err := fs.Sub(sample, "sample")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

//go:embed icon.png
var icon []byte

// Icon is the application icon, a PNG.
func Icon() []byte { return icon }
