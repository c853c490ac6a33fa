// Package pack reads, checks, imports and exports content packs: the folder
// or .zip of spreadsheets, stories and photos that staff load into the kiosk.
// docs/content-pack.md describes the format for staff.
package pack

import (
	"fmt"
	"sort"
	"strings"

	"ocopkiosk/data"
	"ocopkiosk/lang"
)

// Problem is one thing wrong with a pack, located as precisely as possible.
type Problem struct {
	File    string // path inside the pack, e.g. "products.csv"
	Line    int    // 1-based line of the spreadsheet (1 is the header); 0 when not about a line
	Column  string // column name, when about one cell
	Message string // what is wrong and what is expected, in English
	// Phrase is Message before formatting, for a screen that says it in
	// the staff's language (i18n's phrase books).
	Phrase lang.Phrase
	// Setting names the kiosk setting this finding depends on (e.g.
	// SettingAllowedSites), "" when the pack is wrong on any kiosk: the
	// same pack may pass on a kiosk that allows more.
	Setting string
}

// SettingAllowedSites is Problem.Setting for a link to a site that the
// kiosk's allow-list (Settings → allowed sites) does not hold.
const SettingAllowedSites = "allowed sites"

// String formats the problem as "file:line: column: message", with any
// control or direction-changing character from the pack escaped
// (data.Printable), so that it can be printed to a terminal as it is.
func (p Problem) String() string {
	return p.With(p.Message)
}

// With is String with message in place of the English one: the same
// problem said in another language, at the same place.
func (p Problem) With(message string) string {
	return data.Printable(p.raw(message))
}

func (p Problem) raw(message string) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Column != "" {
		b.WriteString(p.Column + ": ")
	}
	b.WriteString(message)
	return b.String()
}

// Problems is every problem found in a pack. As an error it lists them all,
// one per line.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sorted orders problems by file, then line, so a long list reads like the pack.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return fileOrder(ps[i].File) < fileOrder(ps[j].File)
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// fileOrder puts problems in the order a person fixes a pack: manifest, sheets, then the rest.
func fileOrder(file string) string {
	for i, f := range []string{manifestFile, villagesFile, productsFile, toursFile} {
		if file == f {
			return fmt.Sprint(i)
		}
	}
	return "9" + file
}

// report collects problems while a pack is read.
type report struct {
	problems Problems
}

// dependsOn marks the last problem added as depending on a kiosk setting.
func (r *report) dependsOn(setting string) {
	if len(r.problems) > 0 {
		r.problems[len(r.problems)-1].Setting = setting
	}
}

func (r *report) add(file string, line int, column, format string, args ...any) {
	ph := lang.Phrasef(format, args...)
	r.problems = append(r.problems, Problem{File: file, Line: line, Column: column, Message: ph.Error(), Phrase: ph})
}
