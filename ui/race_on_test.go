//go:build race

package ui

// raceDetector: the race detector slows Fyne's software rendering some
// tenfold, so the exhaustive tests (every screen × shape × language, every
// query typed key by key) check a sample under it; `make test` runs them
// whole without it too.
const raceDetector = true
