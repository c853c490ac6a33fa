package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// villageIndex lists the villages (without stories), read once: the
// catalogue changes only by a whole import, and a national one has
// thousands, too many to read for every screen.
type villageIndex struct {
	ctx    context.Context
	cat    Catalog
	all    []data.Village
	byName map[string]data.Text
}

func newVillageIndex(ctx context.Context, cat Catalog) *villageIndex {
	return &villageIndex{ctx: ctx, cat: cat}
}

func (v *villageIndex) list() []data.Village {
	if v.all == nil {
		vs, err := v.cat.Villages(v.ctx)
		if err != nil {
			fyne.LogError("list villages", err)
			return nil
		}
		v.all = vs
		v.byName = make(map[string]data.Text, len(vs))
		for _, x := range vs {
			v.byName[x.ID] = x.Name
		}
	}
	return v.all
}

func (v *villageIndex) names() map[string]data.Text {
	v.list()
	return v.byName
}
