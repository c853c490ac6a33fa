package ui

import "ocopkiosk/data"

// session is what one visitor has set up: filters, search text, where each
// screen was scrolled to, and the text size. The idle reset replaces it
// whole, so the next visitor finds none of it.
type session struct {
	filter     data.ProductFilter
	searchText string
	scroll     map[Route]float32 // screens in the history: how far they were scrolled
	// filterScroll is how far the products screen's filter list was
	// scrolled (a village far down it, in portrait, where it is short).
	filterScroll float32
	largeText    bool // large text and high contrast
}

func newSession() *session {
	return &session{filter: defaultFilter(), scroll: map[Route]float32{}}
}

// fresh reports whether the session is as a new visitor finds it.
func (s *session) fresh() bool {
	return s.filter == defaultFilter() && s.searchText == "" && !s.largeText
}
