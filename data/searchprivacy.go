package data

import "unicode"

// Search queries are kept (in the raw events and the daily counts the
// dashboard shows) only when they look like words: a visitor may type a
// phone number, an account or an order number into search, and that must
// not stay on the kiosk. A query with four or more digits in a row is
// recorded as a search with its result count but without its text; digits
// separated by spaces, dots, dashes, slashes, brackets or a plus count as
// in a row, so "0912 345 678" and "09.12.34.56.78" are not kept either.
// Kept queries are deleted with the raw events (PruneEvents), after the
// days of Settings.EventRetentionDays.

// maxDigitRun is the most digits in a row a kept query may have.
const maxDigitRun = 3

// KeepQuery reports whether a search query may be kept as text.
func KeepQuery(q string) bool {
	digits := 0
	for _, r := range q {
		switch {
		case unicode.IsDigit(r):
			if digits++; digits > maxDigitRun {
				return false
			}
		case digits > 0 && isNumberSeparator(r):
			// a phone number written in groups is still one number
		default:
			digits = 0
		}
	}
	return true
}

func isNumberSeparator(r rune) bool {
	switch r {
	case ' ', '.', '-', '/', '(', ')', '+', '\u00a0':
		return true
	}
	return false
}
