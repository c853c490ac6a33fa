package ui

import "fyne.io/fyne/v2"

// screenSpec is one visitor screen: its route name, whether the route names
// an item, the top bar's title, and how to build it. The list below is the
// one place a screen is declared.
type screenSpec struct {
	name    string
	takesID bool   // the route names an item (or, for search, may carry text)
	needsID bool   // ... and must
	titleID string // the top bar's title; "" for the centre's name
	build   func(e *env, id string) fyne.CanvasObject
}

var screenSpecs = []screenSpec{
	{name: ScreenHome, build: func(e *env, _ string) fyne.CanvasObject { return newHomeScreen(e).object() }},
	{name: ScreenProducts, titleID: "products.title",
		build: func(e *env, _ string) fyne.CanvasObject { return newProductsScreen(e).object() }},
	{name: ScreenProduct, takesID: true, needsID: true, titleID: "products.title",
		build: func(e *env, id string) fyne.CanvasObject { return newProductScreen(e, id).object() }},
	{name: ScreenVillages, titleID: "villages.title",
		build: func(e *env, _ string) fyne.CanvasObject { return newVillagesScreen(e).object() }},
	{name: ScreenVillage, takesID: true, needsID: true, titleID: "villages.title",
		build: func(e *env, id string) fyne.CanvasObject { return newVillageScreen(e, id).object() }},
	{name: ScreenTours, titleID: "tours.title",
		build: func(e *env, _ string) fyne.CanvasObject { return newToursScreen(e).object() }},
	{name: ScreenTour, takesID: true, needsID: true, titleID: "tours.title",
		build: func(e *env, id string) fyne.CanvasObject { return newTourScreen(e, id).object() }},
	{name: ScreenSearch, takesID: true, titleID: "search.title",
		build: func(e *env, _ string) fyne.CanvasObject { return newSearchScreen(e).object() }},
}

// specFor finds a screen by its route name.
func specFor(name string) (screenSpec, bool) {
	for _, s := range screenSpecs {
		if s.name == name {
			return s, true
		}
	}
	return screenSpec{}, false
}
