package ui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
)

// productScreen is one product: its photos, its OCOP certificate, who makes
// it and where, its price, and the codes to buy or pay for it.
type productScreen struct {
	e  *env
	id string
	p  data.Product
}

func newProductScreen(e *env, id string) *productScreen { return &productScreen{e: e, id: id} }

func (s *productScreen) object() fyne.CanvasObject {
	e := s.e
	p, err := e.cat.Product(e.ctx, s.id)
	if err != nil {
		return e.failure(err)
	}
	s.p = p
	parts := detailParts{
		gallery: newGallery(e, p.Images, fyne.NewSize(760, 570)),
		// The price right under the name: on a small screen, in large
		// text, both are in sight at once.
		// Then the stars and whether the certificate is still valid
		// (an expired one in red), before producer and village: what a
		// visitor decides on stays in sight however long the name.
		head: container.NewVBox(headingText(p.Name.In(e.lang)), s.price(), s.stars(), s.certificate(),
			e.untranslated(p.Name, p.Description), s.facts()),
		desc: newStoryText([]styledRun{{text: p.Description.In(e.lang)}}),
		qr:   e.newQRPanel(data.KindProduct, p.ID, s.codes()),
	}
	return newAdaptive(0, func(sh shape, size fyne.Size) fyne.CanvasObject {
		return arrangeDetail(e, parts, sh, size)
	})
}

// certificate shows the stars and whether the certificate is still valid.
// An expired certificate is said to be expired, in red, never shown as valid.
func (s *productScreen) certificate() fyne.CanvasObject {
	e, p := s.e, s.p
	decision := caption(e.t("product.decision", "No", p.DecisionNo, "Date", formatDate(p.DecisionDate, e.lang)))
	var validity fyne.CanvasObject
	if p.CertificateValid(e.now()) {
		validity = badge(e.t("product.valid_until", "Date", formatDate(p.ValidUntil, e.lang)), colorValid)
	} else {
		validity = badge(e.t("product.expired", "Date", formatDate(p.ValidUntil, e.lang)), colorExpired)
	}
	return container.NewVBox(validity, decision)
}

// stars shows the OCOP rating, the stars over the words: in large text or a
// narrow column nothing here may be wider than the column.
func (s *productScreen) stars() fyne.CanvasObject {
	stars := coloured(starsText(s.p.Stars), colorGold, 40, false)
	return container.NewVBox(stars, subheading(s.e.t("product.certificate", "Stars", s.p.Stars)))
}

// price is the product's price range, large, in lacquer red.
func (s *productScreen) price() fyne.CanvasObject {
	price := subheading(s.e.priceText(s.p))
	price.Importance = widget.HighImportance
	return price
}

// facts lists producer and village.
func (s *productScreen) facts() fyne.CanvasObject {
	e, p := s.e, s.p
	producer := p.Producer
	if id := "producer." + string(p.ProducerType); p.ProducerType != "" && !namesType(p.Producer, e.msg.T(data.VI, id)) {
		producer = fmt.Sprintf("%s (%s)", p.Producer, e.t(id))
	}
	villageName := p.VillageID
	if v, err := e.cat.Village(e.ctx, p.VillageID); err == nil {
		villageName = v.Name.In(e.lang)
	}
	village := newTouchButton(villageName, theme.NavigateNextIcon(), stylePlain, func() {
		e.open(Route{Screen: ScreenVillage, ID: p.VillageID})
	})
	return container.New(newFactsLayout(),
		caption(e.t("product.producer")), bodyText(producer),
		caption(e.t("product.village")), fitLeft(village),
	)
}

// codes are the product's QR codes: Buy when it has a shop page, Pay when
// it takes bank transfers.
func (s *productScreen) codes() []qrChoice {
	e, p := s.e, s.p
	var choices []qrChoice
	if p.PurchaseURL != "" {
		link, err := handoff.ProductLink(p, e.links(p.ID))
		choices = append(choices, qrChoice{kind: handoff.KindBuy, text: link, err: err, labelID: "qr.buy", scanID: "qr.scan_buy"})
	}
	if p.Bank != nil {
		payload, err := handoff.ProductPayment(p)
		choices = append(choices, qrChoice{kind: handoff.KindPay, text: payload, err: err, labelID: "qr.pay", scanID: "qr.scan_pay",
			payee: e.t("qr.pay_to", "Name", p.Bank.Name, "Number", p.Bank.Number)})
	}
	if len(choices) == 0 {
		choices = append(choices, qrChoice{kind: handoff.KindBuy, err: errors.New("no purchase link"), labelID: "qr.buy", scanID: "qr.scan_buy"})
	}
	return choices
}

// badge is a short text on a coloured band, white and bold, wrapping
// between words when the column is narrow.
func badge(text string, fill color.Color) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = 10
	t := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForegroundOnPrimary, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameText}})
	t.Wrapping = fyne.TextWrapWord
	return container.NewStack(bg, t)
}

// namesType reports whether a producer's name already says what kind of
// producer it is ("Công ty TNHH Gốm sứ …" is a company; saying so again in
// brackets reads as a mistake), whatever the marks and case.
func namesType(name, vietnameseType string) bool {
	return vietnameseType != "" && strings.Contains(data.Fold(name), data.Fold(vietnameseType))
}
