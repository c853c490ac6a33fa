package ui

import (
	"errors"
	"fmt"
	"image/color"

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
	k  *Kiosk
	id string
	p  data.Product
}

func newProductScreen(k *Kiosk, id string) *productScreen { return &productScreen{k: k, id: id} }

func (s *productScreen) object() fyne.CanvasObject {
	k := s.k
	p, err := k.cat.Product(k.ctx, s.id)
	if err != nil {
		return k.failure(err)
	}
	s.p = p
	gallery := newGallery(k, p.Images, fyne.NewSize(760, 570))
	// What a visitor decides on (name, stars, certificate and price) stands
	// above the scrolled details, so that no description, however long,
	// pushes it out of sight.
	summary := container.NewVBox(heading(p.Name.In(k.lang)), s.certificate(), s.price())
	details := container.NewVBox(s.facts(), newStoryText([]styledRun{{text: p.Description.In(k.lang)}}))
	qr := k.newQRPanel(data.KindProduct, p.ID, s.codes())
	left := container.NewVBox(gallery.object())
	middle := container.NewBorder(container.NewPadded(summary), nil, nil, nil, k.dragScroll(container.NewPadded(details)))
	return container.NewBorder(nil, nil, container.NewPadded(left),
		container.NewPadded(container.NewVBox(qr.object())), middle)
}

// certificate shows the stars and whether the certificate is still valid.
// An expired certificate is said to be expired, in red, never shown as valid.
func (s *productScreen) certificate() fyne.CanvasObject {
	k, p := s.k, s.p
	stars := coloured(starsText(p.Stars), colorGold, 40, false)
	label := coloured(k.t("product.certificate", "Stars", p.Stars), colorInk, 28, true)
	decision := caption(k.t("product.decision", "No", p.DecisionNo, "Date", formatDate(p.DecisionDate, k.lang)))
	var validity fyne.CanvasObject
	if p.CertificateValid(k.opt.Now()) {
		validity = badge(k.t("product.valid_until", "Date", formatDate(p.ValidUntil, k.lang)), colorValid)
	} else {
		validity = badge(k.t("product.expired", "Date", formatDate(p.ValidUntil, k.lang)), colorExpired)
	}
	return container.NewVBox(container.NewHBox(stars, label), container.NewHBox(validity), decision)
}

// price is the product's price, in bold.
func (s *productScreen) price() fyne.CanvasObject {
	k := s.k
	price := body(k.priceText(s.p))
	price.TextStyle.Bold = true
	price.Importance = widget.HighImportance
	return container.New(newFactsLayout(), caption(k.t("product.price")), price)
}

// facts lists producer and village.
func (s *productScreen) facts() fyne.CanvasObject {
	k, p := s.k, s.p
	producer := p.Producer
	if p.ProducerType != "" {
		producer = fmt.Sprintf("%s (%s)", p.Producer, k.t("producer."+string(p.ProducerType)))
	}
	villageName := p.VillageID
	if v, err := k.cat.Village(k.ctx, p.VillageID); err == nil {
		villageName = v.Name.In(k.lang)
	}
	village := newTouchButton(villageName, theme.NavigateNextIcon(), stylePlain, func() {
		k.Open(Route{Screen: ScreenVillage, ID: p.VillageID})
	})
	return container.New(newFactsLayout(),
		caption(k.t("product.producer")), body(producer),
		caption(k.t("product.village")), container.NewHBox(village),
	)
}

// codes are the product's QR codes: Buy when it has a shop page, Pay when
// it takes bank transfers.
func (s *productScreen) codes() []qrChoice {
	k, p := s.k, s.p
	var choices []qrChoice
	if p.PurchaseURL != "" {
		link, err := handoff.ProductLink(p, k.linkContext(p.ID))
		choices = append(choices, qrChoice{kind: handoff.KindBuy, text: link, err: err, labelID: "qr.buy", scanID: "qr.scan_buy"})
	}
	if p.Bank != nil {
		payload, err := handoff.ProductPayment(p)
		choices = append(choices, qrChoice{kind: handoff.KindPay, text: payload, err: err, labelID: "qr.pay", scanID: "qr.scan_pay",
			payee: k.t("qr.pay_to", "Name", p.Bank.Name, "Number", p.Bank.Number)})
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
