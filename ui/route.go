package ui

import (
	"fmt"
	"strings"
)

// Route names a screen and, for detail screens, the item on it.
type Route struct {
	Screen string
	ID     string // the item's id; the query text for the search screen
}

// The kiosk's screens (see screenSpecs).
const (
	ScreenHome     = "home"
	ScreenProducts = "products"
	ScreenProduct  = "product"
	ScreenVillages = "villages"
	ScreenVillage  = "village"
	ScreenTours    = "tours"
	ScreenTour     = "tour"
	ScreenSearch   = "search"
	ScreenAttract  = "attract" // the attract loop, shown over Home
	// ScreenStillThere is the idle warning, shown over the products grid.
	ScreenStillThere = "still-there"
)

// ParseRoute reads a screen spec such as "home", "product:bt-vase" or
// "search:bat trang", as the screenshot command takes it.
func ParseRoute(spec string) (Route, error) {
	name, id, hasID := strings.Cut(spec, ":")
	if name == ScreenAttract || name == ScreenStillThere {
		if hasID {
			return Route{}, fmt.Errorf("screen %q takes no id", name)
		}
		return Route{Screen: name}, nil
	}
	s, ok := specFor(name)
	switch {
	case !ok:
		return Route{}, fmt.Errorf("unknown screen %q; expected home, products, product:ID, villages, village:ID, tours, tour:ID, search:TEXT, attract or still-there", spec)
	case hasID && !s.takesID:
		return Route{}, fmt.Errorf("screen %q takes no id", name)
	case s.needsID && id == "":
		return Route{}, fmt.Errorf("screen %q needs an id, as in %s:ID", name, name)
	}
	return Route{Screen: name, ID: id}, nil
}
