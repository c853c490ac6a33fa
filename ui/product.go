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
		head: container.NewVBox(heading(p.Name.In(e.lang)), e.untranslated(p.Name, p.Description),
			s.certificate(), s.facts()),
		desc: body(p.Description.In(e.lang)),
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
	stars := coloured(starsText(p.Stars), colorGold, 40, false)
	label := coloured(e.t("product.certificate", "Stars", p.Stars), colorInk, 28, true)
	decision := caption(e.t("product.decision", "No", p.DecisionNo, "Date", formatDate(p.DecisionDate, e.lang)))
	var validity fyne.CanvasObject
	if p.CertificateValid(e.now()) {
		validity = badge(e.t("product.valid_until", "Date", formatDate(p.ValidUntil, e.lang)), colorValid)
	} else {
		validity = badge(e.t("product.expired", "Date", formatDate(p.ValidUntil, e.lang)), colorExpired)
	}
	return container.NewVBox(container.NewHBox(stars, label), container.NewHBox(validity), decision)
}

// facts lists producer, village and price.
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
	price := body(e.priceText(p))
	price.TextStyle.Bold = true
	price.Importance = widget.HighImportance
	form := container.New(newFactsLayout(),
		caption(e.t("product.producer")), body(producer),
		caption(e.t("product.village")), fitLeft(village),
		caption(e.t("product.price")), price,
	)
	return form
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

// badge is a short text on a coloured pill.
func badge(text string, fill color.Color) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = 10
	t := coloured(text, color.White, 22, true)
	return container.NewStack(bg, container.NewPadded(t))
}

// namesType reports whether a producer's name already says what kind of
// producer it is ("Công ty TNHH Gốm sứ …" is a company; saying so again in
// brackets reads as a mistake), whatever the marks and case.
func namesType(name, vietnameseType string) bool {
	return vietnameseType != "" && strings.Contains(data.Fold(name), data.Fold(vietnameseType))
}
