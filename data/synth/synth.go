// Package synth makes up content packs of any size: craft villages, OCOP
// products and tours with plausible Vietnamese names and their translations,
// stories, prices, certificates and links, and generated photos. The packs
// are valid (they pass pack.Validate) and the same seed always gives the same
// bytes, so they serve as fixtures and as load for benchmarks at the scale of
// Hanoi or the whole country.
package synth

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// Config says how much to generate, and from which seed.
type Config struct {
	Products int
	Villages int
	Tours    int
	Photos   int // distinct photos, shared among all the items
	Seed     uint64
	// Date is the day the content is as of: certificates are dated before
	// it and a few percent have expired by then. Zero means DefaultDate.
	// It is fixed rather than today so that a seed always gives the same pack.
	Date time.Time
}

// hanoiTime is Hanoi's time zone, UTC+7 all year; fixed rather than loaded
// so that output does not depend on the machine's time zone database.
var hanoiTime = time.FixedZone("ICT", 7*3600)

// DefaultDate is the day generated content is as of when Config.Date is zero.
var DefaultDate = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// Presets are the named sizes: "small" for tests and demos, "hanoi" for the
// city's real scale, "national" for the whole country's OCOP catalogue.
var Presets = map[string]Config{
	"small":    {Products: 60, Villages: 10, Tours: 10, Photos: 12},
	"hanoi":    {Products: 2140, Villages: 800, Tours: 300, Photos: 2140},
	"national": {Products: 20000, Villages: 2000, Tours: 3000, Photos: 500},
}

// Limits on a configuration, far above any real catalogue.
const (
	MaxItems  = 1_000_000
	MaxPhotos = 100_000
)

// Pack is generated content: the catalogue, and its photos drawn on demand.
type Pack struct {
	Catalogue *data.Catalogue
	Photos    []string // the path of every photo the catalogue uses, sorted
	seed      uint64
	index     map[string]int // photo path → photo number
}

// Photo draws the photo at source, one of p.Photos, as a 1600×1200 JPEG.
// It may be called from several goroutines at once.
func (p *Pack) Photo(source string) ([]byte, error) {
	i, ok := p.index[source]
	if !ok {
		return nil, fmt.Errorf("%s is not a generated photo", source)
	}
	return drawPhoto(p.seed, i)
}

// Write generates the content cfg describes and writes it as a new pack
// folder at out.
func Write(cfg Config, out string) (*Pack, error) {
	p, err := Generate(cfg)
	if err != nil {
		return nil, err
	}
	return p, pack.Write(p.Catalogue, out, p.Photo)
}

// Generate makes up the catalogue cfg describes. Photos are not drawn until
// Pack.Photo is called for them.
func Generate(cfg Config) (*Pack, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if cfg.Date.IsZero() {
		cfg.Date = DefaultDate
	}
	g := &generator{
		cfg:    cfg,
		r:      rand.New(rand.NewPCG(cfg.Seed, 0x6f636f70)), // "ocop": any constant works
		places: map[string]bool{},
		ids:    map[string]bool{},
		digits: max(4, len(strconv.Itoa(cfg.Photos))),
	}
	g.deck = g.r.Perm(cfg.Photos)
	cat := &data.Catalogue{
		Pack: data.PackInfo{
			Format:  pack.FormatVersion,
			Version: 1,
			Title: fmt.Sprintf("Nội dung tổng hợp: %d làng, %d sản phẩm, %d tour (seed %d)",
				cfg.Villages, cfg.Products, cfg.Tours, cfg.Seed),
			Created: time.Date(cfg.Date.Year(), cfg.Date.Month(), cfg.Date.Day(), 9, 0, 0, 0, hanoiTime),
		},
		Centre: data.Centre{ID: "hanoi-ocop-centre", Name: words{"Trung tâm OCOP và làng nghề Hà Nội",
			"Hanoi OCOP and Craft Village Centre", "하노이 OCOP 전통공예마을 센터", "河内OCOP与手工艺村中心",
			"ハノイOCOP・伝統工芸村センター"}.text()},
	}
	cat.Villages = make([]data.Village, cfg.Villages)
	for i := range cat.Villages {
		cat.Villages[i] = g.village(i)
	}
	cat.Products = make([]data.Product, cfg.Products)
	for i := range cat.Products {
		cat.Products[i] = g.product(i)
	}
	cat.Tours = make([]data.Tour, cfg.Tours)
	for i := range cat.Tours {
		cat.Tours[i] = g.tour(i)
	}
	p := &Pack{Catalogue: cat, seed: cfg.Seed, index: map[string]int{}}
	for i, used := range g.used {
		if used {
			source := g.photoPath(i)
			p.Photos = append(p.Photos, source) // in order of i, which is path order
			p.index[source] = i
		}
	}
	return p, nil
}

func (c Config) check() error {
	var errs []error
	count := func(name string, n, min, max int) {
		if n < min || n > max {
			errs = append(errs, fmt.Errorf("%s: %d is out of range; expected %d to %d", name, n, min, max))
		}
	}
	count("products", c.Products, 0, MaxItems)
	count("villages", c.Villages, 1, MaxItems)
	count("tours", c.Tours, 0, MaxItems)
	count("photos", c.Photos, 1, MaxPhotos)
	return errors.Join(errs...)
}

// generator holds the state of one generation. Everything is drawn from r
// in a fixed order, so one seed gives one catalogue.
type generator struct {
	cfg      Config
	r        *rand.Rand
	villages []*villageInfo
	byGroup  [7][]*villageInfo // villages whose craft is in each OCOP group
	places   map[string]bool   // village names taken; only looked up, never ranged over
	ids      map[string]bool   // village ids taken
	deck     []int             // photo numbers in dealing order
	dealt    int
	used     []bool // by photo number
	digits   int    // of photo numbers in file names
}

// villageInfo is what products and tours need to know about their village.
type villageInfo struct {
	id        string
	name      words // the bare place name ("Đông Hòa") in each language
	craft     *craft
	producers [][]producer // by craft index
}

type producer struct {
	name string
	typ  data.ProducerType
}

// pick returns an index in weights, with probability proportional to its weight.
func (g *generator) pick(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func oneOf[T any](g *generator, list []T) T { return list[g.r.IntN(len(list))] }

// photoPath names photo number i inside the pack.
func (g *generator) photoPath(i int) string {
	return fmt.Sprintf("images/photo-%0*d.jpg", g.digits, i+1)
}

// photos deals n different photos. Photos are dealt from a shuffled deck,
// reshuffled when it runs out, so every photo is used once before any is
// used twice: with enough items, all cfg.Photos photos are in the pack.
func (g *generator) photos(n int) []data.Image {
	n = min(n, g.cfg.Photos)
	if g.used == nil {
		g.used = make([]bool, g.cfg.Photos)
	}
	out := make([]data.Image, 0, n)
	taken := map[int]bool{}
	for len(out) < n {
		if g.dealt == len(g.deck) {
			g.r.Shuffle(len(g.deck), func(i, j int) { g.deck[i], g.deck[j] = g.deck[j], g.deck[i] })
			g.dealt = 0
		}
		i := g.deck[g.dealt]
		g.dealt++
		if taken[i] {
			continue // only where the deck was reshuffled mid-item
		}
		taken[i] = true
		g.used[i] = true
		out = append(out, data.Image{Source: g.photoPath(i)})
	}
	return out
}

// placeName makes up a two-syllable place name, different from those before
// it while the syllables last, and its id.
func (g *generator) placeName() (words, string) {
	var name words
	for try := 0; try < 50; try++ {
		if name = g.syllablePair(); !g.places[name[0]] {
			break
		}
	}
	g.places[name[0]] = true
	id := slug(name[0])
	for n := 2; g.ids[id]; n++ { // the names ran out: same name, another id
		id = slug(name[0]) + "-" + strconv.Itoa(n)
	}
	g.ids[id] = true
	return name, id
}

// syllablePair makes up a two-syllable name in every language.
func (g *generator) syllablePair() words {
	a, b := oneOf(g, syllables), oneOf(g, syllables)
	for a.vi == b.vi {
		b = oneOf(g, syllables)
	}
	vi := a.vi + " " + b.vi
	return words{vi, vi, a.ko + b.ko, a.zh + b.zh, a.ja + b.ja}
}

// Hanoi's area and the Old Quarter, from where distances are told.
const (
	minLat, maxLat = 20.55, 21.38
	minLng, maxLng = 105.30, 105.98
	oldQuarterLat  = 21.0287
	oldQuarterLng  = 105.8524
)

func (g *generator) village(i int) data.Village {
	c := g.villageCraft(i)
	name, id := g.placeName()
	d := &districts[g.r.IntN(len(districts))]
	lat := clamp(d.lat+clamp(g.r.NormFloat64()*0.025, -0.06, 0.06), minLat, maxLat)
	lng := clamp(d.lng+clamp(g.r.NormFloat64()*0.025, -0.06, 0.06), minLng, maxLng)
	lat, lng = math.Round(lat*1e4)/1e4, math.Round(lng*1e4)/1e4
	commune := name[0] // often the village gave the commune its name
	if !g.chance(0.4) {
		commune = g.syllablePair()[0]
	}
	km := int(math.Round(distanceKm(lat, lng, oldQuarterLat, oldQuarterLng)))
	households := 40 + g.r.IntN(1200)
	info := &villageInfo{id: id, name: name, craft: c, producers: make([][]producer, len(crafts))}
	g.villages = append(g.villages, info)
	g.byGroup[c.group] = append(g.byGroup[c.group], info)

	f := facts{
		name: name, craft: c, district: d, commune: commune, km: km, households: households,
		workers:  households * (2 + g.r.IntN(3)),
		share:    30 + g.r.IntN(60),
		century:  11 + g.r.IntN(9),
		founder:  oneOf(g, familyNames) + " " + oneOf(g, []string{"Văn", "Đức", "Hữu", "Công", "Quang"}) + " " + oneOf(g, maleNames),
		festDay:  1 + g.r.IntN(28),
		festMon:  1 + g.r.IntN(12),
		tip:      g.r.IntN(len(storyTips)),
		activity: g.activity(c),
	}
	if g.chance(0.25) {
		f.century, f.decade = 0, 1950+10*g.r.IntN(5)
	}
	v := data.Village{
		ID:             id,
		Name:           f.villageName(),
		Summary:        f.summary(),
		Craft:          c.name.text(),
		Era:            f.era(),
		Story:          data.Text{data.VI: f.storyVI(), data.EN: f.storyEN()},
		Commune:        commune,
		FormerDistrict: d.name[0],
		Lat:            lat,
		Lng:            lng,
	}
	imgs := g.photos(2 + g.r.IntN(3))
	v.Cover, v.Gallery = imgs[0], imgs[1:]
	if len(v.Gallery) == 0 {
		v.Gallery = nil
	}
	return v
}

// villageCraft chooses a village's craft; the first five villages take one
// from each of groups I to V, so that even a small pack has them all.
func (g *generator) villageCraft(i int) *craft {
	var pool []*craft
	var weights []int
	for k := range crafts {
		c := &crafts[k]
		if c.weight > 0 && (i >= 5 || int(c.group) == i+1) {
			pool = append(pool, c)
			weights = append(weights, c.weight)
		}
	}
	return pool[g.pick(weights...)]
}

func (g *generator) activity(c *craft) activity {
	if len(c.acts) > 0 && g.chance(0.65) {
		return oneOf(g, c.acts)
	}
	return oneOf(g, commonActs)
}

// How OCOP products spread over groups and stars, roughly as in Hanoi's
// lists: food first, then handicrafts; most products have 3 or 4 stars.
var (
	groupWeights = []int{0, 45, 12, 8, 28, 4, 3}
	starWeights  = []int{55, 40, 5} // 3, 4, 5 stars
	typeWeights  = []int{25, 10, 28, 7, 30}
)

func (g *generator) product(i int) data.Product {
	group := data.Group(g.pick(groupWeights...))
	stars := 3 + g.pick(starWeights...)
	if i < 6 { // every group and star level, even in a tiny pack
		group, stars = data.Group(i+1), 3+i%3
	}
	v := g.productVillage(group)
	c := v.craft
	if c.group != group {
		c = g.craftOf(group)
	}
	t := oneOf(g, c.types)
	mod := oneOf(g, c.mods)
	name := productName(t.name, mod, v.name)
	prod := g.producer(v, c, i)
	decided, until := g.decision()
	p := data.Product{
		ID:           productID(v.id, mod[1]+" "+t.name[1], i),
		VillageID:    v.id,
		Name:         name.text(),
		Producer:     prod.name,
		ProducerType: prod.typ,
		Group:        group,
		Subgroup:     c.subgroup.text(),
		Stars:        stars,
		DecisionNo:   decisionNo(g.r.IntN(4900)+100, stars, decided),
		DecisionDate: decided,
		ValidUntil:   until,
		Unit:         t.unit.text(),
		Images:       g.photos(1 + g.pick(4, 4, 2)),
		Featured:     i == 0 || g.chance(min(0.1, 24/float64(g.cfg.Products))),
	}
	p.PriceMin, p.PriceMax = g.prices(t, stars)
	p.Description = g.description(name, prod.name, v.name, group, stars)
	if g.chance(0.7) {
		p.PurchaseURL = fmt.Sprintf(oneOf(g, shops), keywords(name[0]))
	}
	if g.chance(0.2) {
		p.Bank = &data.BankAccount{BIN: oneOf(g, bankBINs), Number: g.digitString(10 + g.r.IntN(5)), Name: holder(prod.name)}
	}
	return p
}

// productVillage places a product mostly in a village of the same trade.
func (g *generator) productVillage(group data.Group) *villageInfo {
	if same := g.byGroup[group]; len(same) > 0 && g.chance(0.85) {
		return oneOf(g, same)
	}
	return oneOf(g, g.villages)
}

func (g *generator) craftOf(group data.Group) *craft {
	var pool []*craft
	for k := range crafts {
		if crafts[k].group == group {
			pool = append(pool, &crafts[k])
		}
	}
	return oneOf(g, pool)
}

// producer picks one of the village's producers in the trade, or founds a
// new one; the first five products get one of each legal form.
func (g *generator) producer(v *villageInfo, c *craft, i int) producer {
	k := craftIndex(c)
	pool := v.producers[k]
	if i >= len(data.ProducerTypes) && len(pool) > 0 && !g.chance(0.3) {
		return oneOf(g, pool)
	}
	typ := data.ProducerTypes[g.pick(typeWeights...)]
	if i < len(data.ProducerTypes) {
		typ = data.ProducerTypes[i]
	}
	brand := func() string { return oneOf(g, syllables).vi + " " + oneOf(g, syllables).vi }
	var name string
	switch typ {
	case data.Company:
		name = "Công ty TNHH " + c.trade + " " + brand()
	case data.JSC:
		name = "Công ty cổ phần " + c.trade + " " + brand()
	case data.Coop:
		name = "HTX " + c.trade + " " + v.name[0]
	case data.CoopGroup:
		name = "Tổ hợp tác " + c.trade + " " + v.name[0]
	default:
		middle := oneOf(g, middleNames)
		name = "Hộ kinh doanh " + oneOf(g, familyNames) + " " + middle + " " + oneOf(g, givenNames)
	}
	p := producer{name: name, typ: typ}
	v.producers[k] = append(pool, p)
	return p
}

func craftIndex(c *craft) int {
	for k := range crafts {
		if &crafts[k] == c {
			return k
		}
	}
	panic("synth: craft not in the table")
}

// decision dates a recognition decision: most within the last 36 months, so
// still valid on cfg.Date, and about 4% older, so expired.
func (g *generator) decision() (decided, until time.Time) {
	day := g.cfg.Date
	if g.chance(0.04) {
		decided = day.AddDate(0, -37, -g.r.IntN(23*30))
	} else {
		decided = day.AddDate(0, 0, -7-g.r.IntN(35*30))
	}
	decided = time.Date(decided.Year(), decided.Month(), decided.Day(), 0, 0, 0, 0, time.UTC)
	return decided, decided.AddDate(0, data.CertificateMonths, 0)
}

// decisionNo writes a decision's number: five-star products are recognised
// by the Ministry (renamed in March 2025), the others by the city.
func decisionNo(n, stars int, decided time.Time) string {
	switch {
	case stars < 5:
		return fmt.Sprintf("%d/QĐ-UBND", n)
	case decided.Before(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)):
		return fmt.Sprintf("%d/QĐ-BNN-VPĐP", n)
	}
	return fmt.Sprintf("%d/QĐ-BNNMT", n)
}

// prices draws a price range from the type's, skewed to the cheap end, a
// little higher for more stars, in round amounts.
func (g *generator) prices(t productType, stars int) (lo, hi int64) {
	u := g.r.Float64()
	base := float64(t.lo) + float64(t.hi-t.lo)*u*u
	base *= 1 + 0.15*float64(stars-3)
	lo = roundPrice(base)
	if g.chance(0.35) {
		return lo, lo
	}
	return lo, max(lo, roundPrice(base*(1.2+1.8*g.r.Float64())))
}

func roundPrice(v float64) int64 {
	step := 50_000.0
	switch {
	case v < 100_000:
		step = 1_000
	case v < 1_000_000:
		step = 5_000
	}
	return int64(math.Max(step, math.Round(v/step)*step))
}

func (g *generator) digitString(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	if b[0] == '0' {
		b[0] = '1'
	}
	return string(b)
}

// Schedules: %s are times of day.
var schedules = []struct {
	times int
	text  words
}{
	{2, words{"Hằng ngày, %s và %s", "Daily at %s and %s", "매일 %s, %s", "每天 %s 和 %s", "毎日 %s・%s"}},
	{1, words{"Thứ Bảy và Chủ nhật, %s", "Saturdays and Sundays at %s", "토·일요일 %s", "每周六、周日 %s", "土曜・日曜 %s"}},
	{1, words{"Thứ Hai đến Thứ Sáu, %s", "Monday to Friday at %s", "월~금요일 %s", "周一至周五 %s", "月曜～金曜 %s"}},
	{0, words{"Theo lịch hẹn trước", "By appointment", "사전 예약제", "需提前预约", "要予約"}},
}

var (
	morning   = []string{"7:30", "8:00", "8:30", "9:00", "9:30"}
	afternoon = []string{"13:30", "14:00", "14:30", "15:00"}
	anyTime   = []string{"8:00", "9:00", "10:00", "14:00", "15:00", "19:00"}
	durations = []int{60, 90, 120, 150, 180, 240, 300, 360, 480}
	// Languages guides speak besides Vietnamese, and how often.
	guideLangs = []struct {
		code string
		p    float64
	}{{"en", 0.7}, {"ko", 0.25}, {"zh", 0.25}, {"ja", 0.2}, {"fr", 0.1}}
)

func (g *generator) tour(i int) data.Tour {
	v := oneOf(g, g.villages)
	act := g.activity(v.craft)
	n := v.name
	t := data.Tour{
		ID:        v.id + "-tour-" + strconv.Itoa(i+1),
		VillageID: v.id,
		Name: words{act.name[0] + " ở " + n[0], act.name[1] + " in " + n[1], n[2] + " " + act.name[2],
			n[3] + act.name[3], n[4] + "で" + act.name[4]}.text(),
		DurationMinutes: oneOf(g, durations),
		MinGroup:        1,
		GuideLanguages:  []string{"vi"},
		SignupURL:       "https://zalo.me/" + g.digitString(19),
		Images:          g.photos(1 + g.pick(5, 3, 2)),
	}
	if !g.chance(0.08) {
		t.PriceVND = roundPrice(50_000 + 1_150_000*math.Pow(g.r.Float64(), 2))
	}
	if g.chance(0.5) {
		t.MinGroup = 1 + g.r.IntN(4)
	}
	t.MaxGroup = t.MinGroup + 4 + g.r.IntN(26)
	for _, l := range guideLangs {
		if g.chance(l.p) {
			t.GuideLanguages = append(t.GuideLanguages, l.code)
		}
	}
	// What the price includes: two to four things, in the table's order.
	picked := g.r.Perm(len(inclusions))[:2+g.r.IntN(3)]
	slices.Sort(picked)
	var inc []words
	for _, k := range picked {
		inc = append(inc, inclusions[k])
	}
	t.Description = tourDescription(act, inc).text()
	// The times are drawn once: every language tells the same schedule.
	s := oneOf(g, schedules)
	var times []any
	switch s.times {
	case 2:
		times = []any{oneOf(g, morning), oneOf(g, afternoon)}
	case 1:
		times = []any{oneOf(g, anyTime)}
	}
	var sched words
	for l := range sched {
		sched[l] = s.text[l]
		if len(times) > 0 {
			sched[l] = fmt.Sprintf(s.text[l], times...)
		}
	}
	t.Schedule = sched.text()
	mp := oneOf(g, meetingPoints)
	var meet words
	for l := range meet {
		meet[l] = fmt.Sprintf(mp[l], n[l])
	}
	t.MeetingPoint = meet.text()
	return t
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLng := (lat2-lat1)*rad, (lng2-lng1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// slug turns a name into an id: ASCII lower-case words joined by '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range data.Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// productID is "<village>-<what>-<number>", cut to the 64 characters an id may have.
func productID(village, what string, i int) string {
	suffix := "-" + strconv.Itoa(i+1)
	id := village + "-" + slug(what)
	if len(id) > 64-len(suffix) {
		id = strings.TrimRight(id[:64-len(suffix)], "-")
	}
	return id + suffix
}

// keywords makes a shop search from a Vietnamese name: the words without
// marks, joined by '+', as the shops' own search boxes send them.
func keywords(name string) string { return strings.ReplaceAll(slug(name), "-", "+") }

// holder writes an account holder's name as banks show it: capitals without
// diacritics, at most 50 characters, cut at a word.
func holder(name string) string {
	s := strings.ToUpper(strings.ReplaceAll(slug(name), "-", " "))
	for len(s) > 50 {
		s = s[:strings.LastIndexByte(s, ' ')]
	}
	return s
}
