package data

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"ocopkiosk/data/input"
)

// memIndex is the search index a kiosk holds in memory: for each field, the
// sorted tokens and, per token, the items (by number) that have it. A
// prefix is a range of the sorted tokens; a query is a few such ranges, so
// even a one-letter query over a national catalogue takes well under the
// 2 ms a visitor's keystroke allows, and counts every match.
type memIndex struct {
	items   []indexedItem
	fields  [numFields]postingTable
	nameLen []uint16 // name tokens per item: a short name that matches ranks higher
	scratch sync.Pool
}

type indexedItem struct {
	kind Kind
	id   string
	row  hitRow
}

type postingTable struct {
	tokens []string
	items  [][]uint32
}

// newMemIndex builds the index from documents in item order.
func newMemIndex(docs []searchDocument) *memIndex {
	ix := &memIndex{items: make([]indexedItem, len(docs)), nameLen: make([]uint16, len(docs))}
	var maps [numFields]map[string][]uint32
	for f := range maps {
		maps[f] = map[string][]uint32{}
	}
	for i, d := range docs {
		ix.items[i] = indexedItem{kind: d.kind, id: d.id, row: d.row}
		ix.nameLen[i] = uint16(min(len(d.fields[fieldName]), 65535))
		for f, tokens := range d.fields {
			m := maps[f]
			for _, t := range tokens {
				m[t] = append(m[t], uint32(i))
			}
		}
	}
	for f, m := range maps {
		pt := &ix.fields[f]
		pt.tokens = make([]string, 0, len(m))
		for t := range m {
			pt.tokens = append(pt.tokens, t)
		}
		slices.Sort(pt.tokens)
		pt.items = make([][]uint32, len(pt.tokens))
		for i, t := range pt.tokens {
			pt.items[i] = slices.Clip(m[t])
		}
	}
	return ix
}

// tokenRange is the tokens from lo (inclusive) to hi (exclusive) in sort
// order; exact marks a range that is one whole token.
type tokenRange struct {
	lo, hi string
	exact  bool
}

func prefixRange(p string) tokenRange      { return tokenRange{lo: p, hi: p + "\xff"} }
func exactRange(t string) tokenRange       { return tokenRange{lo: t, hi: t + "\x00", exact: true} }
func (pt *postingTable) find(s string) int { return sort.SearchStrings(pt.tokens, s) }

// queryTerm is one word of a query, with the token ranges that match it.
type queryTerm struct {
	text      string
	ranges    []tokenRange
	cjk       bool // a pair or a single character of Chinese or kana
	bodyMatch bool // long enough to look for in descriptions
}

// Weights of a term's best field. A name outweighs the craft's vocabulary,
// which outweighs the village or producer, which outweighs a description.
var fieldWeights = [numFields]float32{
	fieldName: 10, fieldJoined: 8, fieldKana: 9, fieldPinyin: 9, fieldInitials: 7,
	fieldPinyinMore: 4, fieldConcept: 6, fieldPlace: 3, fieldBody: 1,
}

// Classes of fields for the bonuses: the item's own name however written,
// and the words of its craft.
const (
	className = iota + 1
	classConcept
)

func fieldClass(f searchField) uint8 {
	switch f {
	case fieldName, fieldJoined, fieldKana, fieldPinyin, fieldInitials:
		return className
	case fieldConcept:
		return classConcept
	}
	return 0
}

// A prefix of a word counts less than the whole word ("gom" in "gốm" beats
// "gom" as the start of "gomsu").
const prefixQuality = 0.7

// Bonuses added to a match's score.
const (
	bonusAllInName = 6  // every word of the query is in the name
	bonusWholeWord = 12 // a run of CJK or Hangul in the query is a whole word of the item
	bonusShortName = 4  // scaled by the share of the name's tokens the query covers
	// A village whose name or craft is the whole query is what the visitor
	// named: Vạn Phúc the village before the Vạn Phúc brocade.
	bonusVillage = 4
	// The query is a craft's word and the item's name says that craft.
	bonusConceptName = 8
)

type scratch struct {
	best      []float32
	bestClass []uint8 // the best field's class: className, classConcept or 0
	total     []float32
	count     []uint8
	nameCount []uint8 // terms whose best field is the name
	ownCount  []uint8 // terms whose best field is the name or the craft's words
	touched   []uint32
	first     []uint32
}

func (ix *memIndex) getScratch() *scratch {
	if s, ok := ix.scratch.Get().(*scratch); ok {
		return s
	}
	n := len(ix.items)
	return &scratch{best: make([]float32, n), bestClass: make([]uint8, n), total: make([]float32, n),
		count: make([]uint8, n), nameCount: make([]uint8, n), ownCount: make([]uint8, n)}
}

// ranked is one match: its item number and score.
type ranked struct {
	item  uint32
	score float32
}

// search returns every item that matches all terms, unordered, with scores.
func (ix *memIndex) search(terms []queryTerm, runs []string, lang Lang) []ranked {
	if len(terms) == 0 || len(ix.items) == 0 {
		return nil
	}
	s := ix.getScratch()
	defer ix.scratch.Put(s)
	var matched []uint32
	for i, term := range terms {
		s.touched = s.touched[:0]
		for f := range numFields {
			w := fieldWeights[f]
			if w == 0 || !fieldSearched(searchField(f), term, lang) {
				continue
			}
			pt := &ix.fields[f]
			for _, r := range term.ranges {
				q := w
				if !r.exact && !term.cjk {
					q *= prefixQuality
				}
				for t := pt.find(r.lo); t < len(pt.tokens) && pt.tokens[t] < r.hi; t++ {
					for _, d := range pt.items[t] {
						if int(s.count[d]) != i || q <= s.best[d] {
							continue
						}
						if s.best[d] == 0 {
							s.touched = append(s.touched, d)
						}
						s.best[d], s.bestClass[d] = q, fieldClass(searchField(f))
					}
				}
			}
		}
		for _, d := range s.touched {
			s.count[d]++
			s.total[d] += s.best[d]
			if s.bestClass[d] == className {
				s.nameCount[d]++
			}
			if s.bestClass[d] != 0 {
				s.ownCount[d]++
			}
			s.best[d], s.bestClass[d] = 0, 0
		}
		if i == 0 {
			s.first = append(s.first[:0], s.touched...)
		}
		matched = s.touched
		if len(matched) == 0 {
			break
		}
	}
	n := uint8(len(terms))
	var out []ranked
	if len(matched) > 0 && s.count[matched[0]] == n {
		out = make([]ranked, 0, len(matched))
		for _, d := range matched {
			score := s.total[d]
			if s.nameCount[d] == n {
				score += bonusAllInName
			}
			if s.ownCount[d] == n && ix.items[d].kind == KindVillage {
				score += bonusVillage
			}
			if l := ix.nameLen[d]; l > 0 {
				score += bonusShortName * float32(min(int(n), int(l))) / float32(l)
			}
			out = append(out, ranked{item: d, score: score})
		}
		ix.wholeWordBonus(out, runs)
		ix.conceptBonus(out, terms)
	}
	for _, d := range s.first {
		s.count[d], s.total[d], s.nameCount[d], s.ownCount[d] = 0, 0, 0, 0
	}
	return out
}

// wholeWordBonus raises the matches that have a query's run of CJK or
// Hangul as a whole word: 陶瓷 for a ceramics product, not 陶瓷 as two
// characters somewhere in a longer word.
func (ix *memIndex) wholeWordBonus(out []ranked, runs []string) {
	if len(runs) == 0 {
		return
	}
	pos := make(map[uint32]int, len(out))
	for i, r := range out {
		pos[r.item] = i
	}
	pt := &ix.fields[fieldWords]
	for _, run := range runs {
		t := pt.find(run)
		if t < len(pt.tokens) && pt.tokens[t] == run {
			for _, d := range pt.items[t] {
				if i, ok := pos[d]; ok {
					out[i].score += bonusWholeWord
				}
			}
		}
	}
}

// conceptBonus raises the matches whose names say, in any language, the
// concept the query names: for "pottery" or "도자기" or "とうき", a name
// with 陶瓷, gốm or 陶器 in it.
func (ix *memIndex) conceptBonus(out []ranked, terms []queryTerm) {
	var whole strings.Builder
	for _, t := range terms {
		if t.cjk && whole.Len() > 0 {
			r := []rune(t.text)
			whole.WriteRune(r[len(r)-1]) // pairs overlap: add each pair's last character
			continue
		}
		whole.WriteString(t.text)
	}
	tokens := conceptNameTokens()[whole.String()]
	if len(tokens) == 0 {
		return
	}
	pos := make(map[uint32]int, len(out))
	for i, r := range out {
		pos[r.item] = i
	}
	raised := map[uint32]bool{}
	pt := &ix.fields[fieldName]
	for _, tok := range tokens {
		t := pt.find(tok)
		if t >= len(pt.tokens) || pt.tokens[t] != tok {
			continue
		}
		for _, d := range pt.items[t] {
			if i, ok := pos[d]; ok && !raised[d] {
				raised[d] = true
				out[i].score += bonusConceptName
			}
		}
	}
}

// fieldSearched says whether a term is looked for in a field: pinyin only
// for Chinese visitors, descriptions only for words of three letters or
// more (two letters of a description match nearly everything).
func fieldSearched(f searchField, term queryTerm, lang Lang) bool {
	switch f {
	case fieldPinyin, fieldInitials, fieldPinyinMore:
		return lang == ZH && !term.cjk
	case fieldBody:
		return term.bodyMatch
	case fieldWords:
		return false
	}
	return true
}

// parseQuery cuts a query into terms: Latin words and Hangul words as
// prefixes (the last Hangul syllable also as the start of the next one,
// since a final consonant may yet move on: 작 may become 자기), runs of
// Chinese characters and kana as pairs, pinyin with tone numbers without
// them. runs are the query's whole CJK and Hangul runs, for the bonus.
func parseQuery(query string) (terms []queryTerm, runs []string) {
	words := strings.FieldsFunc(Fold(query), notWordRune)
	for _, w := range words {
		if len(terms) >= maxQueryTokens {
			break
		}
		if r := []rune(w); len(r) > maxTokenRunes {
			w = string(r[:maxTokenRunes])
		}
		for _, part := range splitScripts(w) {
			first, _ := utf8.DecodeRuneInString(part)
			switch {
			case isIdeographic(first):
				terms = append(terms, cjkTerms(part)...)
				if utf8.RuneCountInString(part) >= 2 {
					runs = append(runs, part)
				}
			case unicode.Is(unicode.Hangul, first):
				terms = append(terms, queryTerm{text: part, ranges: hangulRanges(part), bodyMatch: true})
				if utf8.RuneCountInString(part) >= 2 {
					runs = append(runs, part)
				}
			default:
				part = stripTones(part)
				terms = append(terms, queryTerm{text: part, ranges: []tokenRange{prefixRange(part)},
					bodyMatch: utf8.RuneCountInString(part) >= 3})
			}
		}
	}
	if len(terms) > maxQueryTerms {
		terms = terms[:maxQueryTerms]
	}
	if len(words) > 1 {
		runs = append(runs, "="+strings.Join(words, "")) // the query may be a whole name
	}
	return terms, runs
}

// splitScripts cuts a word where it passes between CJK and other letters.
func splitScripts(w string) []string {
	var out []string
	start := 0
	prev := false
	for i, r := range w {
		cur := isIdeographic(r)
		if i > 0 && cur != prev {
			out = append(out, w[start:i])
			start = i
		}
		prev = cur
	}
	return append(out, w[start:])
}

// cjkTerms are a run's overlapping pairs as whole tokens (a run of one
// character is a prefix: 陶 finds 陶瓷).
func cjkTerms(run string) []queryTerm {
	r := []rune(run)
	if len(r) == 1 {
		return []queryTerm{{text: run, ranges: []tokenRange{prefixRange(run)}, cjk: true, bodyMatch: true}}
	}
	var out []queryTerm
	for i := 0; i+1 < len(r); i++ {
		pair := string(r[i : i+2])
		out = append(out, queryTerm{text: pair, ranges: []tokenRange{exactRange(pair)}, cjk: true, bodyMatch: true})
	}
	return out
}

// stripTones drops tone numbers from pinyin typed with them: tao2ci2 → taoci.
// A word that is not letters each followed by at most one digit 1–5 stays.
func stripTones(w string) string {
	if isASCII(w) && strings.ContainsAny(w, "12345") {
		var b strings.Builder
		prevLetter := false
		for _, r := range w {
			switch {
			case r >= 'a' && r <= 'z':
				b.WriteRune(r)
				prevLetter = true
			case r >= '1' && r <= '5' && prevLetter:
				prevLetter = false
			default:
				return w
			}
		}
		return b.String()
	}
	return w
}

// hangulRanges are the tokens a Hangul word may be the start of, its last
// syllable still open: the word as typed, its last letter as any syllable
// it may yet become (도 → 도…돟, ㄱ → 가…깋), and its last final consonant
// moved on to the next syllable (도작 → 도자기).
func hangulRanges(w string) []tokenRange {
	ranges := []tokenRange{prefixRange(w)}
	r := []rune(w)
	head, last := string(r[:len(r)-1]), r[len(r)-1]
	if lo, hi, ok := input.SyllableRange(last); ok {
		ranges = append(ranges, tokenRange{lo: head + string(lo), hi: head + string(hi)})
	}
	if syl, moved, ok := input.SplitFinal(last); ok {
		if lo, hi, ok := input.SyllableRange(moved); ok {
			ranges = append(ranges, tokenRange{lo: head + string(syl) + string(lo), hi: head + string(syl) + string(hi)})
		}
	}
	return ranges
}
