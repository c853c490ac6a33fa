package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// Export writes the store's content as a pack at out: a .zip when out ends
// in .zip, a new folder otherwise. The pack imports back to the same
// content. Nothing appears at out unless the whole pack was written.
func Export(ctx context.Context, st *data.Store, out string) error {
	cat, err := st.LoadCatalogue(ctx)
	if err != nil {
		return err
	}
	if cat.Pack.Version == 0 {
		return errors.New("export: no content is loaded")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("export: %s already exists; choose a new name", out)
	}
	files, err := packFiles(cat, st.Photos())
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if strings.EqualFold(filepath.Ext(out), ".zip") {
		return writeZip(out, files)
	}
	return writeFolder(out, files)
}

// packFile is one file of a pack being written; exactly one of body and
// from is set (from: a file on disk, copied without loading it whole).
type packFile struct {
	name string
	body []byte
	from string
}

func packFiles(cat *data.Catalogue, lib media.Library) ([]packFile, error) {
	files, err := textFiles(cat)
	if err != nil {
		return nil, err
	}
	for source, hash := range photoSources(cat) {
		files = append(files, packFile{name: source, from: lib.Path(hash, media.Original)})
	}
	// Map order is random; a sorted pack is the same bytes every time.
	sort.Slice(files[4:], func(i, j int) bool { return files[4+i].name < files[4+j].name })
	return files, nil
}

// textFiles is every file of the pack but the photos: the manifest, the
// three sheets, then the stories. Export and Write share it so that both
// write the same format.
func textFiles(cat *data.Catalogue) ([]packFile, error) {
	manifest, err := manifestBytes(cat)
	if err != nil {
		return nil, err
	}
	files := []packFile{
		{name: manifestFile, body: manifest},
		{name: villagesFile, body: villagesCSV(cat.Villages)},
		{name: productsFile, body: productsCSV(cat.Products)},
		{name: toursFile, body: toursCSV(cat.Tours)},
	}
	for _, v := range cat.Villages {
		for _, l := range data.Languages {
			if s := v.Story[l]; s != "" {
				files = append(files, packFile{name: storiesDir + "/" + v.ID + "." + string(l) + ".md", body: []byte(s + "\n")})
			}
		}
	}
	return files, nil
}

// photoSources maps each photo path the pack had to the photo stored for it.
func photoSources(cat *data.Catalogue) map[string]string {
	out := map[string]string{}
	add := func(imgs ...data.Image) {
		for _, img := range imgs {
			out[img.Source] = img.Hash
		}
	}
	for _, v := range cat.Villages {
		add(v.Cover)
		add(v.Gallery...)
		add(v.StoryImages...)
	}
	for _, p := range cat.Products {
		add(p.Images...)
	}
	for _, t := range cat.Tours {
		add(t.Images...)
	}
	return out
}

func manifestBytes(cat *data.Catalogue) ([]byte, error) {
	m := manifestJSON{Format: FormatVersion, Version: cat.Pack.Version, Title: cat.Pack.Title,
		Created: cat.Pack.Created.Format(time.RFC3339)}
	if cat.Centre.ID != "" {
		m.Centre = map[string]string{"id": cat.Centre.ID}
		for l, name := range cat.Centre.Name {
			m.Centre["name_"+string(l)] = name
		}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}

// sheet builds a CSV the way the reader expects it back.
type sheet struct {
	header []string
	rows   [][]string
}

func newSheet(plain []string, perLang []string) *sheet {
	s := &sheet{header: append([]string(nil), plain...)}
	for _, f := range perLang {
		for _, l := range data.Languages {
			s.header = append(s.header, f+"_"+string(l))
		}
	}
	return s
}

func (s *sheet) add(plain []string, texts ...data.Text) {
	row := append([]string(nil), plain...)
	for _, t := range texts {
		for _, l := range data.Languages {
			row = append(row, t[l])
		}
	}
	s.rows = append(s.rows, row)
}

func (s *sheet) bytes() []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // Excel reads UTF-8 only with a BOM
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	w.Write(s.header)
	w.WriteAll(s.rows)
	return buf.Bytes()
}

func villagesCSV(vs []data.Village) []byte {
	s := newSheet([]string{"id", "commune", "former_district", "lat", "lng", "cover", "gallery"},
		[]string{"name", "summary", "craft", "era"})
	for _, v := range vs {
		s.add([]string{v.ID, v.Commune, v.FormerDistrict, formatCoord(v.Lat), formatCoord(v.Lng), v.Cover.Source,
			sources(v.Gallery)}, v.Name, v.Summary, v.Craft, v.Era)
	}
	return s.bytes()
}

func productsCSV(ps []data.Product) []byte {
	plain := []string{"id", "village_id", "producer", "producer_type", "group", "stars", "decision_no",
		"decision_date", "valid_until", "price_min", "price_max", "purchase_url", "bank_bin", "bank_account",
		"bank_account_name", "images", "featured"}
	// The optional readings columns only when staff gave a reading.
	readings := slices.ContainsFunc(ps, func(p data.Product) bool { return p.Reading != data.Readings{} })
	if readings {
		plain = append(plain, readingColumns...)
	}
	s := newSheet(plain, []string{"name", "description", "subgroup", "unit"})
	for _, p := range ps {
		var bank data.BankAccount
		if p.Bank != nil {
			bank = *p.Bank
		}
		featured := "no"
		if p.Featured {
			featured = "yes"
		}
		cells := []string{p.ID, p.VillageID, p.Producer, string(p.ProducerType), p.Group.String(), strconv.Itoa(p.Stars),
			p.DecisionNo, p.DecisionDate.Format("2006-01-02"), p.ValidUntil.Format("2006-01-02"),
			strconv.FormatInt(p.PriceMin, 10), strconv.FormatInt(p.PriceMax, 10), p.PurchaseURL,
			bank.BIN, bank.Number, bank.Name, sources(p.Images), featured}
		if readings {
			cells = append(cells, p.Reading.Kana, p.Reading.Pinyin)
		}
		s.add(cells, p.Name, p.Description, p.Subgroup, p.Unit)
	}
	return s.bytes()
}

func toursCSV(ts []data.Tour) []byte {
	s := newSheet([]string{"id", "village_id", "duration_minutes", "price_vnd", "min_group", "max_group",
		"guide_languages", "signup_url", "images"}, []string{"name", "description", "schedule", "meeting_point"})
	for _, t := range ts {
		s.add([]string{t.ID, t.VillageID, strconv.Itoa(t.DurationMinutes), strconv.FormatInt(t.PriceVND, 10),
			strconv.Itoa(t.MinGroup), strconv.Itoa(t.MaxGroup), strings.Join(t.GuideLanguages, ";"), t.SignupURL,
			sources(t.Images)}, t.Name, t.Description, t.Schedule, t.MeetingPoint)
	}
	return s.bytes()
}

func formatCoord(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func sources(imgs []data.Image) string {
	parts := make([]string, len(imgs))
	for i, img := range imgs {
		parts[i] = img.Source
	}
	return strings.Join(parts, ";")
}

// writeFolder writes the pack into a temporary folder beside out and renames
// it into place, so a half-written pack never carries out's name. Every
// folder is synced as well as every file, so that after a power cut the
// pack at out is still whole (a USB stick pulled too early is another
// matter).
func writeFolder(out string, files []packFile) error {
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	dirs := map[string]bool{tmp: true}
	for _, f := range files {
		dst := filepath.Join(tmp, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for d := filepath.Dir(dst); d != tmp && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
		if err := writeOne(dst, f); err != nil {
			return fmt.Errorf("export %s: %w", f.name, err)
		}
	}
	for d := range dirs {
		if err := media.SyncDir(d); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := media.SyncDir(filepath.Dir(out)); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func writeOne(dst string, f packFile) error {
	w, err := os.Create(dst)
	if err != nil {
		return err
	}
	if err := copyBody(w, f); err != nil {
		w.Close()
		return err
	}
	if err := w.Sync(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func copyBody(w io.Writer, f packFile) error {
	if f.from == "" {
		_, err := w.Write(f.body)
		return err
	}
	r, err := os.Open(f.from)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}

func writeZip(out string, files []packFile) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".export-*.zip")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	zw := zip.NewWriter(tmp)
	for _, f := range files {
		method := zip.Deflate
		if f.from != "" {
			method = zip.Store // photos are compressed already
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: method, Modified: time.Now()})
		if err == nil {
			err = copyBody(w, f)
		}
		if err != nil {
			tmp.Close()
			return fmt.Errorf("export %s: %w", f.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return fmt.Errorf("export: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	// The rename is only lasting once the folder is synced.
	if err := media.SyncDir(filepath.Dir(out)); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
