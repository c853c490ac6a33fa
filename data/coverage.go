package data

// Coverage says, for one language and one kind of item, how many items have
// their own text (not a fallback) for the fields visitors read most.
type Coverage struct {
	Lang        Lang
	Kind        Kind
	Total       int
	Name        int // items with their own name
	Description int // own description (a village's summary)
	Story       int // own story; villages only
	Missing     []MissingText
}

// MissingText is an item that lacks some of its own texts in a language.
type MissingText struct {
	ID     string
	Name   Text
	Fields []string // "name", "description", "story"
}

// Complete reports whether every item has every text in this language.
func (c Coverage) Complete() bool { return len(c.Missing) == 0 }

// TranslationCoverage counts, for every visitor language and kind of item,
// the items whose name, description and (for villages) story exist in that
// language, and lists the items that fall back to another language.
func TranslationCoverage(cat *Catalogue) []Coverage {
	var out []Coverage
	for _, lang := range Languages {
		villages := Coverage{Lang: lang, Kind: KindVillage, Total: len(cat.Villages)}
		for _, v := range cat.Villages {
			villages.count(v.ID, v.Name, map[string]Text{"name": v.Name, "description": v.Summary, "story": v.Story})
		}
		products := Coverage{Lang: lang, Kind: KindProduct, Total: len(cat.Products)}
		for _, p := range cat.Products {
			products.count(p.ID, p.Name, map[string]Text{"name": p.Name, "description": p.Description})
		}
		tours := Coverage{Lang: lang, Kind: KindTour, Total: len(cat.Tours)}
		for _, t := range cat.Tours {
			tours.count(t.ID, t.Name, map[string]Text{"name": t.Name, "description": t.Description})
		}
		out = append(out, villages, products, tours)
	}
	return out
}

// fieldOrder keeps the missing fields in a stable, readable order.
var fieldOrder = []string{"name", "description", "story"}

func (c *Coverage) count(id string, name Text, fields map[string]Text) {
	var missing []string
	for _, f := range fieldOrder {
		text, has := fields[f]
		if !has {
			continue
		}
		if !text.Has(c.Lang) {
			missing = append(missing, f)
			continue
		}
		switch f {
		case "name":
			c.Name++
		case "description":
			c.Description++
		case "story":
			c.Story++
		}
	}
	if len(missing) > 0 {
		c.Missing = append(c.Missing, MissingText{ID: id, Name: name, Fields: missing})
	}
}
