package data

import (
	"strconv"
	"time"
)

// commonPINs are PINs that lists of leaked PINs put at the top, beyond those
// that commonPIN's rules catch (repeats, runs, dates).
var commonPINs = map[string]bool{
	"112233": true, "121212": true, "123123": true, "159753": true, "147258": true,
	"258369": true, "789456": true, "456789": true, "696969": true, "520520": true,
	"131313": true, "101010": true, "202020": true, "100200": true, "123321": true,
	"147852": true, "741852": true, "963852": true, "102030": true, "998877": true,
}

// commonPIN says why pin is one a guesser tries early, or "" when it is
// not: one digit repeated (000000), a run up or down (123456, 987654), a
// short pattern repeated (121212, 123123), a well-known PIN, or a year
// (now's or any from 1900 to 2099) at its start or end, which is how a
// birthday or the year the kiosk was set up ends up as a PIN.
func commonPIN(pin string, now time.Time) string {
	switch {
	case repeatsPattern(pin):
		return "a repeated pattern"
	case isRun(pin, 1) || isRun(pin, -1):
		return "a run of digits"
	case commonPINs[pin]:
		return "one of the most common PINs"
	case hasYearAtEdge(pin, now):
		return "it starts or ends with a year"
	}
	return ""
}

// repeatsPattern reports whether pin is a block of at most a third of its
// length (so 1 to 4 digits for a 12-digit PIN) written again and again.
func repeatsPattern(pin string) bool {
	for size := 1; size <= len(pin)/2; size++ {
		if len(pin)%size != 0 {
			continue
		}
		same := true
		for i := size; i < len(pin) && same; i++ {
			same = pin[i] == pin[i-size]
		}
		if same {
			return true
		}
	}
	return false
}

// isRun reports whether each digit is the one before plus step (mod 10, so
// 890123 counts).
func isRun(pin string, step int) bool {
	for i := 1; i < len(pin); i++ {
		if (int(pin[i-1]-'0')+step+10)%10 != int(pin[i]-'0') {
			return false
		}
	}
	return true
}

// hasYearAtEdge reports whether pin begins or ends with a four-digit year
// from 1900 to 2099 (the current year included, whatever it is) in a PIN
// of at most 8 digits: "201526", "112026", "19850312". A longer PIN has
// enough other digits.
func hasYearAtEdge(pin string, now time.Time) bool {
	if len(pin) > 8 {
		return false
	}
	isYear := func(s string) bool {
		y, err := strconv.Atoi(s)
		return err == nil && (y >= 1900 && y <= 2099 || y == now.Year())
	}
	return isYear(pin[:4]) || isYear(pin[len(pin)-4:])
}
