package lang

import "fmt"

// Phrase is a message for a person kept as its English fmt format and
// arguments, not yet formatted, so that a staff screen can say it in the
// staff's language (i18n looks the format up in its phrase books) while a
// terminal, a log or a test reads it in English. A Phrase is an error, so
// that a check may return one where it returned fmt.Errorf.
type Phrase struct {
	Format string
	Args   []any
	// english is the phrase formatted, made once by Phrasef (whose
	// fmt.Sprintf call also lets go vet check every Phrasef's format).
	english string
}

// Phrasef is fmt.Errorf for a message that may be translated: format must
// be a constant, the English text of the phrase.
func Phrasef(format string, args ...any) Phrase {
	return Phrase{Format: format, Args: args, english: fmt.Sprintf(format, args...)}
}

// Error is the phrase in English.
func (p Phrase) Error() string {
	if p.english == "" {
		return fmt.Sprintf(p.Format, p.Args...)
	}
	return p.english
}

// String is the phrase in English.
func (p Phrase) String() string { return p.Error() }
