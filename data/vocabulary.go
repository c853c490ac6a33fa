package data

import (
	"strings"
	"sync"
)

// craftConcept is one kind of thing a visitor looks for, named the ways
// people write it in each visitor language (and in kana, for Japanese read
// by sound). An item whose village's craft or whose sub-group names a
// concept gets all of its words in its search text, so "도자기", "陶瓷",
// "やきもの" and "gom" all reach the ceramics of a village whose pack says
// only "Gốm sứ" and "Ceramics".
type craftConcept struct {
	vi, en, ko, zh, ja []string
	kana               []string // readings of the Japanese words
}

var craftConcepts = []craftConcept{
	{vi: []string{"gốm sứ", "gốm", "sứ", "đồ gốm"}, en: []string{"ceramics", "ceramic", "pottery", "porcelain"},
		ko: []string{"도자기", "도예", "자기"}, zh: []string{"陶瓷", "陶器", "瓷器"}, ja: []string{"陶器", "陶磁器", "焼き物", "磁器"},
		kana: []string{"とうき", "とうじき", "やきもの", "じき"}},
	{vi: []string{"lụa", "tơ tằm", "dệt lụa"}, en: []string{"silk"},
		ko: []string{"비단", "실크", "견직물"}, zh: []string{"丝绸", "真丝", "丝巾"}, ja: []string{"絹", "シルク", "絹織物"},
		kana: []string{"きぬ", "しるく", "きぬおりもの"}},
	{vi: []string{"sơn mài"}, en: []string{"lacquer", "lacquerware"},
		ko: []string{"옻칠", "칠기"}, zh: []string{"漆器", "漆画", "漆"}, ja: []string{"漆器", "漆", "漆芸"},
		kana: []string{"しっき", "うるし", "しつげい"}},
	{vi: []string{"khảm trai", "khảm"}, en: []string{"mother-of-pearl", "inlay", "pearl"},
		ko: []string{"자개", "나전"}, zh: []string{"螺钿", "贝雕", "嵌贝"}, ja: []string{"螺鈿"},
		kana: []string{"らでん"}},
	{vi: []string{"mây tre đan", "mây tre", "mây", "tre", "đan"}, en: []string{"rattan", "bamboo", "weaving", "basket"},
		ko: []string{"등나무", "대나무", "죽세공"}, zh: []string{"藤编", "竹编", "藤竹编", "竹"}, ja: []string{"籐", "竹細工", "竹"},
		kana: []string{"とう", "たけざいく", "たけ"}},
	{vi: []string{"chạm khắc gỗ", "điêu khắc gỗ", "gỗ", "tạc tượng"}, en: []string{"woodcarving", "wood carving", "wood", "carving"},
		ko: []string{"목조각", "목공예", "나무"}, zh: []string{"木雕", "木刻", "木"}, ja: []string{"木彫", "木彫り", "木工"},
		kana: []string{"もくちょう", "きぼり", "もっこう"}},
	{vi: []string{"thêu", "thêu ren", "ren"}, en: []string{"embroidery", "lace"},
		ko: []string{"자수"}, zh: []string{"刺绣", "绣"}, ja: []string{"刺繍", "刺しゅう"},
		kana: []string{"ししゅう"}},
	{vi: []string{"áo dài", "trang phục"}, en: []string{"ao dai", "tailoring", "costume"},
		ko: []string{"아오자이", "의상"}, zh: []string{"奥黛", "长衫", "服装"}, ja: []string{"アオザイ", "衣装"},
		kana: []string{"あおざい", "いしょう"}},
	{vi: []string{"bánh", "bánh chưng", "bánh cốm", "cốm"}, en: []string{"cake", "cakes", "sticky rice", "green rice"},
		ko: []string{"떡", "과자", "반쯩"}, zh: []string{"糕点", "粽子", "米糕"}, ja: []string{"菓子", "餅", "ちまき"},
		kana: []string{"かし", "もち", "ちまき"}},
	{vi: []string{"trà", "chè"}, en: []string{"tea"},
		ko: []string{"차", "녹차"}, zh: []string{"茶", "茶叶"}, ja: []string{"茶", "お茶", "緑茶"},
		kana: []string{"ちゃ", "おちゃ", "りょくちゃ"}},
	{vi: []string{"rượu"}, en: []string{"rice wine", "wine", "spirit", "liquor"},
		ko: []string{"술", "전통주"}, zh: []string{"酒", "米酒", "白酒"}, ja: []string{"酒", "お酒", "米酒"},
		kana: []string{"さけ", "おさけ", "こめざけ"}},
	{vi: []string{"mật ong"}, en: []string{"honey"},
		ko: []string{"꿀", "벌꿀"}, zh: []string{"蜂蜜"}, ja: []string{"蜂蜜", "はちみつ"},
		kana: []string{"はちみつ"}},
	{vi: []string{"miến", "bún", "bánh đa", "phở"}, en: []string{"noodles", "noodle", "rice paper", "vermicelli"},
		ko: []string{"국수", "쌀국수", "라이스페이퍼"}, zh: []string{"粉丝", "米粉", "面条", "米纸"}, ja: []string{"麺", "春雨", "ライスペーパー"},
		kana: []string{"めん", "はるさめ", "らいすぺーぱー"}},
	{vi: []string{"dược liệu", "thảo dược"}, en: []string{"herbal", "herbs", "medicinal"},
		ko: []string{"약초", "한방"}, zh: []string{"药材", "草药", "中药"}, ja: []string{"薬草", "生薬"},
		kana: []string{"やくそう", "しょうやく"}},
	{vi: []string{"hoa", "cây cảnh", "bonsai", "sinh vật cảnh"}, en: []string{"flowers", "flower", "bonsai", "ornamental plants"},
		ko: []string{"꽃", "분재", "화훼"}, zh: []string{"花卉", "盆景", "鲜花"}, ja: []string{"花", "盆栽", "花卉"},
		kana: []string{"はな", "ぼんさい", "かき"}},
	{vi: []string{"giò chả", "nem", "tương"}, en: []string{"pork roll", "sausage", "sauce"},
		ko: []string{"햄", "장"}, zh: []string{"肉制品", "酱", "香肠"}, ja: []string{"ハム", "醤", "ソーセージ"},
		kana: []string{"はむ", "じゃん", "そーせーじ"}},
}

// groupWords name the OCOP product groups I–VI in every visitor language.
var groupWords = map[Group][]string{
	1: {"thực phẩm", "food", "식품", "食品", "食品", "しょくひん"},
	2: {"đồ uống", "beverages", "drinks", "음료", "饮料", "飲料", "飲み物", "いんりょう", "のみもの"},
	3: {"dược liệu", "herbal products", "약초", "药材", "薬草", "やくそう"},
	4: {"thủ công mỹ nghệ", "handicrafts", "crafts", "수공예", "工艺品", "手工艺", "工芸品", "こうげいひん"},
	5: {"sinh vật cảnh", "ornamental plants", "화훼", "观赏植物", "観賞植物", "かんしょうしょくぶつ"},
	6: {"du lịch", "tourism", "관광", "旅游", "観光", "かんこう"},
}

// all is every word of the concept, in every language and kana.
func (c craftConcept) all() []string {
	var out []string
	for _, l := range [][]string{c.vi, c.en, c.ko, c.zh, c.ja, c.kana} {
		out = append(out, l...)
	}
	return out
}

// conceptsOf lists the concepts named in the texts (a village's craft, a
// product's sub-group): a Latin or Hangul word must appear as whole words,
// a word in Chinese characters or kana anywhere.
func conceptsOf(texts ...string) []*craftConcept {
	var folded []string
	for _, t := range texts {
		if t != "" {
			folded = append(folded, " "+strings.Join(strings.FieldsFunc(Fold(t), notWordRune), " ")+" ")
		}
	}
	var out []*craftConcept
	for i := range craftConcepts {
		c := &craftConcepts[i]
		if conceptNamed(c, folded) {
			out = append(out, c)
		}
	}
	return out
}

func conceptNamed(c *craftConcept, folded []string) bool {
	for _, term := range c.all() {
		f := Fold(term)
		needle := f
		if r := []rune(f); !isIdeographic(r[0]) {
			needle = " " + f + " " // Latin and Hangul: whole words (나무 is not in 등나무)
		}
		for _, t := range folded {
			if strings.Contains(t, needle) {
				return true
			}
		}
	}
	return false
}

func notWordRune(r rune) bool { return !isWordRune(r) }

// conceptNameTokens are, for each folded word of a concept, the index
// tokens of all of the concept's words that are one token long (gom, 陶瓷,
// 도자기, 陶器…): a query that is one of a concept's words raises the items
// whose names say the concept in any language (なまえ in kana finds 木彫 in
// a name through もくちょう).
var conceptNameTokens = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, c := range craftConcepts {
		var single []string
		for _, term := range c.all() {
			if t := searchTokens(term); len(t) == 1 || (len(t) == 2 && []rune(t[1])[0] == []rune(t[0])[1] && len([]rune(t[0])) == 2) {
				single = append(single, t[0])
			}
		}
		for _, term := range c.all() {
			key := strings.Join(strings.FieldsFunc(Fold(term), notWordRune), "")
			out[key] = append(out[key], single...)
		}
	}
	return out
})
