package handoff

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"ocopkiosk/data"
)

// MaxNoteLength bounds a VietQR transfer note: longer notes are cut, because
// banking apps truncate or refuse them.
const MaxNoteLength = 50

// maxAmountDigits is EMVCo's limit on the length of the amount (tag 54).
const maxAmountDigits = 13

// VietQR builds the payload of a VietQR (NAPAS) bank-transfer code, the
// EMVCo merchant-presented format that every Vietnamese banking app scans:
// static (01 = "11") when amount is 0, so the payer types the amount, or
// dynamic (01 = "12") with the amount in VND. The note is folded to plain
// ASCII without diacritics and in lower case ("Ủng hộ" → "ung ho"), since
// the payload has no character set and banks refuse marks; what is left is
// cut to MaxNoteLength characters, and an empty note is left out.
//
// Only the BIN and account number go into the code: the payer's app looks
// up the holder's name itself and shows it before the payer confirms.
func VietQR(acc data.BankAccount, amount int64, note string) (string, error) {
	switch {
	case !isDigits(acc.BIN) || len(acc.BIN) != 6:
		return "", fmt.Errorf("bank BIN %q must be six digits", acc.BIN)
	case !isAlphanumeric(acc.Number) || len(acc.Number) < 1 || len(acc.Number) > 19:
		return "", fmt.Errorf("account number %q must be 1 to 19 letters or digits", acc.Number)
	case amount < 0:
		return "", fmt.Errorf("amount %d VND is negative", amount)
	}
	amountText := ""
	if amount > 0 {
		amountText = strconv.FormatInt(amount, 10)
		if len(amountText) > maxAmountDigits {
			return "", fmt.Errorf("amount %d VND has more than %d digits", amount, maxAmountDigits)
		}
	}

	var account, merchant, extra, p tlv
	account.add("00", acc.BIN)
	account.add("01", acc.Number)
	merchant.add("00", "A000000727") // NAPAS
	merchant.add("01", account.String())
	merchant.add("02", "QRIBFTTA") // transfer to an account (not a card)
	extra.add("08", transferNote(note))

	p.add("00", "01") // payload format version
	if amountText == "" {
		p.add("01", "11") // static: the same code for every payment
	} else {
		p.add("01", "12") // dynamic: for this amount only
	}
	p.add("38", merchant.String())
	p.add("53", "704") // VND
	p.add("54", amountText)
	p.add("58", "VN")
	p.add("62", extra.String())
	if err := errors.Join(account.err, merchant.err, extra.err, p.err); err != nil {
		return "", err
	}
	p.b.WriteString("6304")
	fmt.Fprintf(&p.b, "%04X", crc16(p.b.String()))
	return p.b.String(), nil
}

// ProductPayment is the static VietQR code of a product's bank account, with
// "OCOP <product id>" as the transfer note so that the producer can tell
// which product a transfer was for. It is an error when the product takes
// no bank transfer.
func ProductPayment(p data.Product) (string, error) {
	if p.Bank == nil {
		return "", fmt.Errorf("product %s takes no bank transfer", p.ID)
	}
	return VietQR(*p.Bank, 0, "OCOP "+p.ID)
}

// tlv writes EMVCo tag-length-value fields: a two-digit tag, a two-digit
// length and the value. An empty value writes nothing, since every optional
// field is left out rather than written empty. The first value too long for
// a two-digit length is kept in err.
type tlv struct {
	b   strings.Builder
	err error
}

func (t *tlv) add(tag, value string) {
	switch {
	case value == "":
	case len(value) > 99:
		if t.err == nil {
			t.err = fmt.Errorf("VietQR field %s is %d characters long; at most 99 fit", tag, len(value))
		}
	default:
		fmt.Fprintf(&t.b, "%s%02d%s", tag, len(value), value)
	}
}

func (t *tlv) String() string { return t.b.String() }

// transferNote folds a note to what a transfer note may hold: data.Fold
// strips the marks and đ, then anything outside printable ASCII goes, runs of
// spaces become one, and the rest is cut to MaxNoteLength.
func transferNote(note string) string {
	var b strings.Builder
	for _, r := range data.Fold(note) {
		if r >= ' ' && r <= '~' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > MaxNoteLength {
		s = strings.TrimSpace(s[:MaxNoteLength])
	}
	return s
}

// crc16 is CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no
// reflection), the checksum EMVCo puts in tag 63.
func crc16(s string) uint16 {
	crc := uint16(0xFFFF)
	for i := 0; i < len(s); i++ {
		crc ^= uint16(s[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlphanumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
