package synth

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"ocopkiosk/data"
)

// facts are what a village's texts tell; they are drawn once so that the
// summary, the story and the era agree with each other in every language.
type facts struct {
	name       words
	craft      *craft
	district   *district
	commune    string
	km         int // from the Old Quarter
	households int
	workers    int
	share      int // percent of the village's income
	century    int // when the craft began; or, when 0, the decade
	decade     int
	founder    string
	festDay    int // of the lunar month
	festMon    int
	tip        int
	activity   activity
}

func (f facts) villageName() data.Text {
	n, c := f.name, f.craft.village
	return words{c[0] + " " + n[0], n[1] + " " + c[1], n[2] + " " + c[2], n[3] + c[3], n[4] + c[4]}.text()
}

func (f facts) summary() data.Text {
	d, s := f.district.name, f.craft.short
	return words{
		fmt.Sprintf("Làng nghề %s thuộc địa bàn %s cũ, cách phố cổ khoảng %d km; hiện có %d hộ còn giữ nghề.", s[0], d[0], f.km, f.households),
		fmt.Sprintf("A %s village in the former %s district, about %d km from the Old Quarter; %d households still practise the craft.", s[1], d[1], f.km, f.households),
		fmt.Sprintf("옛 %s 지역의 %s 마을로, 구시가지에서 약 %dkm 떨어져 있으며 지금도 %d가구가 전통을 이어 가고 있습니다.", d[2], s[2], f.km, f.households),
		fmt.Sprintf("位于原%s地区的%s村，距老城区约%d公里，目前仍有%d户人家从事这门手艺。", d[3], s[3], f.km, f.households),
		fmt.Sprintf("旧%s地区にある%sの村で、旧市街から約%dkm。今も%d世帯がこの仕事を続けています。", d[4], s[4], f.km, f.households),
	}.text()
}

func (f facts) era() data.Text {
	if f.century > 0 {
		c := f.century
		return words{fmt.Sprintf("Từ thế kỷ %d", c), fmt.Sprintf("Since the %s century", ordinal(c)),
			fmt.Sprintf("%d세기부터", c), fmt.Sprintf("始于%d世纪", c), fmt.Sprintf("%d世紀から", c)}.text()
	}
	d := f.decade
	return words{fmt.Sprintf("Từ những năm %d", d), fmt.Sprintf("Since the %ds", d),
		fmt.Sprintf("%d년대부터", d), fmt.Sprintf("始于%d年代", d), fmt.Sprintf("%d年代から", d)}.text()
}

// Closing advice for a story, in Vietnamese and English.
var storyTips = [][2]string{
	{"Nên dành ít nhất nửa ngày để tham quan.", "Allow at least half a day for a visit."},
	{"Buổi sáng là lúc các xưởng làm việc nhộn nhịp nhất.", "Mornings are when the workshops are busiest."},
	{"Nhiều xưởng nghỉ vào ngày rằm và mùng một âm lịch.", "Many workshops close on the first and fifteenth days of the lunar month."},
	{"Mùa đẹp nhất để đến là từ tháng Mười đến tháng Tư, khi trời mát.", "The best time to come is from October to April, when it is cool."},
}

var lunarMonths = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
	"ninth", "tenth", "eleventh", "twelfth"}

func (f facts) storyVI() string {
	n := f.name[0]
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", f.villageName()[data.VI])
	fmt.Fprintf(&b, "%s nằm ở %s, thuộc %s cũ, cách phố cổ Hà Nội khoảng %d km. ", n, f.commune, f.district.name[0], f.km)
	if f.century > 0 {
		fmt.Fprintf(&b, "Tương truyền, nghề %s được cụ %s đưa về làng vào thế kỷ %d; dân làng vẫn thờ cụ là tổ nghề.\n\n",
			f.craft.short[0], f.founder, f.century)
	} else {
		fmt.Fprintf(&b, "Nghề %s có mặt ở làng từ những năm %d, khi ông %s học nghề ở nơi khác rồi về truyền lại cho bà con.\n\n",
			f.craft.short[0], f.decade, f.founder)
	}
	b.WriteString(f.craft.process[0] + "\n\n")
	b.WriteString("## Đến thăm\n\n")
	fmt.Fprintf(&b, "Ở %s, du khách có thể:\n\n", n)
	b.WriteString("- dạo quanh các ngõ nhỏ và xem thợ làm việc trong xưởng;\n")
	fmt.Fprintf(&b, "- tham gia *%s* cùng người làng;\n", f.activity.name[0])
	b.WriteString("- chọn mua sản phẩm OCOP của làng làm quà;\n")
	fmt.Fprintf(&b, "- dự hội làng vào ngày %d tháng %d âm lịch.\n\n", f.festDay, f.festMon)
	fmt.Fprintf(&b, "Hiện làng có khoảng **%d hộ** làm nghề với hơn %d lao động; nghề mang lại khoảng %d%% thu nhập của làng. %s",
		f.households, f.workers, f.share, storyTips[f.tip][0])
	return b.String()
}

func (f facts) storyEN() string {
	n := f.name[1]
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", f.villageName()[data.EN])
	fmt.Fprintf(&b, "%s lies in %s commune, in the former %s district, about %d km from Hanoi's Old Quarter. ", n, f.commune, f.district.name[1], f.km)
	if f.century > 0 {
		fmt.Fprintf(&b, "Legend has it that %s brought the craft here in the %s century, and the village still honours him as its founder.\n\n",
			f.founder, ordinal(f.century))
	} else {
		fmt.Fprintf(&b, "The craft arrived in the %ds, when %s learned it elsewhere and came home to teach his neighbours.\n\n",
			f.decade, f.founder)
	}
	b.WriteString(f.craft.process[1] + "\n\n")
	b.WriteString("## Visiting\n\n")
	fmt.Fprintf(&b, "In %s you can:\n\n", n)
	b.WriteString("- stroll the narrow lanes and watch artisans at work;\n")
	fmt.Fprintf(&b, "- book *%s* with the villagers;\n", f.activity.name[1])
	b.WriteString("- pick an OCOP-rated product of the village to take home;\n")
	fmt.Fprintf(&b, "- come to the village festival on the %s day of the %s lunar month.\n\n", ordinal(f.festDay), lunarMonths[f.festMon])
	fmt.Fprintf(&b, "About **%d households** still work at the craft, employing over %d people, and it brings in around %d%% of the village's income. %s",
		f.households, f.workers, f.share, storyTips[f.tip][1])
	return b.String()
}

// productName puts a product's kind, its material or style and its village
// together the way each language orders them: "Bình hoa men lam Đông Hòa",
// "Đông Hòa blue-glaze vase", "동호아 청화 꽃병", "东和青花釉花瓶", "ドンホアの染付花瓶".
func productName(kind, mod, village words) words {
	return words{
		upperFirst(kind[0] + " " + mod[0] + " " + village[0]),
		village[1] + " " + mod[1] + " " + kind[1],
		village[2] + " " + mod[2] + " " + kind[2],
		village[3] + mod[3] + kind[3],
		village[4] + "の" + mod[4] + kind[4],
	}
}

// description opens with who makes the product and its rating, then adds
// two of the group's sentences.
func (g *generator) description(name words, producer string, village words, group data.Group, stars int) data.Text {
	d := words{
		fmt.Sprintf("%s do %s ở làng %s sản xuất, được công nhận sản phẩm OCOP %d sao.", name[0], producer, village[0], stars),
		fmt.Sprintf("%s is made by %s in %s and is rated %d stars under the OCOP programme.", name[1], producer, village[1], stars),
		fmt.Sprintf("%s%s %s의 %s에서 만든 제품으로, OCOP %d성 인증을 받았습니다.", name[2], topic(name[2]), village[2], producer, stars),
		fmt.Sprintf("%s由%s的%s生产，获OCOP%d星认证。", name[3], village[3], producer, stars),
		fmt.Sprintf("%sは%sの%sが作る商品で、OCOPの%dつ星に認定されています。", name[4], village[4], producer, stars),
	}
	pool := groupSentences[group]
	shelfLife := []int{7, 14, 30, 90, 180}[g.r.IntN(5)] // days
	if group == 2 {
		shelfLife = []int{6, 12, 24, 36}[g.r.IntN(4)] // months
	}
	for _, k := range g.r.Perm(len(pool))[:2] {
		for l := range d {
			s := pool[k][l]
			if strings.Contains(s, "%d") {
				s = fmt.Sprintf(s, shelfLife)
			}
			sep := " "
			if lang := data.Languages[l]; lang == data.ZH || lang == data.JA {
				sep = "" // Chinese and Japanese sentences run on without spaces
			}
			d[l] += sep + s
		}
	}
	return d.text()
}

// tourDescription tells what visitors do and what the price includes.
func tourDescription(act activity, inc []words) words {
	var list [5][]string
	for _, w := range inc {
		for l := range list {
			list[l] = append(list[l], w[l])
		}
	}
	ko := strings.Join(list[2], ", ")
	return words{
		act.desc[0] + " Giá đã gồm " + joinAnd(list[0], ", ", " và ") + ".",
		act.desc[1] + " The price includes " + joinAnd(list[1], ", ", " and ") + ".",
		act.desc[2] + " 가격에는 " + ko + subject(ko) + " 포함됩니다.",
		act.desc[3] + "费用包含" + strings.Join(list[3], "、") + "。",
		act.desc[4] + "料金には" + strings.Join(list[4], "、") + "が含まれます。",
	}
}

func joinAnd(items []string, sep, last string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], sep) + last + items[len(items)-1]
}

// batchim reports whether a Korean text ends in a syllable with a final
// consonant, which decides its particles; ok is false when it does not end
// in Hangul (closing brackets and spaces are skipped).
func batchim(s string) (final, ok bool) {
	s = strings.TrimRight(s, ") ")
	r, _ := utf8.DecodeLastRuneInString(s)
	if r < 0xAC00 || r > 0xD7A3 {
		return false, false
	}
	return (r-0xAC00)%28 != 0, true
}

// topic is the Korean topic particle for s: 은 after a final consonant, 는 after a vowel.
func topic(s string) string { return particle(s, "은", "는") }

// subject is the Korean subject particle for s: 이 or 가.
func subject(s string) string { return particle(s, "이", "가") }

func particle(s, afterConsonant, afterVowel string) string {
	final, ok := batchim(s)
	switch {
	case !ok:
		return afterConsonant + "(" + afterVowel + ")"
	case final:
		return afterConsonant
	}
	return afterVowel
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprint(n) + suffix
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
