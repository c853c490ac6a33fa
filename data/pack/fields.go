package pack

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"ocopkiosk/data"
)

// cellReader reads typed cells from one row and reports every bad one.
type cellReader struct {
	r   *report
	row row
	// allowedHosts, when not nil, are the only sites a link may lead to
	// (see data.HostAllowed).
	allowedHosts []string
}

func (c cellReader) bad(column, format string, args ...any) {
	c.r.add(c.row.t.file, c.row.line, column, format, args...)
}

// id reads an item id (data.ValidID).
func (c cellReader) id(column string) string {
	s := c.row.get(column)
	switch {
	case s == "":
		c.bad(column, "required; expected a short code such as bat-trang")
	case !data.ValidID(s):
		c.bad(column, "%q is not a valid code; %s", shorten(s), data.IDRule)
	}
	return s
}

func (c cellReader) required(column string) string {
	s := c.row.get(column)
	if s == "" {
		c.bad(column, "required; the cell is empty")
	}
	c.checkLength(column, column, s)
	return s
}

// optional reads a plain text cell that may be empty.
func (c cellReader) optional(column string) string {
	s := c.row.get(column)
	c.checkLength(column, column, s)
	return s
}

// text reads a per-language field; the Vietnamese text is required when the field is.
func (c cellReader) text(field string) data.Text {
	t := c.row.text(field)
	if requiredText(field) && t[data.VI] == "" {
		c.bad(field+"_vi", "required; the Vietnamese text is empty")
	}
	for _, l := range data.Languages {
		c.checkLength(field, field+"_"+string(l), t[l])
	}
	return t
}

// checkLength reports a text longer than its field allows (maxFieldLength).
func (c cellReader) checkLength(field, column, s string) {
	if max, ok := maxFieldLength[field]; ok {
		if err := lengthProblem(s, max); err != nil {
			c.bad(column, "%v", err)
		}
	}
}

func (c cellReader) integer(column string, min, max int64) int64 {
	s := c.row.get(column)
	if s == "" {
		c.bad(column, "required; expected a whole number")
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		c.bad(column, "%q is not a whole number", s)
		return 0
	}
	if n < min || n > max {
		c.bad(column, "%d is out of range; expected %d to %d", n, min, max)
	}
	return n
}

// money reads an amount in VND; "350000", "350.000" and "350,000" are the same.
func (c cellReader) money(column string) int64 {
	s := c.row.get(column)
	if s == "" {
		c.bad(column, "required; expected an amount in VND such as 350000")
		return 0
	}
	digits := strings.NewReplacer(".", "", ",", "", " ", "", "\u00a0", "", "đ", "", "₫", "", "VND", "").Replace(s)
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 {
		c.bad(column, "%q is not an amount; expected whole đồng ≥ 0 such as 350000", s)
		return 0
	}
	if n > 100_000_000_000 {
		c.bad(column, "%s VND is more than 100 billion; check the number of zeros", s)
	}
	return n
}

// date reads YYYY-MM-DD or DD/MM/YYYY; an empty optional cell gives the zero time.
func (c cellReader) date(column string, required bool) time.Time {
	s := c.row.get(column)
	if s == "" {
		if required {
			c.bad(column, "required; expected a date such as 2024-03-19 or 19/03/2024")
		}
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	c.bad(column, "%q is not a date; expected YYYY-MM-DD (2024-03-19) or DD/MM/YYYY (19/03/2024)", s)
	return time.Time{}
}

func (c cellReader) float(column string, min, max float64, what string) float64 {
	s := c.row.get(column)
	if s == "" {
		c.bad(column, "required; expected %s", what)
		return 0
	}
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		c.bad(column, "%q is not a number; expected %s", s, what)
		return 0
	}
	if f < min || f > max {
		c.bad(column, "%v is outside Vietnam; expected %s", f, what)
	}
	return f
}

func (c cellReader) yesNo(column string) bool {
	s := strings.ToLower(c.row.get(column))
	switch data.Fold(s) {
	case "", "no", "0", "false", "khong", "n":
		return false
	case "yes", "1", "true", "x", "co", "y":
		return true
	}
	c.bad(column, "%q is not yes or no; expected yes/no, 1/0, true/false, x or empty", s)
	return false
}

func (c cellReader) link(column string, required bool) string {
	s := c.row.get(column)
	if s == "" {
		if required {
			c.bad(column, "required; expected a web address starting with https://")
		}
		return ""
	}
	if err := data.CheckLink(s); err != nil {
		c.bad(column, "%q: %v", shorten(s), err)
		return s
	}
	if c.allowedHosts != nil {
		if err := data.LinkAllowed(s, c.allowedHosts); err != nil {
			c.bad(column, "%v", err)
			// A link that would pass on a kiosk allowing its host is
			// refused only by this kiosk's settings.
			u, _ := url.Parse(s) // CheckLink has parsed it
			if data.LinkAllowed(s, []string{strings.ToLower(u.Hostname())}) == nil {
				c.r.dependsOn(SettingAllowedSites)
			}
		}
	}
	return s
}

// list splits a ';'-separated cell, dropping empty parts.
func (c cellReader) list(column string) []string {
	var out []string
	for _, part := range strings.Split(c.row.get(column), ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
