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
	for _, table := range []string{"search_index", "search_docs", "item_images", "images", "texts", "tours", "products", "villages", "pack"} {
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

// searchIndex folds each item's texts in every language once, at import, so
// that a query only has to look tokens up.
func (w *catalogueWriter) searchIndex(cat *Catalogue) {
	villages := map[string]Village{}
	for _, v := range cat.Villages {
		villages[v.ID] = v
	}
	docid := 0
	memo := tokenMemo{}
	add := func(kind Kind, id string, name, place, body []string) {
		docid++
		w.exec(`INSERT INTO search_docs (docid, kind, item_id) VALUES (?, ?, ?)`, docid, string(kind), id)
		w.exec(`INSERT INTO search_index (docid, name, place, body) VALUES (?, ?, ?, ?)`,
			docid, memo.indexText(name...), memo.indexText(place...), memo.indexText(body...))
	}
	for _, v := range cat.Villages {
		add(KindVillage, v.ID, allLangs(v.Name),
			append(allLangs(v.Craft), v.Commune, v.FormerDistrict),
			allLangs(v.Summary))
	}
	for _, p := range cat.Products {
		v := villages[p.VillageID]
		add(KindProduct, p.ID, allLangs(p.Name),
			append(append(allLangs(v.Name), allLangs(v.Craft)...), p.Producer),
			append(allLangs(p.Description), allLangs(p.Subgroup)...))
	}
	for _, t := range cat.Tours {
		v := villages[t.VillageID]
		add(KindTour, t.ID, allLangs(t.Name),
			append(allLangs(v.Name), allLangs(v.Craft)...),
			allLangs(t.Description))
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
