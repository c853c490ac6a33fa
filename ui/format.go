package ui

import (
	"strconv"
	"strings"
	"time"

	"ocopkiosk/data"
)

// formatVND writes an amount with thousands separators as each language
// expects: 1.500.000 in Vietnamese, 1,500,000 elsewhere.
func formatVND(n int64, lang data.Lang) string {
	sep := ","
	if lang == data.VI {
		sep = "."
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// compactVND writes a large amount as each language counts it, for a
// tile too narrow for every digit: 2,4 triệu, 2.4M, 240만, 240万. Below
// the unit the language counts in, the amount is written whole.
func compactVND(n int64, lang data.Lang) string {
	unit, word := int64(1_000_000), "M"
	switch lang {
	case data.VI:
		word = " triệu"
	case data.KO:
		unit, word = 10_000, "만"
	case data.ZH, data.JA:
		unit, word = 10_000, "万"
	}
	if n < unit || n%(unit/10) != 0 {
		return formatVND(n, lang) // not a round amount: every digit counts
	}
	whole, tenth := n/unit, n%unit/(unit/10)
	s := formatVND(whole, lang)
	if tenth > 0 {
		point := "."
		if lang == data.VI {
			point = ","
		}
		s += point + strconv.FormatInt(tenth, 10)
	}
	return s + word
}

// formatDate writes a date as visitors read it: 19/02/2026 in Vietnamese,
// 2026-02-19 in the East Asian languages, 19 Feb 2026 in English.
func formatDate(t time.Time, lang data.Lang) string {
	switch lang {
	case data.VI:
		return t.Format("02/01/2006")
	case data.EN:
		return t.Format("2 Jan 2006")
	}
	return t.Format("2006-01-02")
}

// starsText draws a rating as filled and empty stars out of five.
func starsText(n int) string {
	return strings.Repeat("★", n) + strings.Repeat("☆", max(0, 5-n))
}

// priceText is a product's price range with its unit.
func (e *env) priceText(p data.Product) string { return e.priceWith(p, formatVND) }

// priceWith is a product's price range with its unit, the amounts written
// by amount.
func (e *env) priceWith(p data.Product, amount func(int64, data.Lang) string) string {
	unit := p.Unit.In(e.lang)
	if p.PriceMin == p.PriceMax {
		return e.t("product.price_single", "Price", amount(p.PriceMin, e.lang), "Unit", unit)
	}
	return e.t("product.price_range", "Min", amount(p.PriceMin, e.lang), "Max", amount(p.PriceMax, e.lang), "Unit", unit)
}

// shortPriceText is priceText with the amounts written compactly.
func (e *env) shortPriceText(p data.Product) string { return e.priceWith(p, compactVND) }

// durationText says how long a tour takes: "90 minutes", "2 hours", "1 hour 30 minutes".
func (e *env) durationText(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return e.n("tour.minutes", m)
	case m == 0:
		return e.n("tour.hours", h)
	}
	return e.n("tour.hours", h) + " " + e.n("tour.minutes", m)
}
