package data

import (
	"fmt"
	"time"
)

// Catalogue is the whole content a kiosk shows, as loaded from one content pack.
type Catalogue struct {
	Pack     PackInfo
	Centre   Centre
	Villages []Village
	Products []Product
	Tours    []Tour
}

// PackInfo describes the content pack a catalogue came from.
type PackInfo struct {
	Format     int
	Version    int
	Title      string
	Created    time.Time
	ImportedAt time.Time // zero until the pack is imported
}

// Centre is the showroom a kiosk stands in; its id tags the QR links.
type Centre struct {
	ID   string
	Name Text
}

// Village is a craft village with its story.
type Village struct {
	ID             string
	Name           Text
	Summary        Text // one or two sentences for lists
	Craft          Text
	Era            Text // how old the craft is, as told
	Story          Text // Markdown
	Commune        string
	FormerDistrict string // before Hanoi's districts were abolished in July 2025
	Lat, Lng       float64
	Cover          Image
	Gallery        []Image
	StoryImages    []Image // the pictures the stories show inline, by their Source path
}

// Image is a photo in the kiosk's media library.
type Image struct {
	Hash   string // SHA-256 of the original file, hex: the photo's identity
	Source string // path inside the pack it came from, e.g. "images/bat-trang/cover.jpg"
	Width  int    // of the original
	Height int
}

// ProducerType is the legal form of a producer as printed on OCOP certificates.
type ProducerType string

// The producer types seen on certificates.
const (
	Company   ProducerType = "company"    // Công ty TNHH
	JSC       ProducerType = "jsc"        // Công ty cổ phần
	Coop      ProducerType = "coop"       // Hợp tác xã (HTX)
	CoopGroup ProducerType = "coop-group" // Tổ hợp tác
	Household ProducerType = "household"  // Hộ kinh doanh
)

// ProducerTypes lists every producer type.
var ProducerTypes = []ProducerType{Company, JSC, Coop, CoopGroup, Household}

// Group is an OCOP product group, 1 to 6 (written I to VI).
type Group int

var groupNumerals = []string{"", "I", "II", "III", "IV", "V", "VI"}

// String gives the group's Roman numeral.
func (g Group) String() string {
	if g < 1 || int(g) >= len(groupNumerals) {
		return fmt.Sprintf("Group(%d)", int(g))
	}
	return groupNumerals[g]
}

// ParseGroup reads a Roman numeral I–VI (or a digit 1–6).
func ParseGroup(s string) (Group, bool) {
	for i := 1; i < len(groupNumerals); i++ {
		if s == groupNumerals[i] || s == fmt.Sprint(i) {
			return Group(i), true
		}
	}
	return 0, false
}

// CertificateMonths is how long an OCOP certificate is valid after its decision.
const CertificateMonths = 36

// Product is an OCOP-rated product.
type Product struct {
	ID           string
	VillageID    string
	Name         Text
	Description  Text
	Producer     string
	ProducerType ProducerType
	Group        Group
	Subgroup     Text
	Stars        int // 3, 4 or 5
	DecisionNo   string
	DecisionDate time.Time // dates are UTC midnight
	ValidUntil   time.Time
	PriceMin     int64 // VND
	PriceMax     int64
	Unit         Text
	PurchaseURL  string
	Bank         *BankAccount // nil when the product takes no bank transfer
	Images       []Image
	Featured     bool
	// Reading is the name's kana and pinyin as the pack gives them
	// (name_ja_reading, name_zh_pinyin); what is empty is made at import.
	Reading Readings
	// NameReading is the reading search uses: the pack's, or the one made
	// at import. It is filled in when a product is read from the store.
	NameReading Readings
}

// CertificateValid reports whether the OCOP certificate is still valid on the
// given day. An expired certificate must never be shown as valid.
func (p Product) CertificateValid(day time.Time) bool {
	y, m, d := day.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return !p.ValidUntil.IsZero() && !today.After(p.ValidUntil)
}

// BankAccount is where a VietQR bank transfer goes.
type BankAccount struct {
	BIN    string // six-digit NAPAS bank identifier
	Number string
	Name   string // account holder, upper case ASCII
}

// Tour is an experience a visitor can sign up for in a village.
type Tour struct {
	ID              string
	VillageID       string
	Name            Text
	Description     Text
	Schedule        Text
	MeetingPoint    Text
	DurationMinutes int
	PriceVND        int64 // per person
	MinGroup        int
	MaxGroup        int
	GuideLanguages  []string // ISO 639-1 codes
	SignupURL       string
	Images          []Image
}

// Kind names the kinds of catalogue item.
type Kind string

// The kinds of catalogue item.
const (
	KindVillage Kind = "village"
	KindProduct Kind = "product"
	KindTour    Kind = "tour"
)
