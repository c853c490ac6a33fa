package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"ocopkiosk/data"
	"ocopkiosk/lang"
)

// maxSheetBytes bounds a spreadsheet's size; real ones are a few megabytes.
const maxSheetBytes = 64 << 20

// columns says which columns a sheet may have: plain ones, and per-language
// fields that appear as <field>_<lang> for each visitor language.
type columns struct {
	plain    []string
	required []string // plain columns that must be present
	perLang  []string
}

// table is a spreadsheet read from a pack: its header and rows.
type table struct {
	file  string
	cols  map[string]int // column name → index
	names []string       // index → column name, "" for a column not read
	rows  []row
}

// row is one line of a sheet with its line number, for error messages.
type row struct {
	line  int
	cells []string
	t     *table
}

// readTable reads a CSV as spreadsheet programs save it: UTF-8 with or
// without a BOM, CRLF or LF, quoted cells with commas and line breaks.
// Problems go to r; it returns nil when the sheet cannot be read at all.
func readTable(fsys fs.FS, file string, spec columns, r *report) *table {
	b, err := readLimited(fsys, file, maxSheetBytes)
	if errors.Is(err, fs.ErrNotExist) {
		r.add(file, 0, "", "file is missing; every pack needs %s (it may have only a header row)", file)
		return nil
	}
	if err != nil {
		r.add(file, 0, "", "cannot read the file: %v", err)
		return nil
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		line := 1 + bytes.Count(b[:firstInvalidUTF8(b)], []byte("\n"))
		r.add(file, line, "", "text is not UTF-8; in Excel use Save As → \"CSV UTF-8 (Comma delimited)\"")
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1 // wrong counts are reported per row below
	header, err := cr.Read()
	if err == io.EOF {
		r.add(file, 1, "", "file is empty; expected a header row with the column names")
		return nil
	}
	if err != nil {
		r.add(file, csvLine(err, 1), "", "cannot read the header row: %v", csvReason(err))
		return nil
	}
	t := &table{file: file, cols: map[string]int{}}
	if !t.readHeader(header, spec, r) {
		return nil
	}
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// FieldPos is only defined for a row that was read.
			r.add(file, csvLine(err, 0), "", "%v; check the quotes in this row", csvReason(err))
			return nil // the reader cannot find the next row reliably after a quoting error
		}
		line, _ := cr.FieldPos(0)
		if blank(cells) {
			continue
		}
		if len(cells) != len(header) {
			r.add(file, line, "", "row has %d cells but the header has %d columns", len(cells), len(header))
			continue
		}
		t.cleanCells(cells, line, r)
		t.rows = append(t.rows, row{line: line, cells: cells, t: t})
	}
	return t
}

// cleanCells puts every cell the kiosk reads in NFC and reports those
// holding characters that may not be shown (see textProblem); the row is
// kept, so that the rest of it is checked too.
func (t *table) cleanCells(cells []string, line int, r *report) {
	for i, name := range t.names {
		if name == "" {
			continue
		}
		cells[i] = nfc(cells[i])
		if err := textProblem(cells[i], multilineColumn(name)); err != nil {
			r.add(t.file, line, name, "%v", err)
		}
	}
}

func (t *table) readHeader(header []string, spec columns, r *report) bool {
	known := map[string]bool{}
	for _, c := range spec.plain {
		known[c] = true
	}
	perLang := map[string]bool{}
	for _, f := range spec.perLang {
		perLang[f] = true
	}
	ok := true
	t.names = make([]string, len(header))
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		switch {
		case name == "" || name == "note" || name == "notes":
			continue // room for staff's own remarks
		case known[name]:
		case perLangColumn(name, perLang):
			field, suffix := splitLang(name)
			if _, isLang := data.ParseLang(suffix); !isLang {
				r.add(t.file, 1, name, "%q is not a kiosk language; use %s_vi, %s_en, %s_ko, %s_zh or %s_ja",
					suffix, field, field, field, field, field)
				ok = false
				continue
			}
		default:
			r.add(t.file, 1, name, "unknown column; expected %s", strings.Join(expectedColumns(spec), ", "))
			ok = false
			continue
		}
		if _, dup := t.cols[name]; dup {
			r.add(t.file, 1, name, "column appears twice")
			ok = false
			continue
		}
		t.cols[name] = i
		t.names[i] = name
	}
	for _, c := range spec.required {
		if _, has := t.cols[c]; !has {
			r.add(t.file, 1, c, "required column is missing")
			ok = false
		}
	}
	for _, f := range spec.perLang {
		if _, has := t.cols[f+"_vi"]; !has && requiredText(f) {
			r.add(t.file, 1, f+"_vi", "required column is missing (the Vietnamese text is required)")
			ok = false
		}
	}
	return ok
}

// requiredText says which per-language fields must have Vietnamese text.
func requiredText(field string) bool {
	switch field {
	case "era", "subgroup":
		return false
	}
	return true
}

func perLangColumn(name string, fields map[string]bool) bool {
	field, suffix := splitLang(name)
	return suffix != "" && fields[field]
}

func splitLang(name string) (field, lang string) {
	i := strings.LastIndexByte(name, '_')
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i+1:]
}

func expectedColumns(spec columns) []string {
	out := append([]string(nil), spec.plain...)
	// A per-language field in every language, in one word: name_vi,
	// name_en… read as if only the Vietnamese column were allowed.
	for _, f := range spec.perLang {
		out = append(out, f+"_vi/_en/_ko/_zh/_ja")
	}
	return out
}

// get returns a cell, trimmed; "" when the sheet has no such column.
func (r row) get(column string) string {
	i, ok := r.t.cols[column]
	if !ok {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// text gathers a per-language field's cells.
func (r row) text(field string) data.Text {
	t := data.Text{}
	for _, l := range data.Languages {
		if s := r.get(field + "_" + string(l)); s != "" {
			t[l] = s
		}
	}
	return t
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// csvLine picks the line a csv.ParseError points at.
func csvLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.StartLine > 0 {
		return pe.StartLine // where the broken row starts, not where the reader gave up
	}
	return fallback
}

// csvReason says in plain words why a row could not be read.
func csvReason(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			return lang.Phrasef("a quote (\") is not closed or stands inside an unquoted cell")
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return lang.Phrasef("a quote (\") stands inside a cell that is not quoted")
		}
		return pe.Err
	}
	return err
}

// readLimited reads a file from the pack, refusing one larger than limit.
// The size is checked before anything is read, and the read stops at limit
// whatever the size claimed (a zip entry that inflates to more than its
// header says is cut off by archive/zip itself), so a file never costs more
// than limit bytes of memory. Only plain files are read: not folders, and
// not a device or named pipe that a hostile pack folder might hold.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, openError(fsys, name, err)
	}
	switch {
	case info.IsDir():
		return nil, lang.Phrasef("this is a folder; a file was expected")
	case !info.Mode().IsRegular():
		return nil, lang.Phrasef("this is not a plain file")
	case info.Size() > limit:
		return nil, tooLarge(limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, openError(fsys, name, err)
	}
	defer f.Close()
	// One byte more than the size claimed, to see the end of the file
	// without growing the buffer; more only if the size was wrong.
	b := make([]byte, 0, min(max(info.Size(), 511), limit)+1)
	for {
		if len(b) == cap(b) {
			if int64(len(b)) > limit {
				return nil, tooLarge(limit)
			}
			n := 2 * int64(cap(b))
			if n >= limit {
				n = limit + 1
			}
			grown := make([]byte, len(b), n)
			copy(grown, b)
			b = grown
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.As(err, new(flate.CorruptInputError)) {
				return nil, lang.Phrasef("the zip is damaged here: this entry does not unpack to what its header says (%v); make the zip again", err)
			}
			return nil, err
		}
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(limit)
	}
	return b, nil
}

func tooLarge(limit int64) error {
	return lang.Phrasef("file is too large (over %s)", humanBytes(limit))
}

// openError explains why a file of the pack could not be opened; above all
// a link in a pack folder that leads outside it, which os.Root refuses.
func openError(fsys fs.FS, name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// Look for a link on the way to the file: the file itself or a folder.
	for p := name; p != "." && p != "/"; p = path.Dir(p) {
		if info, lerr := fs.Lstat(fsys, p); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return lang.Phrasef("%s is a link that leads outside the pack; put the file itself in the pack", p)
		}
	}
	return err
}

func humanBytes(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}
