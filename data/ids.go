package data

import "regexp"

// idPattern is the one rule for the codes that name villages, products,
// tours and centres: a letter or digit, then letters, digits, '-' and '_',
// up to 64 in all. No dots, so that a code can stand in a story's file name
// (<village-id>.<lang>.md) and in a QR link without being misread.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// IDRule says in words what ValidID accepts, for messages to staff.
const IDRule = "use up to 64 letters, digits, - and _, starting with a letter or digit (no dots or spaces)"

// ValidID reports whether s is a valid code for a village, product, tour or
// centre.
func ValidID(s string) bool { return idPattern.MatchString(s) }
