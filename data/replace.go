package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

const dateLayout = "2006-01-02"

// ReplaceCatalogue makes cat the kiosk's whole content, in one transaction:
// afterwards the store holds either all of cat or, on any error, exactly what
// it held before. The photos cat names must already be in the media folder.
func (s *Store) ReplaceCatalogue(ctx context.Context, cat *Catalogue) error {
	defer releaseReadingTools()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace catalogue: %w", err)
	}
	defer tx.Rollback()
	w := catalogueWriter{ctx: ctx, tx: tx}
	w.clear()
	w.pack(cat, s.Now())
	for i, v := range cat.Villages {
		w.village(i, v)
	}
	for i, p := range cat.Products {
		w.product(i, p)
	}
	for i, t := range cat.Tours {
		w.tour(i, t)
	}
	w.searchIndex(cat)
	w.flushTexts()
	// Fresh statistics let SQLite pick the village index for a filter
	// naming a village, rather than scanning every product of a group.
	w.exec(`ANALYZE`)
	if w.err != nil {
		return fmt.Errorf("replace catalogue: %w", w.err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace catalogue: %w", err)
	}
	return nil
}

// catalogueWriter writes a catalogue inside one transaction and keeps the
// first error, so the steps read as a list.
type catalogueWriter struct {
	ctx          context.Context
	tx           *sql.Tx
	err          error
	seenImages   map[string]bool
	stmts        map[string]*sql.Stmt
	pendingTexts []any // rows of five values for the texts table, written in batches
}

func (w *catalogueWriter) exec(query string, args ...any) {
	if w.err != nil {
		return
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	st := w.stmts[query]
	if st == nil {
		st, w.err = w.tx.PrepareContext(w.ctx, query)
		if w.err != nil {
			return
		}
		w.stmts[query] = st
	}
	_, w.err = st.ExecContext(w.ctx, args...)
}

func (w *catalogueWriter) clear() {
	for _, table := range []string{"search_blob", "search_terms", "item_images", "images", "texts", "tours", "products", "villages", "pack"} {
		w.exec("DELETE FROM " + table)
	}
}

func (w *catalogueWriter) pack(cat *Catalogue, now time.Time) {
	w.exec(`INSERT INTO pack (id, format, version, title, created, imported_at, centre_id) VALUES (1, ?, ?, ?, ?, ?, ?)`,
		cat.Pack.Format, cat.Pack.Version, cat.Pack.Title, cat.Pack.Created.Format(time.RFC3339),
		now.UTC().Format(time.RFC3339), cat.Centre.ID)
	w.texts(kindCentre, cat.Centre.ID, map[string]Text{"name": cat.Centre.Name})
}

func (w *catalogueWriter) village(pos int, v Village) {
	w.exec(`INSERT INTO villages (id, position, commune, former_district, lat, lng) VALUES (?, ?, ?, ?, ?, ?)`,
		v.ID, pos, v.Commune, v.FormerDistrict, v.Lat, v.Lng)
	w.texts(string(KindVillage), v.ID, map[string]Text{
		"name": v.Name, "summary": v.Summary, "craft": v.Craft, "era": v.Era, "story": v.Story})
	w.images(KindVillage, v.ID, append([]Image{v.Cover}, v.Gallery...))
	w.images(kindStoryImage, v.ID, v.StoryImages)
}

func (w *catalogueWriter) product(pos int, p Product) {
	var bank BankAccount
	if p.Bank != nil {
		bank = *p.Bank
	}
	w.exec(`INSERT INTO products (id, position, village_id, producer, producer_type, ocop_group, stars,
		decision_no, decision_date, valid_until, price_min, price_max, purchase_url,
		bank_bin, bank_account, bank_name, featured, card) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, pos, p.VillageID, p.Producer, string(p.ProducerType), int(p.Group), p.Stars,
		p.DecisionNo, p.DecisionDate.Format(dateLayout), p.ValidUntil.Format(dateLayout), p.PriceMin, p.PriceMax,
		p.PurchaseURL, bank.BIN, bank.Number, bank.Name, p.Featured, productCard(p))
	w.texts(string(KindProduct), p.ID, map[string]Text{
		"name": p.Name, "description": p.Description, "subgroup": p.Subgroup, "unit": p.Unit})
	w.images(KindProduct, p.ID, p.Images)
}

func (w *catalogueWriter) tour(pos int, t Tour) {
	w.exec(`INSERT INTO tours (id, position, village_id, duration_minutes, price_vnd, min_group, max_group,
		guide_languages, signup_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, pos, t.VillageID, t.DurationMinutes, t.PriceVND, t.MinGroup, t.MaxGroup,
		strings.Join(t.GuideLanguages, ";"), t.SignupURL)
	w.texts(string(KindTour), t.ID, map[string]Text{
		"name": t.Name, "description": t.Description, "schedule": t.Schedule, "meeting_point": t.MeetingPoint})
	w.images(KindTour, t.ID, t.Images)
}

func (w *catalogueWriter) texts(kind, id string, fields map[string]Text) {
	for field, text := range fields {
		for lang, value := range text {
			if value != "" {
				w.pendingTexts = append(w.pendingTexts, kind, id, field, string(lang), value)
			}
		}
	}
	if len(w.pendingTexts) >= 5*textBatch {
		w.flushTexts()
	}
}

// textBatch is how many texts one INSERT writes: a catalogue has hundreds of
// thousands, and a statement per row spends most of an import crossing
// from Go to SQLite and back.
const textBatch = 200

func (w *catalogueWriter) flushTexts() {
	for len(w.pendingTexts) > 0 {
		n := min(len(w.pendingTexts)/5, textBatch)
		rows := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", n), ", ")
		w.exec(`INSERT INTO texts (kind, item_id, field, lang, value) VALUES `+rows, w.pendingTexts[:5*n]...)
		w.pendingTexts = w.pendingTexts[5*n:]
	}
}

func (w *catalogueWriter) images(kind Kind, id string, imgs []Image) {
	if w.seenImages == nil {
		w.seenImages = map[string]bool{}
	}
	for pos, img := range imgs {
		if img.Hash == "" {
			continue
		}
		if !w.seenImages[img.Hash] {
			w.seenImages[img.Hash] = true
			w.exec(`INSERT INTO images (hash, width, height) VALUES (?, ?, ?)`, img.Hash, img.Width, img.Height)
		}
		w.exec(`INSERT INTO item_images (kind, item_id, position, hash, source) VALUES (?, ?, ?, ?, ?)`,
			string(kind), id, pos, img.Hash, img.Source)
	}
}

// searchIndex makes the readings of product names (kana, pinyin), keeps
// them with the texts, and stores every item's search text, folded and cut
// into tokens once, at import, so that a kiosk only has to load it.
func (w *catalogueWriter) searchIndex(cat *Catalogue) {
	readings := make(map[string]Readings, len(cat.Products))
	for _, p := range cat.Products {
		r := makeReadings(p.Name, p.Reading)
		readings[p.ID] = r
		w.texts(string(KindProduct), p.ID, map[string]Text{
			"reading":       {JA: r.Kana, ZH: r.Pinyin},
			"reading_given": {JA: p.Reading.Kana, ZH: p.Reading.Pinyin},
		})
	}
	docs := catalogueFields(cat, readings)
	w.writeSearchTerms(docs)
	w.exec(`INSERT INTO search_blob (id, data) VALUES (1, ?)`, newMemIndex(docs).marshal())
}

func (w *catalogueWriter) writeSearchTerms(docs []searchDocument) {
	for i, d := range docs {
		w.exec(`INSERT INTO search_terms (docid, kind, item_id, terms) VALUES (?, ?, ?, ?)`,
			i+1, string(d.kind), d.id, d.fields.encode())
	}
}

// allLangs lists a text's translations in the fixed language order, so the
// index is the same every time the same pack is imported.
func allLangs(t Text) []string {
	var out []string
	for _, l := range Languages {
		if s := t[l]; s != "" {
			out = append(out, s)
		}
	}
	return out
}

// productCardJSON is what a product tile shows, stored with the product
// (see migration 004).
type productCardJSON struct {
	Name   Text    `json:"name"`
	Unit   Text    `json:"unit"`
	Images []Image `json:"images"`
}

func productCard(p Product) string {
	c := productCardJSON{Name: nonEmpty(p.Name), Unit: nonEmpty(p.Unit)}
	if len(p.Images) > 0 && p.Images[0].Hash != "" {
		c.Images = p.Images[:1]
	}
	b, _ := json.Marshal(c) // plain strings and numbers: cannot fail
	return string(b)
}

// nonEmpty drops empty translations, as the texts table does.
func nonEmpty(t Text) Text {
	out := Text{}
	for l, s := range t {
		if s != "" {
			out[l] = s
		}
	}
	return out
}
