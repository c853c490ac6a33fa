package data

import (
	"strings"
	"unicode"
)

// searchField is one part of an item's search text. Each is ranked with its
// own weight (see fieldWeights), and the pinyin ones are only searched for
// Chinese visitors, whose Latin keys type pinyin: for everyone else "tao"
// is Vietnamese (táo, apple), not 陶.
type searchField int

const (
	fieldName       searchField = iota // the item's name in every language
	fieldJoined                        // a name's adjacent words written together: "battrang"
	fieldKana                          // the reading of the Japanese name, in hiragana
	fieldPinyin                        // the Chinese name's pinyin: syllables and runs of them written together
	fieldInitials                      // the Chinese name's pinyin initials, from each syllable on: "tcc" for 陶瓷村
	fieldPinyinMore                    // pinyin of the village's name and the craft's vocabulary
	fieldConcept                       // the OCOP group's and the craft's words in every language
	fieldPlace                         // village, craft, producer, commune, district
	fieldBody                          // descriptions and summaries
	fieldWords                         // whole words of scripts written without spaces, for a bonus
	numFields
)

// maxJoinedSyllables bounds the pinyin runs indexed from one syllable on:
// long enough for a whole name typed in one go.
const maxJoinedSyllables = 16

// docFields gathers an item's search text, field by field, as the tokens
// the in-memory index holds (each field's tokens once).
type docFields [numFields][]string

// fieldBuilder adds texts to a docFields, remembering tokenisations of
// texts met before (an import names the same villages thousands of times).
type fieldBuilder struct {
	memo   tokenMemo
	pyMemo map[string]string
	doc    docFields
	seen   [numFields]map[string]bool
}

func (b *fieldBuilder) reset() {
	b.doc = docFields{}
	for i := range b.seen {
		if b.seen[i] == nil {
			b.seen[i] = map[string]bool{}
		}
		clear(b.seen[i])
	}
}

// addAll adds a part made once for many items (a village's, a craft's).
func (b *fieldBuilder) addAll(d docFields) {
	for f, tokens := range d {
		b.add(searchField(f), tokens...)
	}
}

func (b *fieldBuilder) add(f searchField, tokens ...string) {
	for _, t := range tokens {
		if t != "" && !b.seen[f][t] {
			b.seen[f][t] = true
			b.doc[f] = append(b.doc[f], t)
		}
	}
}

// text adds the tokens of texts to a field; names and places also get their
// words written together and their whole runs of Chinese characters.
func (b *fieldBuilder) text(f searchField, texts ...string) {
	for _, s := range texts {
		b.add(f, b.memo.tokens(s)...)
		if f == fieldName || f == fieldPlace || f == fieldConcept {
			b.add(fieldWords, wholeRuns(s)...)
		}
		switch f {
		case fieldName:
			b.add(fieldJoined, joinedWords(s)...)
			b.add(fieldWords, wholeName(s))
		case fieldPlace, fieldConcept:
			b.add(f, joinedWords(s)...) // gomsu for the craft Gốm sứ
		}
	}
}

// kana adds a reading in hiragana: its runs as the index cuts them, and
// each word whole.
func (b *fieldBuilder) kana(f searchField, reading string) {
	if reading == "" {
		return
	}
	reading = toHiragana(reading)
	b.add(f, searchTokens(strings.ReplaceAll(reading, " ", ""))...)
	for _, w := range strings.Fields(reading) {
		b.add(fieldWords, wholeRuns(w)...)
	}
}

// pinyin adds a pinyin reading: each syllable, the syllables from each one
// on written together ("taocicun", "cicun"), and to initials their first
// letters ("tcc", "cc"), so that taoci, tao ci and tc all find 陶瓷村.
func (b *fieldBuilder) pinyin(f, initials searchField, reading string) {
	syl := strings.Fields(Fold(reading))
	for i := range syl {
		end := min(len(syl), i+maxJoinedSyllables)
		b.add(f, syl[i], strings.Join(syl[i:end], ""))
		var in strings.Builder
		for _, s := range syl[i:end] {
			in.WriteByte(s[0])
		}
		b.add(initials, in.String())
	}
}

// joinedWords are a text's adjacent Latin words written together, two and
// three at a time: "Lụa Vạn Phúc" gives luavan, luavanphuc, vanphuc.
func joinedWords(s string) []string {
	words := strings.FieldsFunc(Fold(s), notWordRune)
	var out []string
	for i := range words {
		if !isASCII(words[i]) {
			continue
		}
		joined := words[i]
		for j := i + 1; j < len(words) && j < i+3 && isASCII(words[j]); j++ {
			joined += words[j]
			out = append(out, joined)
		}
	}
	return out
}

// wholeName is a name's words written together after "=": a query that
// is a whole name, word for word, gets the whole-word bonus for it.
func wholeName(s string) string {
	w := strings.Join(strings.FieldsFunc(Fold(s), notWordRune), "")
	if w == "" {
		return ""
	}
	return "=" + w
}

// wholeRuns are the runs of Chinese characters, kana or Hangul in s, whole:
// "陶瓷村" rather than its pairs, so a query that is a whole word of a name
// ranks above one that only shares characters with it.
func wholeRuns(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(s), notWordRune) {
		if r := []rune(w); len(r) >= 2 && (isIdeographic(r[0]) || unicode.Is(unicode.Hangul, r[0])) {
			out = append(out, w)
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// encode writes a document's fields as one string for the search_terms
// table: tokens separated by spaces, fields by the unit separator.
func (d *docFields) encode() string {
	parts := make([]string, numFields)
	for i, f := range d {
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, "\x1f")
}

// decodeFields is encode's inverse; fields missing from older rows are empty.
func decodeFields(s string) docFields {
	var d docFields
	for i, part := range strings.SplitN(s, "\x1f", int(numFields)) {
		d[i] = strings.Fields(part)
	}
	return d
}

// catalogueFields builds every item's search text, in the order villages,
// products, tours (which is also the order of equal-ranked results).
type searchDocument struct {
	kind   Kind
	id     string
	fields docFields
	row    hitRow
}

// hitRow is what a result row shows of an item, kept with the index so
// that a search reads nothing from the database.
type hitRow struct {
	name  Text
	image Image
}

func firstImage(imgs []Image) Image {
	if len(imgs) > 0 {
		return imgs[0]
	}
	return Image{}
}

func catalogueFields(cat *Catalogue, readings map[string]Readings) []searchDocument {
	villages := map[string]*Village{}
	for i := range cat.Villages {
		villages[cat.Villages[i].ID] = &cat.Villages[i]
	}
	villageKana := map[string]string{}
	b := &fieldBuilder{memo: tokenMemo{}, pyMemo: map[string]string{}}
	var docs []searchDocument
	emit := func(kind Kind, id string, name Text, image Image) {
		docs = append(docs, searchDocument{kind: kind, id: id, fields: b.doc, row: hitRow{name: nonEmpty(name), image: image}})
	}
	// What a village adds to each of its products' and tours' search text
	// is made once per village, and the craft words once per sub-group:
	// a national import has twenty thousand products in two thousand villages.
	villageParts := map[string]docFields{}
	conceptParts := map[string]docFields{}
	part := func(build func(pb *fieldBuilder)) docFields {
		pb := &fieldBuilder{memo: b.memo, pyMemo: b.pyMemo}
		pb.reset()
		build(pb)
		return pb.doc
	}
	concepts := func(texts ...string) {
		key := strings.Join(texts, "\x00")
		d, ok := conceptParts[key]
		if !ok {
			d = part(func(pb *fieldBuilder) { pb.concepts(conceptsOf(texts...)) })
			conceptParts[key] = d
		}
		b.addAll(d)
	}
	village := func(v *Village) {
		if v == nil {
			return
		}
		d, ok := villageParts[v.ID]
		if !ok {
			kana := ""
			if v.Name[JA] != "" {
				kana = KanaReading(v.Name[JA])
			}
			villageKana[v.ID] = kana
			d = part(func(pb *fieldBuilder) {
				pb.text(fieldPlace, allLangs(v.Name)...)
				pb.text(fieldPlace, allLangs(v.Craft)...)
				pb.pinyin(fieldPinyinMore, fieldPinyinMore, pb.pinyinOf(v.Name[ZH]))
				pb.kana(fieldPlace, kana)
				pb.concepts(conceptsOf(allLangs(v.Craft)...))
			})
			villageParts[v.ID] = d
		}
		b.addAll(d)
	}
	for i := range cat.Villages {
		v := &cat.Villages[i]
		b.reset()
		b.text(fieldName, allLangs(v.Name)...)
		b.pinyin(fieldPinyin, fieldInitials, PinyinReading(v.Name[ZH]))
		village(v)
		b.kana(fieldKana, villageKana[v.ID])
		b.text(fieldPlace, v.Commune, v.FormerDistrict)
		b.text(fieldBody, allLangs(v.Summary)...)
		emit(KindVillage, v.ID, v.Name, v.Cover)
	}
	for _, p := range cat.Products {
		b.reset()
		r := readings[p.ID]
		b.text(fieldName, allLangs(p.Name)...)
		b.kana(fieldKana, r.Kana)
		b.pinyin(fieldPinyin, fieldInitials, r.Pinyin)
		village(villages[p.VillageID])
		b.text(fieldPlace, p.Producer)
		b.text(fieldConcept, groupWords[p.Group]...)
		concepts(allLangs(p.Subgroup)...)
		b.text(fieldBody, allLangs(p.Description)...)
		b.text(fieldBody, allLangs(p.Subgroup)...)
		emit(KindProduct, p.ID, p.Name, firstImage(p.Images))
	}
	for _, t := range cat.Tours {
		b.reset()
		b.text(fieldName, allLangs(t.Name)...)
		b.pinyin(fieldPinyin, fieldInitials, PinyinReading(t.Name[ZH]))
		if t.Name[JA] != "" {
			b.kana(fieldKana, KanaReading(t.Name[JA]))
		}
		village(villages[t.VillageID])
		b.text(fieldConcept, groupWords[6]...)
		b.text(fieldBody, allLangs(t.Description)...)
		emit(KindTour, t.ID, t.Name, firstImage(t.Images))
	}
	return docs
}

// concepts adds the words of craft concepts, with the pinyin of their
// Chinese words for Chinese visitors.
func (b *fieldBuilder) concepts(cs []*craftConcept) {
	for _, c := range cs {
		b.text(fieldConcept, c.all()...)
		for _, zh := range c.zh {
			b.pinyin(fieldPinyinMore, fieldPinyinMore, b.pinyinOf(zh))
		}
	}
}

// pinyinOf is PinyinReading, remembered: village names and craft words
// come back with every product.
func (b *fieldBuilder) pinyinOf(s string) string {
	py, ok := b.pyMemo[s]
	if !ok {
		py = PinyinReading(s)
		b.pyMemo[s] = py
	}
	return py
}
