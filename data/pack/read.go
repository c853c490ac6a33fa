package pack

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"ocopkiosk/data"
	"ocopkiosk/lang"
)

// The files of a pack.
const (
	manifestFile = "manifest.json"
	villagesFile = "villages.csv"
	productsFile = "products.csv"
	toursFile    = "tours.csv"
	storiesDir   = "stories"
)

// FormatVersion is the pack format this kiosk reads and writes.
const FormatVersion = 1

// maxStoryBytes bounds one story in one language, after its spaces are
// trimmed: about 20 KB is more than a visitor reads standing at a kiosk
// (some 3,000 words of Vietnamese), and keeps every story quick to draw.
const maxStoryBytes = 20 << 10

// maxStoryFileBytes bounds what is read of a story file at all, so that a
// huge one is refused without filling memory.
const maxStoryFileBytes = 1 << 20

// maxPhotosPerItem bounds the photos of one product or tour, and of one
// village's gallery: a visitor swipes through a dozen at most, and each one
// costs memory and time on the screen that shows them.
const maxPhotosPerItem = 12

// maxGuideLanguages bounds the languages a tour lists.
const maxGuideLanguages = 10

// maxStoryPictures bounds the distinct pictures in one village's stories.
const maxStoryPictures = 20

// maxTitleLength bounds the pack's title, in characters: staff read it on
// one line.
const maxTitleLength = 200

// readingColumns are the optional product columns in which staff correct
// the readings made at import: the Japanese name in kana, the Chinese name
// in pinyin (search finds names written in characters through them).
var readingColumns = []string{"name_ja_reading", "name_zh_pinyin"}

var (
	villageColumns = columns{
		plain:    []string{"id", "commune", "former_district", "lat", "lng", "cover", "gallery"},
		required: []string{"id", "commune", "lat", "lng", "cover"},
		perLang:  []string{"name", "summary", "craft", "era"},
	}
	productColumns = columns{
		plain: []string{"id", "village_id", "producer", "producer_type", "group", "stars", "decision_no",
			"decision_date", "valid_until", "price_min", "price_max", "purchase_url", "bank_bin", "bank_account",
			"bank_account_name", "images", "featured", readingColumns[0], readingColumns[1]},
		required: []string{"id", "village_id", "producer", "producer_type", "group", "stars", "decision_no",
			"decision_date", "price_min", "price_max", "images"},
		perLang: []string{"name", "description", "subgroup", "unit"},
	}
	tourColumns = columns{
		plain: []string{"id", "village_id", "duration_minutes", "price_vnd", "min_group", "max_group",
			"guide_languages", "signup_url", "images"},
		required: []string{"id", "village_id", "duration_minutes", "price_vnd", "min_group", "max_group",
			"guide_languages", "signup_url", "images"},
		perLang: []string{"name", "description", "schedule", "meeting_point"},
	}
)

// reader turns a pack's files into a catalogue, collecting every problem.
type reader struct {
	fsys   fs.FS
	cfg    readConfig
	r      report
	cat    data.Catalogue
	images []imageRef // every photo the pack names, to be checked and stored
	// refusedStories are story files already reported, so that a refused
	// Vietnamese story is not reported as missing as well.
	refusedStories map[string]bool
}

// imageRef is one place in the pack that names a photo.
type imageRef struct {
	source string      // path inside the pack
	file   string      // where it was named, for messages
	line   int         //
	column string      //
	target *data.Image // filled in once the photo is read
	// village is the village whose story shows the picture, for a story
	// picture: its slot exists only once every story has been read.
	village string
}

// readConfig is what the kiosk tells the reader beyond the pack itself.
type readConfig struct {
	// allowedHosts, when not nil, is the kiosk's list of sites a link may
	// lead to (Options.AllowedHosts): a link to any other host is a problem.
	allowedHosts []string
}

// read parses and checks everything but the photos' pixels.
func read(fsys fs.FS) *reader {
	return readWith(fsys, readConfig{})
}

// readWith is read with settings from the kiosk.
func readWith(fsys fs.FS, cfg readConfig) *reader {
	rd := &reader{fsys: fsys, cfg: cfg}
	rd.manifest()
	rd.villages()
	rd.products()
	rd.tours()
	rd.stories()
	return rd
}

type manifestJSON struct {
	Format  int               `json:"format"`
	Version int               `json:"version"`
	Title   string            `json:"title"`
	Created string            `json:"created"`
	Centre  map[string]string `json:"centre,omitempty"`
}

func (rd *reader) manifest() {
	b, err := readLimited(rd.fsys, manifestFile, 1<<20)
	if errors.Is(err, fs.ErrNotExist) {
		rd.r.add(manifestFile, 0, "", "file is missing; is this the pack's top folder?")
		return
	}
	if err != nil {
		rd.r.add(manifestFile, 0, "", "cannot read the file: %v", err)
		return
	}
	b = []byte(strings.TrimPrefix(string(b), "\ufeff")) // as Notepad saves UTF-8
	if !utf8.Valid(b) {
		line := 1 + strings.Count(string(b[:firstInvalidUTF8(b)]), "\n")
		rd.r.add(manifestFile, line, "", "text is not UTF-8; save the file as UTF-8")
		return
	}
	var m manifestJSON
	if err := json.Unmarshal(b, &m); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te) && te.Field != "":
			rd.r.add(manifestFile, jsonLine(b, err), te.Field, "expected %s, not %s", jsonKind(te.Type.Kind().String()), jsonKind(te.Value))
		case errors.As(err, &te):
			rd.r.add(manifestFile, jsonLine(b, err), "", "expected an object { … } with format, version, title and created, not %s", jsonKind(te.Value))
		default:
			rd.r.add(manifestFile, jsonLine(b, err), "", "not valid JSON: %v", err)
		}
		return
	}
	bad := func(key, format string, args ...any) { rd.r.add(manifestFile, 0, key, format, args...) }
	if m.Format != FormatVersion {
		bad("format", "%d is not a pack format this kiosk reads; expected %d", m.Format, FormatVersion)
	}
	if m.Version < 1 {
		bad("version", "required; expected a whole number ≥ 1, raised with each new pack")
	}
	m.Title = nfc(m.Title)
	if strings.TrimSpace(m.Title) == "" {
		bad("title", "required; expected a short name for this pack")
	} else if err := lengthProblem(m.Title, maxTitleLength); err != nil {
		bad("title", "%v", err)
	} else if err := textProblem(m.Title, false); err != nil {
		bad("title", "%v", err)
	}
	created, err := time.Parse(time.RFC3339, m.Created)
	if err != nil {
		bad("created", "%q is not a time; expected RFC 3339 such as 2026-11-30T09:00:00+07:00", m.Created)
	}
	rd.cat.Pack = data.PackInfo{Format: m.Format, Version: m.Version, Title: strings.TrimSpace(m.Title), Created: created}
	rd.centre(m.Centre)
}

func (rd *reader) centre(fields map[string]string) {
	if fields == nil {
		return
	}
	c := data.Centre{ID: strings.TrimSpace(fields["id"]), Name: data.Text{}}
	for key, value := range fields {
		if key == "id" {
			continue
		}
		field, suffix := splitLang(key)
		lang, ok := data.ParseLang(suffix)
		if field != "name" || !ok {
			rd.r.add(manifestFile, 0, "centre."+key, "unknown key; expected id and name_vi, name_en, name_ko, name_zh, name_ja")
			continue
		}
		v := nfc(strings.TrimSpace(value))
		if err := lengthProblem(v, data.MaxCentreNameLength); err != nil {
			rd.r.add(manifestFile, 0, "centre."+key, "%v", err)
		} else if err := textProblem(v, false); err != nil {
			rd.r.add(manifestFile, 0, "centre."+key, "%v", err)
		}
		if v != "" {
			c.Name[lang] = v
		}
	}
	if !data.ValidID(c.ID) {
		rd.r.add(manifestFile, 0, "centre.id", "%q is not a valid code; %s", shorten(c.ID), data.IDRule)
	}
	if c.Name[data.VI] == "" {
		rd.r.add(manifestFile, 0, "centre.name_vi", "required; the centre's Vietnamese name is empty")
	}
	rd.cat.Centre = c
}

// jsonLine finds the line of a JSON syntax or type error.
func jsonLine(b []byte, err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	offset := int64(-1)
	switch {
	case errors.As(err, &se):
		offset = se.Offset
	case errors.As(err, &te):
		offset = te.Offset
	}
	if offset >= 0 && offset <= int64(len(b)) {
		return 1 + strings.Count(string(b[:offset]), "\n")
	}
	return 0
}

// jsonKind names a JSON or Go kind for staff.
func jsonKind(kind string) string {
	switch {
	case kind == "string":
		return "text in quotes"
	case kind == "object" || kind == "map" || kind == "struct":
		return "an object { … }"
	case kind == "array" || kind == "slice":
		return "a list [ … ]"
	case kind == "bool":
		return "true or false"
	case kind == "int":
		return "a whole number"
	case kind == "number":
		return "a number"
	case strings.HasPrefix(kind, "number "):
		return strings.TrimPrefix(kind, "number ")
	}
	return kind
}

// seen tracks ids in one sheet to report duplicates with the first line.
type seen map[string]int

func (s seen) check(c cellReader, id string) {
	if id == "" {
		return
	}
	if first, dup := s[id]; dup {
		c.bad("id", "%q is used twice (first on line %d); every id must be different", id, first)
		return
	}
	s[id] = c.row.line
}

func (rd *reader) villages() {
	t := readTable(rd.fsys, villagesFile, villageColumns, &rd.r)
	if t == nil {
		return
	}
	ids := seen{}
	rd.cat.Villages = make([]data.Village, len(t.rows))
	for i, row := range t.rows {
		c := cellReader{r: &rd.r, row: row, allowedHosts: rd.cfg.allowedHosts}
		v := &rd.cat.Villages[i]
		v.ID = c.id("id")
		ids.check(c, v.ID)
		v.Name, v.Summary, v.Craft, v.Era = c.text("name"), c.text("summary"), c.text("craft"), c.text("era")
		v.Commune = c.required("commune")
		v.FormerDistrict = c.optional("former_district")
		v.Lat = c.float("lat", 8, 24, "a latitude in Vietnam, 8 to 24 (Hanoi is about 21.0)")
		v.Lng = c.float("lng", 102, 110, "a longitude in Vietnam, 102 to 110 (Hanoi is about 105.8)")
		if covers := c.list("cover"); len(covers) > 1 {
			c.bad("cover", "holds %d photos; the cover is one photo (put the others in gallery)", len(covers))
		} else if len(covers) == 1 {
			rd.ref(c, "cover", covers[0], &v.Cover)
		} else {
			c.bad("cover", "required; expected the path of a photo in the pack such as images/bat-trang/cover.jpg")
		}
		v.Gallery = rd.imageList(c, "gallery", false)
	}
}

// imageList reads a ';'-separated list of photo paths and registers each to be read.
func (rd *reader) imageList(c cellReader, column string, required bool) []data.Image {
	paths := c.list(column)
	if len(paths) == 0 {
		if required {
			c.bad(column, "required; expected one or more photo paths such as images/bat-trang/vase-1.jpg")
		}
		return nil
	}
	if len(paths) > maxPhotosPerItem {
		c.bad(column, "lists %d photos; at most %d are allowed for one item", len(paths), maxPhotosPerItem)
		return nil
	}
	imgs := make([]data.Image, len(paths))
	first := map[string]int{}
	for i, p := range paths {
		rd.ref(c, column, p, &imgs[i])
		if imgs[i].Source == "" {
			continue // refused by ref
		}
		if j, dup := first[imgs[i].Source]; dup {
			c.bad(column, "photo %q is listed twice (as photo %d and %d); list each photo once", shorten(imgs[i].Source), j+1, i+1)
			continue
		}
		first[imgs[i].Source] = i
	}
	return imgs
}

// ref registers one photo path named in a cell; target is filled in when the
// photo has been read.
func (rd *reader) ref(c cellReader, column, p string, target *data.Image) {
	source, err := cleanPath(p)
	if err != nil {
		c.bad(column, "%q: %v", shorten(p), err)
		return
	}
	target.Source = source
	rd.images = append(rd.images, imageRef{source: source, file: c.row.t.file, line: c.row.line, column: column, target: target})
}

// cleanPath turns a path written in a cell into a path inside the pack,
// accepting Windows back-slashes and refusing anything that leaves the pack.
func cleanPath(p string) (string, error) {
	p = strings.ReplaceAll(strings.TrimSpace(p), "\\", "/")
	if strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':') || strings.Contains(p, "://") {
		return "", lang.Phrasef("must be a path inside the pack, such as images/bat-trang/cover.jpg")
	}
	clean := path.Clean(strings.TrimPrefix(p, "./"))
	if !fs.ValidPath(clean) || clean == "." || strings.HasPrefix(clean, "../") || clean == ".." {
		return "", lang.Phrasef("must be a path inside the pack, such as images/bat-trang/cover.jpg")
	}
	return clean, nil
}

// villageIDs is the set of ids in villages.csv, for checking references.
func (rd *reader) villageIDs() map[string]bool {
	ids := map[string]bool{}
	for _, v := range rd.cat.Villages {
		ids[v.ID] = true
	}
	return ids
}

func (rd *reader) villageRef(c cellReader, villages map[string]bool) string {
	id := c.required("village_id")
	if id != "" && !villages[id] && rd.cat.Villages != nil {
		c.bad("village_id", "%q is not a village in villages.csv", id)
	}
	return id
}

var producerTypeNames = map[string]data.ProducerType{
	"company": data.Company, "cong ty tnhh": data.Company, "tnhh": data.Company,
	"jsc": data.JSC, "cong ty co phan": data.JSC, "ctcp": data.JSC,
	"coop": data.Coop, "htx": data.Coop, "hop tac xa": data.Coop,
	"coop-group": data.CoopGroup, "to hop tac": data.CoopGroup, "tht": data.CoopGroup,
	"household": data.Household, "ho kinh doanh": data.Household, "hkd": data.Household,
}

var (
	binPattern     = regexp.MustCompile(`^[0-9]{6}$`)
	accountPattern = regexp.MustCompile(`^[0-9A-Za-z]{1,19}$`)
	holderPattern  = regexp.MustCompile(`^[A-Z0-9 .,-]{1,50}$`)
	langPattern    = regexp.MustCompile(`^[a-z]{2}$`)
)

func (rd *reader) products() {
	t := readTable(rd.fsys, productsFile, productColumns, &rd.r)
	if t == nil {
		return
	}
	villages := rd.villageIDs()
	ids := seen{}
	rd.cat.Products = make([]data.Product, len(t.rows))
	for i, row := range t.rows {
		c := cellReader{r: &rd.r, row: row, allowedHosts: rd.cfg.allowedHosts}
		p := &rd.cat.Products[i]
		p.ID = c.id("id")
		ids.check(c, p.ID)
		p.VillageID = rd.villageRef(c, villages)
		p.Name, p.Description, p.Subgroup, p.Unit = c.text("name"), c.text("description"), c.text("subgroup"), c.text("unit")
		p.Reading = data.Readings{Kana: row.get(readingColumns[0]), Pinyin: row.get(readingColumns[1])}
		p.Producer = c.required("producer")
		if s := row.get("producer_type"); s != "" {
			var ok bool
			if p.ProducerType, ok = producerTypeNames[data.Fold(s)]; !ok {
				c.bad("producer_type", "%q is not a producer type; expected company, jsc, coop, coop-group or household", s)
			}
		} else {
			c.bad("producer_type", "required; expected company, jsc, coop, coop-group or household")
		}
		if s := row.get("group"); s != "" {
			var ok bool
			if p.Group, ok = data.ParseGroup(strings.ToUpper(s)); !ok {
				c.bad("group", "%q is not an OCOP group; expected I, II, III, IV, V or VI", s)
			}
		} else {
			c.bad("group", "required; expected I, II, III, IV, V or VI")
		}
		p.Stars = rd.stars(c)
		p.DecisionNo = c.required("decision_no")
		p.DecisionDate = c.date("decision_date", true)
		p.ValidUntil = c.date("valid_until", false)
		if p.ValidUntil.IsZero() && !p.DecisionDate.IsZero() {
			p.ValidUntil = p.DecisionDate.AddDate(0, data.CertificateMonths, 0)
		} else if !p.ValidUntil.IsZero() && p.ValidUntil.Before(p.DecisionDate) {
			c.bad("valid_until", "%s is before the decision date %s", p.ValidUntil.Format("2006-01-02"), p.DecisionDate.Format("2006-01-02"))
		}
		p.PriceMin, p.PriceMax = c.money("price_min"), c.money("price_max")
		if p.PriceMin > p.PriceMax {
			c.bad("price_max", "%d is less than price_min %d", p.PriceMax, p.PriceMin)
		}
		p.PurchaseURL = c.link("purchase_url", false)
		p.Bank = rd.bank(c)
		p.Images = rd.imageList(c, "images", true)
		p.Featured = c.yesNo("featured")
	}
}

func (rd *reader) stars(c cellReader) int {
	s := c.row.get("stars")
	switch strings.TrimRight(s, "*★ sao") {
	case "3":
		return 3
	case "4":
		return 4
	case "5":
		return 5
	}
	if s == "" {
		c.bad("stars", "required; expected 3, 4 or 5")
	} else {
		c.bad("stars", "%q is not a star rating; expected 3, 4 or 5", s)
	}
	return 0
}

// bank reads the optional VietQR account: all three cells or none.
func (rd *reader) bank(c cellReader) *data.BankAccount {
	b := data.BankAccount{BIN: c.row.get("bank_bin"), Number: c.row.get("bank_account"), Name: c.row.get("bank_account_name")}
	if b.BIN == "" && b.Number == "" && b.Name == "" {
		return nil
	}
	if !binPattern.MatchString(b.BIN) {
		c.bad("bank_bin", "%q is not a bank BIN; expected the bank's six digits such as 970415", b.BIN)
	}
	if !accountPattern.MatchString(b.Number) {
		c.bad("bank_account", "%q is not an account number; expected up to 19 digits or letters, no spaces", b.Number)
	}
	if !holderPattern.MatchString(b.Name) {
		c.bad("bank_account_name", "%q must be the holder's name in capitals without diacritics, as the bank shows it (NGUYEN VAN AN)", b.Name)
	}
	return &b
}

func (rd *reader) tours() {
	t := readTable(rd.fsys, toursFile, tourColumns, &rd.r)
	if t == nil {
		return
	}
	villages := rd.villageIDs()
	ids := seen{}
	rd.cat.Tours = make([]data.Tour, len(t.rows))
	for i, row := range t.rows {
		c := cellReader{r: &rd.r, row: row, allowedHosts: rd.cfg.allowedHosts}
		tour := &rd.cat.Tours[i]
		tour.ID = c.id("id")
		ids.check(c, tour.ID)
		tour.VillageID = rd.villageRef(c, villages)
		tour.Name, tour.Description = c.text("name"), c.text("description")
		tour.Schedule, tour.MeetingPoint = c.text("schedule"), c.text("meeting_point")
		tour.DurationMinutes = int(c.integer("duration_minutes", 1, 7*24*60))
		tour.PriceVND = c.money("price_vnd")
		tour.MinGroup = int(c.integer("min_group", 1, 1000))
		tour.MaxGroup = int(c.integer("max_group", 1, 1000))
		if tour.MinGroup > tour.MaxGroup {
			c.bad("max_group", "%d is less than min_group %d", tour.MaxGroup, tour.MinGroup)
		}
		langs := c.list("guide_languages")
		tooMany := len(langs) > maxGuideLanguages
		if tooMany {
			c.bad("guide_languages", "lists %d languages; at most %d are allowed", len(langs), maxGuideLanguages)
			langs = nil
		}
		for _, l := range langs {
			l = strings.ToLower(l)
			if !langPattern.MatchString(l) {
				c.bad("guide_languages", "%q is not a language code; expected two letters such as vi, en, ko, zh, ja, fr", l)
			}
			tour.GuideLanguages = append(tour.GuideLanguages, l)
		}
		if len(tour.GuideLanguages) == 0 && !tooMany {
			c.bad("guide_languages", "required; expected language codes separated by ; such as vi;en")
		}
		tour.SignupURL = c.link("signup_url", true)
		tour.Images = rd.imageList(c, "images", true)
	}
}

// storyImage finds ![caption](path) in Markdown.
var storyImage = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// stories reads stories/<village-id>.<lang>.md for every village.
func (rd *reader) stories() {
	entries, err := fs.ReadDir(rd.fsys, storiesDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		rd.r.add(storiesDir, 0, "", "cannot read the folder: %v", openError(rd.fsys, storiesDir, err))
		return
	}
	// Only villages with a valid id own stories: an id with a dot would
	// make the file name ambiguous, and is reported in villages.csv.
	villages := map[string]*data.Village{}
	for i := range rd.cat.Villages {
		if v := &rd.cat.Villages[i]; data.ValidID(v.ID) {
			villages[v.ID] = v
		}
	}
	storyImages := map[string][]string{}
	rd.refusedStories = map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		rd.story(storiesDir+"/"+name, name, villages, storyImages)
	}
	for i := range rd.cat.Villages {
		v := &rd.cat.Villages[i]
		if v.ID != "" && v.Story[data.VI] == "" && !rd.refusedStories[storiesDir+"/"+v.ID+".vi.md"] {
			rd.r.add(storiesDir+"/"+v.ID+".vi.md", 0, "", "missing; every village needs a Vietnamese story")
		}
	}
	for id, paths := range storyImages {
		v := villages[id]
		v.StoryImages = make([]data.Image, len(paths))
		for j, p := range paths {
			v.StoryImages[j].Source = p
		}
	}
	// Point the story refs at their slots now that the slices exist.
	for k := range rd.images {
		ref := &rd.images[k]
		if ref.village == "" {
			continue
		}
		v := villages[ref.village]
		for j := range v.StoryImages {
			if v.StoryImages[j].Source == ref.source {
				ref.target = &v.StoryImages[j]
			}
		}
	}
}

// story reads one story file and registers the pictures it shows.
func (rd *reader) story(file, name string, villages map[string]*data.Village, storyImages map[string][]string) {
	base, ok := strings.CutSuffix(name, ".md")
	dot := strings.LastIndexByte(base, '.')
	if !ok || dot < 0 {
		rd.r.add(file, 0, "", "story files are named <village-id>.<language>.md, such as bat-trang.vi.md")
		return
	}
	id, suffix := base[:dot], base[dot+1:]
	lang, known := data.ParseLang(suffix)
	v := villages[id]
	switch {
	case !known:
		rd.r.add(file, 0, "", "%q is not a kiosk language; expected vi, en, ko, zh or ja", shorten(suffix))
		return
	case !data.ValidID(id):
		rd.r.add(file, 0, "", "%q is not a valid village code; %s", shorten(id), data.IDRule)
		return
	case v == nil:
		rd.r.add(file, 0, "", "%q is not a village in villages.csv", id)
		return
	}
	b, err := readLimited(rd.fsys, file, maxStoryFileBytes)
	if err != nil {
		rd.r.add(file, 0, "", "cannot read the story: %v", err)
		rd.refusedStories[file] = true
		return
	}
	b = []byte(strings.TrimPrefix(string(b), "\ufeff"))
	if !utf8.Valid(b) {
		rd.r.add(file, 0, "", "text is not UTF-8; save the story as UTF-8")
		rd.refusedStories[file] = true
		return
	}
	text := nfc(strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n")))
	refuse := func(line int, format string, args ...any) {
		rd.r.add(file, line, "", format, args...)
		rd.refusedStories[file] = true
	}
	if len(text) > maxStoryBytes {
		refuse(0, "story is %d KB; at most %d KB per language are allowed, about what a visitor reads standing: shorten it", (len(text)+1023)>>10, maxStoryBytes>>10)
		return
	}
	if at, err := textProblemAt(text, true); err != nil {
		refuse(1+strings.Count(text[:at], "\n"), "%v", err)
		return
	}
	if v.Story == nil {
		v.Story = data.Text{}
	}
	v.Story[lang] = text
	for _, m := range storyImage.FindAllStringSubmatchIndex(text, -1) {
		src := text[m[2]:m[3]]
		line := 1 + strings.Count(text[:m[0]], "\n")
		if strings.Contains(src, "://") {
			rd.r.add(file, line, "", "picture %q is on the internet; the kiosk shows only pictures inside the pack", shorten(src))
			continue
		}
		clean, err := cleanPath(src)
		if err != nil {
			rd.r.add(file, line, "", "picture %q: %v", shorten(src), err)
			continue
		}
		if !contains(storyImages[id], clean) {
			if len(storyImages[id]) == maxStoryPictures {
				rd.r.add(file, line, "", "this story and the others of its village show over %d pictures; at most %d are allowed", maxStoryPictures, maxStoryPictures)
				return
			}
			storyImages[id] = append(storyImages[id], clean)
			rd.images = append(rd.images, imageRef{source: clean, file: file, line: line, village: id})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
