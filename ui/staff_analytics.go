package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
)

// analyticsPeriods are the periods staff can look at, in days.
var analyticsPeriods = []int{7, 30, 90}

// analyticsTop is how many items each ranking shows.
const analyticsTop = 10

// analyticsTab is the dashboard: visitor sessions per day, what they looked
// at, which codes they took, their languages, and what they searched for
// (and did not find), as charts.
func (p *staffPanel) analyticsTab() fyne.CanvasObject {
	e := p.env
	body := container.NewStack()
	var chips []*touchButton
	periods := container.NewHBox()
	for i, days := range analyticsPeriods {
		i, days := i, days
		b := newTouchButton(e.sn("analytics.days", days), nil, styleChip, nil)
		b.onTap = func() {
			e.touch()
			for j, c := range chips {
				c.setSelected(j == i)
			}
			body.Objects = []fyne.CanvasObject{p.dashboard(days)}
			body.Refresh()
		}
		chips = append(chips, b)
		periods.Add(b)
	}
	chips[0].Tapped(nil)
	return container.NewBorder(container.NewPadded(periods), nil, nil, nil, body)
}

// dashboard draws the report for the last days days, today included.
func (p *staffPanel) dashboard(days int) fyne.CanvasObject {
	e := p.env
	to := e.now()
	from := to.AddDate(0, 0, -(days - 1))
	r, err := e.backend().Report(e.ctx, from, to, analyticsTop)
	if err != nil {
		return body(e.st("content.error", "Error", err.Error()))
	}
	empty := e.st("analytics.empty")
	perDay := make([]bar, len(r.SessionsPerDay))
	for i, d := range r.SessionsPerDay {
		label := d.Day[8:] // the day of the month
		if days > 31 && i%7 != 0 {
			label = ""
		}
		perDay[i] = bar{label, d.Count}
	}
	left := container.NewVBox(
		staffSection(e.st("analytics.sessions")+" — "+e.sn("analytics.total", r.Sessions),
			barChart{bars: perDay, vertical: true, fill: colorLacquer, emptyLabel: empty}.object()),
		staffSection(e.st("analytics.top_products"), p.itemChart(r.TopProducts, colorLacquer)),
		staffSection(e.st("analytics.top_villages"), p.itemChart(r.TopVillages, colorGold)),
		staffSection(e.st("analytics.top_tours"), p.itemChart(r.TopTours, colorValid)),
	)
	right := container.NewVBox(
		staffSection(e.st("analytics.qr_kind"), p.keyChart(r.QRByKind, p.qrKindName, colorLacquer)),
		staffSection(e.st("analytics.qr_lang"), p.keyChart(r.QRByLang, langName, colorGold)),
		staffSection(e.st("analytics.languages"), p.keyChart(r.Languages, langName, colorValid)),
		staffSection(e.st("analytics.searches"), p.searchChart(r.TopSearches)),
		staffSection(e.st("analytics.no_results"), p.searchChart(r.NoResultSearches)),
	)
	return e.dragScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
}

func (p *staffPanel) itemChart(items []data.ItemCount, fill color.Color) fyne.CanvasObject {
	bars := make([]bar, len(items))
	for i, it := range items {
		name := it.Name.In(p.env.lang())
		if name == "" {
			name = it.ID // no longer in the catalogue
		}
		bars[i] = bar{name, it.Count}
	}
	return barChart{bars: bars, fill: fill, emptyLabel: p.env.st("analytics.empty")}.object()
}

func (p *staffPanel) keyChart(keys []data.KeyCount, name func(string) string, fill color.Color) fyne.CanvasObject {
	bars := make([]bar, len(keys))
	for i, kc := range keys {
		bars[i] = bar{name(kc.Key), kc.Count}
	}
	return barChart{bars: bars, fill: fill, emptyLabel: p.env.st("analytics.empty")}.object()
}

func (p *staffPanel) searchChart(searches []data.SearchCount) fyne.CanvasObject {
	bars := make([]bar, len(searches))
	for i, s := range searches {
		bars[i] = bar{"“" + s.Query + "”", s.Count}
	}
	return barChart{bars: bars, fill: colorMutedInk, emptyLabel: p.env.st("analytics.empty")}.object()
}

func (p *staffPanel) qrKindName(kind string) string {
	id := map[string]string{"buy": "qr.buy", "pay": "qr.pay", "signup": "qr.signup", "directions": "qr.directions"}[kind]
	if id == "" {
		return kind
	}
	return p.env.st(id)
}

func langName(code string) string {
	if n, ok := languageNames[data.Lang(code)]; ok {
		return n
	}
	return code
}
