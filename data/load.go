package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Keys in the texts and item_images tables for things that are not catalogue items.
const (
	kindCentre     = "centre"        // the centre's name
	kindStoryImage = "village-story" // pictures inside a village's story
)

// ErrNotFound means no item has the id asked for.
var ErrNotFound = errors.New("not found")

const productColumns = `id, village_id, producer, producer_type, ocop_group, stars, decision_no, decision_date,
	valid_until, price_min, price_max, purchase_url, bank_bin, bank_account, bank_name, featured`

const tourColumns = `id, village_id, duration_minutes, price_vnd, min_group, max_group, guide_languages, signup_url`

// LoadCatalogue reads the whole catalogue, in pack order (for export).
func (s *Store) LoadCatalogue(ctx context.Context) (*Catalogue, error) {
	cat := &Catalogue{}
	var err error
	if cat.Pack, cat.Centre, err = s.packInfo(ctx); err != nil {
		return nil, err
	}
	if cat.Villages, err = s.queryVillages(ctx, false, "ORDER BY position"); err != nil {
		return nil, err
	}
	if cat.Products, err = s.queryProducts(ctx, false, "ORDER BY position"); err != nil {
		return nil, err
	}
	if cat.Tours, err = s.queryTours(ctx, "ORDER BY position"); err != nil {
		return nil, err
	}
	return cat, nil
}

// PackInfo describes the pack that is loaded; its Version is 0 when none is.
func (s *Store) PackInfo(ctx context.Context) (PackInfo, error) {
	info, _, err := s.packInfo(ctx)
	return info, err
}

// PackCentre is the centre named by the loaded pack (empty when it names none).
func (s *Store) PackCentre(ctx context.Context) (Centre, error) {
	_, c, err := s.packInfo(ctx)
	return c, err
}

func (s *Store) packInfo(ctx context.Context) (PackInfo, Centre, error) {
	var info PackInfo
	var centre Centre
	var created, imported string
	err := s.db.QueryRowContext(ctx, `SELECT format, version, title, created, imported_at, centre_id FROM pack WHERE id = 1`).
		Scan(&info.Format, &info.Version, &info.Title, &created, &imported, &centre.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return info, centre, nil
	}
	if err != nil {
		return info, centre, fmt.Errorf("read pack info: %w", err)
	}
	info.Created, _ = time.Parse(time.RFC3339, created)
	info.ImportedAt, _ = time.Parse(time.RFC3339, imported)
	texts, err := s.texts(ctx, kindCentre, []string{centre.ID})
	if err != nil {
		return info, centre, err
	}
	centre.Name = texts[centre.ID]["name"]
	return info, centre, nil
}

// Villages lists every village in pack order, without their stories (a
// national catalogue has thousands; Village gives one with its story).
func (s *Store) Villages(ctx context.Context) ([]Village, error) {
	return s.queryVillages(ctx, true, "ORDER BY position")
}

// Village returns one village with its story, or ErrNotFound.
func (s *Store) Village(ctx context.Context, id string) (Village, error) {
	vs, err := s.queryVillages(ctx, false, "WHERE id = ?", id)
	if err != nil {
		return Village{}, err
	}
	if len(vs) == 0 {
		return Village{}, fmt.Errorf("village %q: %w", id, ErrNotFound)
	}
	return vs[0], nil
}

// Product returns one product, or ErrNotFound.
func (s *Store) Product(ctx context.Context, id string) (Product, error) {
	ps, err := s.queryProducts(ctx, false, "WHERE id = ?", id)
	if err != nil {
		return Product{}, err
	}
	if len(ps) == 0 {
		return Product{}, fmt.Errorf("product %q: %w", id, ErrNotFound)
	}
	return ps[0], nil
}

// Tour returns one tour, or ErrNotFound.
func (s *Store) Tour(ctx context.Context, id string) (Tour, error) {
	ts, err := s.queryTours(ctx, "WHERE id = ?", id)
	if err != nil {
		return Tour{}, err
	}
	if len(ts) == 0 {
		return Tour{}, fmt.Errorf("tour %q: %w", id, ErrNotFound)
	}
	return ts[0], nil
}

// Tours lists tours in pack order; with a village id, only that village's.
func (s *Store) Tours(ctx context.Context, villageID string) ([]Tour, error) {
	if villageID == "" {
		return s.queryTours(ctx, "ORDER BY position")
	}
	return s.queryTours(ctx, "WHERE village_id = ? ORDER BY position", villageID)
}

// queryVillages reads villages; brief ones leave out the story, its
// pictures and the era.
func (s *Store) queryVillages(ctx context.Context, brief bool, tail string, args ...any) ([]Village, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, commune, former_district, lat, lng FROM villages `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("read villages: %w", err)
	}
	defer rows.Close()
	var vs []Village
	for rows.Next() {
		var v Village
		if err := rows.Scan(&v.ID, &v.Commune, &v.FormerDistrict, &v.Lat, &v.Lng); err != nil {
			return nil, fmt.Errorf("read villages: %w", err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read villages: %w", err)
	}
	ids := idsOf(vs, func(v Village) string { return v.ID })
	var fields []string
	if brief {
		fields = []string{"name", "summary", "craft"}
	}
	texts, err := s.texts(ctx, string(KindVillage), ids, fields...)
	if err != nil {
		return nil, err
	}
	imgs, err := s.itemImages(ctx, KindVillage, ids)
	if err != nil {
		return nil, err
	}
	storyImgs := map[string][]Image{}
	if !brief {
		if storyImgs, err = s.itemImages(ctx, kindStoryImage, ids); err != nil {
			return nil, err
		}
	}
	for i := range vs {
		v := &vs[i]
		t := texts[v.ID]
		v.Name, v.Summary, v.Craft, v.Era, v.Story = t["name"], t["summary"], t["craft"], t["era"], t["story"]
		if list := imgs[v.ID]; len(list) > 0 {
			v.Cover = list[0]
		}
		if list := imgs[v.ID]; len(list) > 1 {
			v.Gallery = list[1:]
		}
		v.StoryImages = storyImgs[v.ID]
	}
	return vs, nil
}

// queryProducts reads products; brief ones carry only what a tile shows
// (name, unit and the first photo, from the product's card), which is what
// lists need.
func (s *Store) queryProducts(ctx context.Context, brief bool, tail string, args ...any) ([]Product, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+productColumns+`, card FROM products `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	defer rows.Close()
	var ps []Product
	for rows.Next() {
		var p Product
		var decided, valid, card string
		var bank BankAccount
		if err := rows.Scan(&p.ID, &p.VillageID, &p.Producer, &p.ProducerType, &p.Group, &p.Stars, &p.DecisionNo,
			&decided, &valid, &p.PriceMin, &p.PriceMax, &p.PurchaseURL, &bank.BIN, &bank.Number, &bank.Name,
			&p.Featured, &card); err != nil {
			return nil, fmt.Errorf("read products: %w", err)
		}
		if brief {
			var c productCardJSON
			if err := json.Unmarshal([]byte(card), &c); err != nil {
				return nil, fmt.Errorf("read product %s: its card: %w", p.ID, err)
			}
			p.Name, p.Unit, p.Images = c.Name, c.Unit, c.Images
		}
		p.DecisionDate, _ = time.Parse(dateLayout, decided)
		p.ValidUntil, _ = time.Parse(dateLayout, valid)
		if bank.BIN != "" {
			p.Bank = &bank
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	if brief {
		return ps, nil
	}
	if err := s.fillProducts(ctx, ps); err != nil {
		return nil, err
	}
	return ps, nil
}

func (s *Store) fillProducts(ctx context.Context, ps []Product) error {
	ids := idsOf(ps, func(p Product) string { return p.ID })
	texts, err := s.texts(ctx, string(KindProduct), ids)
	if err != nil {
		return err
	}
	imgs, err := s.itemImages(ctx, KindProduct, ids)
	if err != nil {
		return err
	}
	for i := range ps {
		p := &ps[i]
		t := texts[p.ID]
		p.Name, p.Description, p.Subgroup, p.Unit = t["name"], t["description"], t["subgroup"], t["unit"]
		p.Reading = Readings{Kana: t["reading_given"][JA], Pinyin: t["reading_given"][ZH]}
		p.NameReading = Readings{Kana: t["reading"][JA], Pinyin: t["reading"][ZH]}
		p.Images = imgs[p.ID]
	}
	return nil
}

func (s *Store) queryTours(ctx context.Context, tail string, args ...any) ([]Tour, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tourColumns+` FROM tours `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("read tours: %w", err)
	}
	defer rows.Close()
	var ts []Tour
	for rows.Next() {
		var t Tour
		var guides string
		if err := rows.Scan(&t.ID, &t.VillageID, &t.DurationMinutes, &t.PriceVND, &t.MinGroup, &t.MaxGroup,
			&guides, &t.SignupURL); err != nil {
			return nil, fmt.Errorf("read tours: %w", err)
		}
		if guides != "" {
			t.GuideLanguages = strings.Split(guides, ";")
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read tours: %w", err)
	}
	ids := idsOf(ts, func(t Tour) string { return t.ID })
	texts, err := s.texts(ctx, string(KindTour), ids)
	if err != nil {
		return nil, err
	}
	imgs, err := s.itemImages(ctx, KindTour, ids)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		t := &ts[i]
		tx := texts[t.ID]
		t.Name, t.Description, t.Schedule, t.MeetingPoint = tx["name"], tx["description"], tx["schedule"], tx["meeting_point"]
		t.Images = imgs[t.ID]
	}
	return ts, nil
}

// texts reads the texts of the given items of one kind: id → field → Text;
// only the named fields when any are named (lists need names, not
// descriptions).
func (s *Store) texts(ctx context.Context, kind string, ids []string, fields ...string) (map[string]map[string]Text, error) {
	out := map[string]map[string]Text{}
	if len(ids) == 0 {
		return out, nil
	}
	where, args := inList("item_id", ids)
	if len(fields) > 0 {
		where += " AND field IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(fields)), ", ") + ")"
		for _, f := range fields {
			args = append(args, f)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT item_id, field, lang, value FROM texts WHERE kind = ? AND `+where,
		append([]any{kind}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read %s texts: %w", kind, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, field, lang, value string
		if err := rows.Scan(&id, &field, &lang, &value); err != nil {
			return nil, fmt.Errorf("read %s texts: %w", kind, err)
		}
		fields := out[id]
		if fields == nil {
			fields = map[string]Text{}
			out[id] = fields
		}
		if fields[field] == nil {
			fields[field] = Text{}
		}
		fields[field][Lang(lang)] = value
	}
	return out, rows.Err()
}

// itemImages reads the photos of the given items, in order: id → images.
func (s *Store) itemImages(ctx context.Context, kind Kind, ids []string) (map[string][]Image, error) {
	out := map[string][]Image{}
	if len(ids) == 0 {
		return out, nil
	}
	where, args := inList("ii.item_id", ids)
	rows, err := s.db.QueryContext(ctx, `SELECT ii.item_id, ii.hash, ii.source, i.width, i.height
		FROM item_images ii JOIN images i ON i.hash = ii.hash
		WHERE ii.kind = ? AND `+where+` ORDER BY ii.item_id, ii.position`, append([]any{string(kind)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read %s images: %w", kind, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var img Image
		if err := rows.Scan(&id, &img.Hash, &img.Source, &img.Width, &img.Height); err != nil {
			return nil, fmt.Errorf("read %s images: %w", kind, err)
		}
		out[id] = append(out[id], img)
	}
	return out, rows.Err()
}

// inList builds "column IN (?, ?, …)" for ids. Long lists (a whole-catalogue
// load) match every row instead, which the caller's kind filter narrows.
func inList(column string, ids []string) (string, []any) {
	if len(ids) > 500 {
		return "1", nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return column + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") + ")", args
}

func idsOf[T any](items []T, id func(T) string) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = id(it)
	}
	return ids
}
