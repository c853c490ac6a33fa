package synth

import "ocopkiosk/data"

// words is one word or phrase in the five visitor languages, in the order of
// data.Languages: vi, en, ko, zh, ja. Names are built by putting such pieces
// together per language, so every translation reads like its own language
// rather than a word-for-word copy of the Vietnamese.
type words [5]string

func (w words) text() data.Text {
	t := make(data.Text, len(w))
	for i, l := range data.Languages {
		if w[i] != "" {
			t[l] = w[i]
		}
	}
	return t
}

// syllable is a Sino-Vietnamese syllable of place and brand names, with how
// Korean and Japanese write its sound and the Chinese character behind it
// (Chinese names Vietnamese places by their characters).
type syllable struct{ vi, ko, zh, ja string }

var syllables = []syllable{
	{"An", "안", "安", "アン"}, {"Bình", "빈", "平", "ビン"}, {"Châu", "쩌우", "州", "チャウ"},
	{"Đông", "동", "东", "ドン"}, {"Đại", "다이", "大", "ダイ"}, {"Đức", "득", "德", "ドゥック"},
	{"Gia", "자", "嘉", "ザー"}, {"Hà", "하", "河", "ハー"}, {"Hải", "하이", "海", "ハイ"},
	{"Hòa", "호아", "和", "ホア"}, {"Hồng", "홍", "红", "ホン"}, {"Hưng", "흥", "兴", "フン"},
	{"Khánh", "카인", "庆", "カイン"}, {"Kim", "낌", "金", "キム"}, {"Lạc", "락", "乐", "ラック"},
	{"Lâm", "럼", "林", "ラム"}, {"Long", "롱", "龙", "ロン"}, {"Minh", "밍", "明", "ミン"},
	{"Mỹ", "미", "美", "ミー"}, {"Nam", "남", "南", "ナム"}, {"Ngọc", "응옥", "玉", "ゴック"},
	{"Nghĩa", "응이아", "义", "ギア"}, {"Nhân", "년", "仁", "ニャン"}, {"Phú", "푸", "富", "フー"},
	{"Phúc", "푹", "福", "フック"}, {"Phương", "프엉", "芳", "フオン"}, {"Quang", "꽝", "光", "クアン"},
	{"Sơn", "선", "山", "ソン"}, {"Tân", "떤", "新", "タン"}, {"Thanh", "타인", "清", "タイン"},
	{"Thái", "타이", "泰", "タイ"}, {"Thạch", "타익", "石", "タック"}, {"Thắng", "탕", "胜", "タン"},
	{"Thịnh", "틴", "盛", "ティン"}, {"Thọ", "토", "寿", "トー"}, {"Thuận", "투언", "顺", "トゥアン"},
	{"Thượng", "트엉", "上", "トゥオン"}, {"Tiên", "띠엔", "仙", "ティエン"}, {"Trung", "쭝", "中", "チュン"},
	{"Trường", "쯔엉", "长", "チュオン"}, {"Vân", "번", "云", "ヴァン"}, {"Văn", "반", "文", "ヴァン"},
	{"Vạn", "반", "万", "ヴァン"}, {"Việt", "비엣", "越", "ヴィエット"}, {"Vĩnh", "빈", "永", "ヴィン"},
	{"Xuân", "쑤언", "春", "スアン"}, {"Yên", "옌", "安", "イエン"}, {"Bảo", "바오", "宝", "バオ"},
	{"Cát", "깟", "吉", "カット"}, {"Dương", "즈엉", "阳", "ズオン"}, {"Hạ", "하", "夏", "ハー"},
	{"Hiệp", "히엡", "协", "ヒエップ"}, {"Hoàng", "호앙", "黄", "ホアン"}, {"Hội", "호이", "会", "ホイ"},
	{"Khê", "케", "溪", "ケー"}, {"Lộc", "록", "禄", "ロック"}, {"Lương", "르엉", "良", "ルオン"},
	{"Ninh", "닌", "宁", "ニン"}, {"Phong", "퐁", "丰", "フォン"}, {"Quế", "꾸에", "桂", "クエ"},
	{"Tây", "떠이", "西", "タイ"}, {"Thủy", "투이", "水", "トゥイ"}, {"Tiến", "띠엔", "进", "ティエン"},
	{"Triều", "찌에우", "朝", "チエウ"}, {"Vinh", "빈", "荣", "ヴィン"}, {"Vũ", "부", "武", "ヴー"},
	{"Hậu", "허우", "厚", "ハウ"}, {"Liên", "리엔", "莲", "リエン"}, {"Mai", "마이", "梅", "マイ"},
	{"Đình", "딘", "亭", "ディン"}, {"Cao", "까오", "高", "カオ"}, {"Khương", "크엉", "姜", "クオン"},
}

// district is one of Hanoi's former rural districts (abolished in July 2025,
// still on signs), with a point near its middle where its villages cluster.
type district struct {
	name     words // Vietnamese (also used in English), then as Korean, Chinese and Japanese write it
	lat, lng float64
}

var districts = []district{
	{words{"Gia Lâm", "Gia Lâm", "자럼", "嘉林", "ザーラム"}, 21.02, 105.94},
	{words{"Thường Tín", "Thường Tín", "트엉띤", "常信", "トゥオンティン"}, 20.87, 105.86},
	{words{"Chương Mỹ", "Chương Mỹ", "쯔엉미", "彰美", "チュオンミー"}, 20.88, 105.66},
	{words{"Phú Xuyên", "Phú Xuyên", "푸쑤옌", "富川", "フースエン"}, 20.73, 105.90},
	{words{"Ứng Hòa", "Ứng Hòa", "응호아", "应和", "ウンホア"}, 20.72, 105.78},
	{words{"Thanh Oai", "Thanh Oai", "타인오아이", "青威", "タインオアイ"}, 20.86, 105.77},
	{words{"Quốc Oai", "Quốc Oai", "꾸옥오아이", "国威", "クオックオアイ"}, 20.99, 105.64},
	{words{"Thạch Thất", "Thạch Thất", "타익텃", "石室", "タックタット"}, 21.03, 105.56},
	{words{"Phúc Thọ", "Phúc Thọ", "푹토", "福寿", "フックトー"}, 21.10, 105.56},
	{words{"Đan Phượng", "Đan Phượng", "단프엉", "丹凤", "ダンフオン"}, 21.10, 105.67},
	{words{"Hoài Đức", "Hoài Đức", "호아이득", "怀德", "ホアイドゥック"}, 21.03, 105.70},
	{words{"Mê Linh", "Mê Linh", "메린", "麋泠", "メーリン"}, 21.18, 105.72},
	{words{"Sóc Sơn", "Sóc Sơn", "쏙선", "朔山", "ソックソン"}, 21.26, 105.84},
	{words{"Đông Anh", "Đông Anh", "동아인", "东英", "ドンアイン"}, 21.14, 105.85},
	{words{"Ba Vì", "Ba Vì", "바비", "巴维", "バーヴィー"}, 21.16, 105.40},
	{words{"Mỹ Đức", "Mỹ Đức", "미득", "美德", "ミードゥック"}, 20.67, 105.74},
	{words{"Sơn Tây", "Sơn Tây", "선떠이", "山西", "ソンタイ"}, 21.12, 105.49},
	{words{"Hà Đông", "Hà Đông", "하동", "河东", "ハードン"}, 20.97, 105.77},
	{words{"Thanh Trì", "Thanh Trì", "타인찌", "青池", "タインチー"}, 20.93, 105.84},
}

// People's names, for producers, founders and bank account holders.
var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
		"Ngô", "Dương", "Lý", "Phan", "Đinh", "Trịnh", "Đào"}
	middleNames = []string{"Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu", "Quang", "Thanh", "Xuân", "Công"}
	givenNames  = []string{"Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Hà", "Mai", "Nam", "Hải", "Thảo",
		"Long", "Phương", "Hiền", "Sơn", "Bình", "Cường", "Linh", "Trang", "Khánh", "Thắng", "Toàn",
		"Hằng", "Quý", "Nga", "Tâm", "Vinh", "Yến", "Đạt"}
	// Founders are told of as men ("honours him"), so they take men's names.
	maleNames = []string{"Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Bình", "Cường", "Khánh",
		"Thắng", "Toàn", "Quý", "Vinh", "Đạt"}
)

// Units a price is for.
var (
	unitPiece   = words{"chiếc", "piece", "개", "件", "点"}
	unitSet     = words{"bộ", "set", "세트", "套", "セット"}
	unitPack    = words{"gói", "pack", "봉지", "包", "袋"}
	unitBox     = words{"hộp", "box", "상자", "盒", "箱"}
	unitKg      = words{"kg", "kg", "kg", "公斤", "kg"}
	unitBottle  = words{"chai", "bottle", "병", "瓶", "本"}
	unitJar     = words{"lọ", "jar", "병", "罐", "瓶"}
	unitMetre   = words{"mét", "metre", "미터", "米", "メートル"}
	unitPot     = words{"chậu", "pot", "화분", "盆", "鉢"}
	unitTree    = words{"cây", "tree", "그루", "棵", "本"}
	unitPair    = words{"cặp", "pair", "쌍", "对", "ペア"}
	unitPerson  = words{"người", "person", "인", "人", "名"}
	unitNight   = words{"đêm", "night", "박", "晚", "泊"}
	unitBar     = words{"bánh", "bar", "개", "块", "個"}
	unitPicture = words{"bức", "picture", "점", "幅", "枚"}
	unitRoll    = words{"cây", "roll", "줄", "条", "本"}
)

// productType is a kind of product with its unit and what one usually costs
// at the low end, in VND; the high end of a range is derived from it.
type productType struct {
	name   words // lower case in Vietnamese, so it can sit inside a sentence
	unit   words
	lo, hi int64 // the range price_min is drawn from
}

// craft is what a village makes, with everything needed to name its products,
// tell its story and offer its experiences.
type craft struct {
	group    data.Group
	weight   int    // how common villages of this craft are; 0: no village has it
	trade    string // the trade as a producer's name says it ("Công ty TNHH Gốm sứ …")
	name     words  // the craft, for the craft_<lang> column
	village  words  // "Làng gốm" / "pottery village": put before (vi) or after the name
	short    words  // the craft in a few words, for sentences
	subgroup words
	types    []productType
	mods     []words // material, glaze, style: what sets one product apart
	process  [2]string
	acts     []activity
}

// activity is an experience a tour offers.
type activity struct {
	name words
	desc words
}

var (
	foodMods = []words{
		{"truyền thống", "traditional", "전통", "传统", "伝統"},
		{"thủ công", "handmade", "수제", "手工", "手作り"},
		{"gia truyền", "heirloom-recipe", "가전 비법", "祖传", "秘伝"},
		{"đặc sản", "specialty", "특산", "特产", "名産"},
		{"hữu cơ", "organic", "유기농", "有机", "有機"},
	}
	premiumMods = []words{
		{"thượng hạng", "premium", "프리미엄", "特级", "特選"},
		{"truyền thống", "traditional", "전통", "传统", "伝統"},
		{"thủ công", "handcrafted", "수제", "手工", "手作り"},
		{"hữu cơ", "organic", "유기농", "有机", "有機"},
	}
)

// crafts lists the crafts of Hanoi's villages, by OCOP group. The last one,
// community tourism, is a group of products, not a village's craft.
var crafts = []craft{
	{
		group: 4, weight: 12, trade: "Gốm sứ",
		name:     words{"Gốm sứ", "Ceramics and pottery", "도자기", "陶瓷", "陶磁器"},
		village:  words{"Làng gốm", "pottery village", "도자기 마을", "陶瓷村", "陶器村"},
		short:    words{"gốm", "pottery", "도자기", "陶瓷", "陶器"},
		subgroup: words{"Gốm sứ gia dụng và trang trí", "Household and decorative ceramics", "생활·장식 도자기", "日用与装饰陶瓷", "生活・装飾陶磁器"},
		types: []productType{
			{words{"bình hoa", "vase", "꽃병", "花瓶", "花瓶"}, unitPiece, 250_000, 3_000_000},
			{words{"bộ ấm chén", "tea set", "다기 세트", "茶具套装", "茶器セット"}, unitSet, 300_000, 2_500_000},
			{words{"đĩa trang trí", "decorative plate", "장식 접시", "装饰盘", "飾り皿"}, unitPiece, 150_000, 1_500_000},
			{words{"bộ bát đĩa", "dinner set", "식기 세트", "餐具套装", "食器セット"}, unitSet, 500_000, 3_000_000},
			{words{"lọ hoa", "flower jar", "화병", "花罐", "花壺"}, unitPiece, 120_000, 900_000},
			{words{"cốc sứ", "porcelain mug", "머그잔", "瓷杯", "マグカップ"}, unitPiece, 60_000, 250_000},
		},
		mods: []words{
			{"men lam", "blue-glaze", "청화", "青花釉", "染付"},
			{"men rạn", "crackle-glaze", "빙렬유", "冰裂釉", "貫入"},
			{"men ngọc", "celadon", "청자", "青瓷", "青磁"},
			{"men nâu", "brown-glaze", "갈유", "褐釉", "褐釉"},
			{"men hoa biến", "flambé-glaze", "요변유", "窑变釉", "窯変"},
			{"vẽ sen", "lotus-painted", "연꽃 그림", "荷花彩绘", "蓮絵"},
		},
		process: [2]string{
			"Đất sét được lọc kỹ cho mịn rồi **vuốt** trên bàn xoay hoặc đổ khuôn. Khi mộc đã se, thợ sửa dáng, vẽ hoa văn, nhúng men và xếp vào lò. Lửa quyết định màu men cuối cùng, nên mẻ lò nào cũng có chút bất ngờ.",
			"The clay is refined until smooth, then **thrown** on the wheel or cast in a mould. Once it has firmed up, the potter trims it, paints the pattern, dips it in glaze and stacks it in the kiln. The fire decides the final colour, so every firing holds a small surprise.",
		},
		acts: []activity{
			{words{"Nặn gốm trên bàn xoay", "Pottery wheel class", "물레 도자기 체험", "拉坯制陶体验", "ろくろ体験"},
				words{"Thợ gốm hướng dẫn khách vuốt một chiếc bát hoặc cốc trên bàn xoay, rồi tự vẽ men lên một sản phẩm có sẵn.",
					"A potter shows you how to throw a bowl or cup on the wheel, then you paint a ready-made piece.",
					"도공이 물레로 그릇이나 컵을 빚는 법을 알려 주고, 이어서 미리 만든 기물에 직접 그림을 그립니다.",
					"陶工指导您在拉坯机上拉制碗或杯，然后在现成的器物上亲手彩绘。",
					"陶工の指導でろくろを使って茶碗やカップを作り、素焼きの器に絵付けをします。"}},
			{words{"Dạo làng gốm và lò cổ", "Old kilns walk", "옛 가마 산책", "古窑漫步", "古い窯めぐり"},
				words{"Người dẫn đưa khách qua các ngõ nhỏ, ghé một lò bầu cổ và một xưởng đang làm hàng.",
					"A guide leads you through narrow lanes to an old climbing kiln and a working studio.",
					"안내자와 함께 좁은 골목을 지나 옛 오름가마와 작업 중인 공방을 둘러봅니다.",
					"向导带您穿过小巷，参观一座老式阶级窑和一家正在生产的作坊。",
					"案内人と路地を歩き、昔の登り窯と稼働中の工房を訪ねます。"}},
		},
	},
	{
		group: 4, weight: 7, trade: "Lụa tơ tằm",
		name:     words{"Dệt lụa", "Silk weaving", "비단 직조", "丝绸织造", "絹織物"},
		village:  words{"Làng lụa", "silk village", "비단 마을", "丝绸村", "シルク村"},
		short:    words{"lụa", "silk", "비단", "丝绸", "絹織物"},
		subgroup: words{"Dệt may thủ công", "Handwoven textiles", "수직 직물", "手工纺织品", "手織り織物"},
		types: []productType{
			{words{"khăn lụa", "silk scarf", "실크 스카프", "丝巾", "シルクスカーフ"}, unitPiece, 150_000, 900_000},
			{words{"vải lụa", "silk fabric", "실크 원단", "丝绸面料", "絹生地"}, unitMetre, 120_000, 450_000},
			{words{"áo dài lụa", "silk áo dài", "실크 아오자이", "丝绸奥黛", "シルクのアオザイ"}, unitPiece, 1_200_000, 6_000_000},
			{words{"cà vạt lụa", "silk tie", "실크 넥타이", "丝绸领带", "シルクネクタイ"}, unitPiece, 150_000, 500_000},
			{words{"túi lụa", "silk handbag", "실크 핸드백", "丝绸手提包", "シルクバッグ"}, unitPiece, 200_000, 1_000_000},
		},
		mods: []words{
			{"tơ tằm", "pure mulberry", "순견", "桑蚕", "本絹"},
			{"vân hoa", "jacquard", "자카드", "提花", "紋織"},
			{"thêu tay", "hand-embroidered", "손자수", "手绣", "手刺繍"},
			{"nhuộm chàm", "indigo-dyed", "쪽염색", "蓝染", "藍染め"},
			{"hoa văn rồng", "dragon-pattern", "용무늬", "龙纹", "龍文"},
		},
		process: [2]string{
			"Tơ tằm được ươm, se và nhuộm trước khi lên **khung cửi**. Những mẫu hoa văn cổ được giữ trên bìa đục lỗ, giúp thợ dệt nên lụa vân mềm và bóng. Một tấm lụa dài có khi mất cả tuần mới xong.",
			"Silk thread is reeled, twisted and dyed before it goes onto the **loom**. Old patterns are kept on punched cards, which guide the weaver through soft, lustrous jacquard. A long bolt can take a week to finish.",
		},
		acts: []activity{
			{words{"Dệt lụa trên khung cửi", "Silk weaving on a loom", "베틀 비단 짜기", "织机织绸体验", "機織り体験"},
				words{"Khách xem ươm tơ, rồi ngồi vào khung cửi dệt thử một dải lụa nhỏ mang về.",
					"Watch silk being reeled, then sit at a loom and weave a small strip to take home.",
					"누에고치에서 실을 뽑는 과정을 본 뒤 베틀에 앉아 작은 비단 띠를 짜서 가져갑니다.",
					"观看缫丝过程，然后坐上织机亲手织一条小丝带带回家。",
					"糸繰りを見学したあと、機に座って小さな絹の帯を織り、お持ち帰りいただけます。"}},
		},
	},
	{
		group: 4, weight: 5, trade: "Sơn mài",
		name:     words{"Sơn mài", "Lacquerware", "옻칠 공예", "漆器", "漆芸"},
		village:  words{"Làng sơn mài", "lacquer village", "옻칠 마을", "漆器村", "漆器村"},
		short:    words{"sơn mài", "lacquer", "옻칠", "漆器", "漆器"},
		subgroup: words{"Đồ sơn mài mỹ nghệ", "Lacquer art", "옻칠 공예품", "漆艺品", "漆工芸品"},
		types: []productType{
			{words{"tranh sơn mài", "lacquer painting", "옻칠화", "漆画", "漆絵"}, unitPicture, 800_000, 15_000_000},
			{words{"hộp sơn mài", "lacquer box", "옻칠 함", "漆盒", "漆箱"}, unitPiece, 150_000, 1_200_000},
			{words{"khay sơn mài", "lacquer tray", "옻칠 쟁반", "漆托盘", "漆盆"}, unitPiece, 200_000, 1_500_000},
			{words{"bình sơn mài", "lacquer vase", "옻칠 화병", "漆花瓶", "漆塗り花瓶"}, unitPiece, 400_000, 4_000_000},
			{words{"đĩa sơn mài", "lacquer plate", "옻칠 접시", "漆盘", "漆皿"}, unitPiece, 150_000, 1_000_000},
		},
		mods: []words{
			{"khảm trai", "mother-of-pearl", "자개", "螺钿", "螺鈿"},
			{"cẩn trứng", "eggshell-inlaid", "난각 상감", "蛋壳镶嵌", "卵殻"},
			{"son đỏ", "vermilion", "주칠", "朱漆", "朱塗り"},
			{"dát vàng", "gold-leaf", "금박", "贴金", "金箔"},
			{"vẽ phong cảnh", "landscape", "산수화", "山水", "山水画"},
		},
		process: [2]string{
			"Cốt gỗ hoặc tre được bó vải, phủ sơn ta nhiều lớp; mỗi lớp phải để khô trong buồng ẩm rồi **mài** nước. Thợ gắn vỏ trứng, khảm trai, dát vàng bạc rồi mài tiếp cho hình hiện ra dưới lớp sơn. Một bức tranh có thể qua hàng chục lớp sơn.",
			"A core of wood or bamboo is wrapped in cloth and given coat after coat of natural lacquer; each coat dries in a damp room and is then **wet-sanded**. Eggshell, mother-of-pearl and gold or silver leaf are set in, and more sanding brings the picture up through the lacquer. One painting can take dozens of coats.",
		},
		acts: []activity{
			{words{"Vẽ tranh sơn mài", "Lacquer painting workshop", "옻칠화 그리기", "漆画体验", "漆絵づくり体験"},
				words{"Nghệ nhân hướng dẫn khách gắn vỏ trứng và mài một tấm tranh sơn mài nhỏ.",
					"An artisan shows you how to set eggshell and sand a small lacquer panel.",
					"장인의 안내로 달걀 껍데기를 붙이고 작은 옻칠 판을 갈아 봅니다.",
					"由匠人指导镶嵌蛋壳并打磨一块小漆板。",
					"職人の指導で卵殻を貼り、小さな漆板を研ぎ出します。"}},
		},
	},
	{
		group: 4, weight: 6, trade: "Mây tre đan",
		name:     words{"Mây tre đan", "Rattan and bamboo weaving", "등나무·대나무 공예", "藤竹编", "籐竹細工"},
		village:  words{"Làng mây tre đan", "basket-weaving village", "죽세공 마을", "藤编村", "籐細工の村"},
		short:    words{"mây tre đan", "basketry", "죽세공", "藤编", "籐細工"},
		subgroup: words{"Đồ mây tre đan", "Woven rattan and bamboo ware", "등·죽 공예품", "藤竹编织品", "籐・竹製品"},
		types: []productType{
			{words{"giỏ", "basket", "바구니", "篮子", "かご"}, unitPiece, 100_000, 600_000},
			{words{"khay", "tray", "쟁반", "托盘", "トレー"}, unitPiece, 80_000, 400_000},
			{words{"chao đèn", "lampshade", "전등갓", "灯罩", "ランプシェード"}, unitPiece, 200_000, 1_500_000},
			{words{"hộp đựng", "storage box", "수납함", "收纳盒", "収納ボックス"}, unitPiece, 80_000, 500_000},
			{words{"túi xách", "handbag", "핸드백", "手提包", "バッグ"}, unitPiece, 150_000, 900_000},
		},
		mods: []words{
			{"mây", "rattan", "등나무", "藤编", "籐"},
			{"tre", "bamboo", "대나무", "竹编", "竹"},
			{"cói", "sedge", "왕골", "草编", "い草"},
			{"guột", "fern-stem", "고사리 줄기", "芒萁", "シダ"},
			{"lục bình", "water-hyacinth", "부레옥잠", "水葫芦", "ホテイアオイ"},
		},
		process: [2]string{
			"Mây, tre được chọn, chẻ nan, luộc và phơi cho bền màu, chống mối mọt. Thợ **đan** theo những kiểu lóng mốt, lóng đôi, hoa thị truyền thống; nhiều hộ nhận hàng về đan tại nhà lúc nông nhàn.",
			"Rattan and bamboo are split into strips, boiled and sun-dried so they keep their colour and resist insects. Weavers **plait** them in traditional single, double and star patterns; many households take work home between harvests.",
		},
		acts: []activity{
			{words{"Đan giỏ mây", "Basket weaving class", "바구니 엮기 체험", "编篮体验", "かご編み体験"},
				words{"Khách học chẻ nan và đan một chiếc giỏ nhỏ cùng thợ trong làng.",
					"Learn to split strips and weave a small basket with a village weaver.",
					"마을 장인과 함께 대나무를 쪼개고 작은 바구니를 엮어 봅니다.",
					"跟村里的匠人学习劈篾，编一只小篮子。",
					"村の職人と一緒にひごを割り、小さなかごを編みます。"}},
		},
	},
	{
		group: 4, weight: 5, trade: "Mỹ nghệ gỗ",
		name:     words{"Chạm khắc gỗ", "Woodcarving", "목조각", "木雕", "木彫"},
		village:  words{"Làng chạm gỗ", "woodcarving village", "목조각 마을", "木雕村", "木彫りの村"},
		short:    words{"chạm gỗ", "woodcarving", "목조각", "木雕", "木彫"},
		subgroup: words{"Đồ gỗ mỹ nghệ", "Carved wood", "목공예품", "木雕工艺品", "木工芸品"},
		types: []productType{
			{words{"tượng", "statue", "조각상", "雕像", "彫像"}, unitPiece, 500_000, 20_000_000},
			{words{"hộp", "box", "상자", "木盒", "小箱"}, unitPiece, 150_000, 900_000},
			{words{"tranh khắc", "carved panel", "조각 판넬", "挂屏", "彫刻パネル"}, unitPicture, 600_000, 8_000_000},
			{words{"bộ đồ thờ", "altar set", "제기 세트", "供器套装", "祭具セット"}, unitSet, 2_000_000, 30_000_000},
			{words{"khay trà", "tea tray", "찻상 쟁반", "茶盘", "茶盆"}, unitPiece, 250_000, 1_800_000},
		},
		mods: []words{
			{"gỗ mít", "jackfruit-wood", "잭프루트 나무", "菠萝蜜木", "ジャックフルーツ材"},
			{"gỗ hương", "rosewood", "로즈우드", "花梨木", "花梨材"},
			{"sơn son thếp vàng", "red-and-gilt", "주칠 금박", "朱漆贴金", "朱塗り金箔"},
			{"chạm lộng", "openwork", "투각", "镂空", "透かし彫り"},
		},
		process: [2]string{
			"Gỗ mít, gỗ hương được phơi khô nhiều tháng rồi mới vào việc. Thợ **đục** phá lấy dáng, rồi đục chi tiết, chạm lộng từng lớp; sau cùng là sơn son thếp vàng hoặc đánh dầu để lộ vân gỗ.",
			"Jackfruit wood and rosewood dry for months before work begins. The carver first **roughs out** the form, then cuts the details and openwork layer by layer; the piece is finished in red lacquer and gilt, or oiled to show the grain.",
		},
		acts: []activity{
			{words{"Chạm khắc gỗ cùng nghệ nhân", "Woodcarving with a master", "장인과 함께하는 목조각", "跟匠人学木雕", "職人と木彫り体験"},
				words{"Nghệ nhân hướng dẫn cách cầm đục và chạm một hoa văn đơn giản lên miếng gỗ nhỏ.",
					"A master carver shows you how to hold the chisel and carve a simple motif on a small block.",
					"장인이 끌 잡는 법을 알려 주고 작은 나무토막에 간단한 문양을 새겨 봅니다.",
					"匠人教您握凿的方法，在小木块上雕刻简单的纹样。",
					"職人がのみの持ち方を教え、小さな木片に簡単な文様を彫ります。"}},
		},
	},
	{
		group: 4, weight: 5, trade: "Thêu ren",
		name:     words{"Thêu ren", "Embroidery and lace", "자수", "刺绣", "刺繍"},
		village:  words{"Làng thêu", "embroidery village", "자수 마을", "刺绣村", "刺繍の村"},
		short:    words{"thêu", "embroidery", "자수", "刺绣", "刺繍"},
		subgroup: words{"Hàng thêu tay", "Hand embroidery", "손자수 제품", "手工刺绣品", "手刺繍製品"},
		types: []productType{
			{words{"tranh thêu", "embroidered picture", "자수화", "刺绣画", "刺繍画"}, unitPicture, 800_000, 12_000_000},
			{words{"khăn trải bàn", "tablecloth", "식탁보", "桌布", "テーブルクロス"}, unitPiece, 300_000, 1_500_000},
			{words{"vỏ gối", "cushion cover", "쿠션 커버", "靠垫套", "クッションカバー"}, unitPiece, 120_000, 400_000},
			{words{"túi thêu", "embroidered pouch", "자수 파우치", "刺绣小包", "刺繍ポーチ"}, unitPiece, 80_000, 300_000},
		},
		mods: []words{
			{"hoa sen", "lotus", "연꽃", "荷花", "蓮"},
			{"chim hạc", "crane", "학", "仙鹤", "鶴"},
			{"phong cảnh", "landscape", "풍경", "风景", "風景"},
			{"chỉ tơ", "silk-thread", "실크실", "丝线", "絹糸"},
			{"hoa đào", "peach-blossom", "복숭아꽃", "桃花", "桃の花"},
		},
		process: [2]string{
			"Mẫu được vẽ lên vải rồi căng trên khung. Người thợ dùng chỉ tơ nhiều màu, **thêu** từng mũi nhỏ để tạo sắc độ như tranh vẽ; một bức lớn có thể mất vài tháng.",
			"The design is drawn on cloth stretched on a frame. With silk thread in many shades, the embroiderer builds up the picture in tiny **stitches** until it shades like a painting; a large piece can take months.",
		},
		acts: []activity{
			{words{"Thêu tay cùng thợ làng", "Hand embroidery lesson", "손자수 배우기", "手绣体验", "手刺繍レッスン"},
				words{"Khách học vài mũi thêu cơ bản và thêu một bông hoa nhỏ lên khăn tay.",
					"Learn a few basic stitches and embroider a small flower on a handkerchief.",
					"기본 바늘땀 몇 가지를 배우고 손수건에 작은 꽃을 수놓습니다.",
					"学习几种基本针法，在手帕上绣一朵小花。",
					"基本の縫い方を習い、ハンカチに小さな花を刺繍します。"}},
		},
	},
	{
		group: 1, weight: 6, trade: "Bánh kẹo",
		name:     words{"Bánh cốm truyền thống", "Traditional cakes and green rice", "전통 과자와 꼼", "传统糕点与青米", "伝統菓子とコム"},
		village:  words{"Làng bánh", "cake-making village", "전통 과자 마을", "糕点村", "菓子の村"},
		short:    words{"làm bánh", "cake-making", "과자 만들기", "糕点制作", "菓子づくり"},
		subgroup: words{"Bánh kẹo, ngũ cốc", "Confectionery and grain products", "과자·곡물 가공품", "糕点与谷物制品", "菓子・穀物加工品"},
		types: []productType{
			{words{"cốm", "young green rice", "꼼(풋쌀)", "青米片", "コム（青米）"}, unitPack, 60_000, 200_000},
			{words{"bánh cốm", "green rice cake", "꼼 떡", "青米糕", "コム餅"}, unitBox, 40_000, 150_000},
			{words{"bánh chưng", "square sticky rice cake", "반쯩", "粽子", "バインチュン"}, unitPiece, 50_000, 150_000},
			{words{"bánh đậu xanh", "mung bean cake", "녹두 과자", "绿豆糕", "緑豆菓子"}, unitBox, 35_000, 120_000},
			{words{"kẹo lạc", "peanut brittle", "땅콩 캔디", "花生糖", "ピーナッツ飴"}, unitPack, 30_000, 90_000},
			{words{"bánh gai", "ramie-leaf cake", "모시잎 떡", "苎麻叶糕", "カラムシ餅"}, unitBox, 60_000, 200_000},
		},
		mods: foodMods,
		process: [2]string{
			"Lúa nếp non được gặt lúc sáng sớm, rang trong chảo gang rồi **giã** bằng chày tre cho dẹt và dẻo; bánh được gói lá, đồ chín và đóng hộp ngay trong ngày.",
			"Young glutinous rice is cut at dawn, roasted in cast-iron pans and **pounded** with bamboo pestles until flat and supple; the cakes are wrapped in leaves, steamed and boxed the same day.",
		},
		acts: []activity{
			{words{"Làm bánh cùng người làng", "Cake-making with villagers", "마을 사람들과 떡 만들기", "跟村民做糕点", "村人とお菓子づくり"},
				words{"Khách giã cốm, gói bánh và nếm bánh vừa ra lò cùng các gia đình làm nghề.",
					"Pound green rice, wrap cakes and taste them fresh from the steamer with a family of cake-makers.",
					"떡을 만드는 가족과 함께 풋쌀을 찧고 떡을 싸서 갓 쪄낸 떡을 맛봅니다.",
					"与做糕点的人家一起舂青米、包糕点，品尝刚出锅的点心。",
					"菓子づくりの家族と一緒に青米をつき、餅を包み、蒸したてを味わいます。"}},
		},
	},
	{
		group: 1, weight: 4, trade: "Thực phẩm",
		name:     words{"Miến, bún, bánh đa", "Noodles and rice paper", "국수·라이스페이퍼", "粉丝与米纸", "麺とライスペーパー"},
		village:  words{"Làng miến", "noodle village", "국수 마을", "粉丝村", "麺の村"},
		short:    words{"làm miến", "noodle-making", "국수 만들기", "粉丝制作", "麺づくり"},
		subgroup: words{"Sản phẩm từ tinh bột", "Starch products", "전분 가공품", "淀粉制品", "でんぷん加工品"},
		types: []productType{
			{words{"miến dong", "canna glass noodles", "칸나 전분 당면", "美人蕉粉丝", "カンナ春雨"}, unitKg, 50_000, 150_000},
			{words{"bún khô", "dried rice vermicelli", "건조 쌀국수면", "米粉干", "乾燥ブン"}, unitPack, 25_000, 70_000},
			{words{"bánh đa nem", "rice paper", "라이스페이퍼", "春卷皮", "ライスペーパー"}, unitPack, 20_000, 60_000},
			{words{"phở khô", "dried phở noodles", "건조 포면", "河粉干", "乾燥フォー"}, unitPack, 30_000, 80_000},
			{words{"bánh đa vừng", "sesame rice cracker", "참깨 쌀 크래커", "芝麻米饼", "ゴマせんべい"}, unitPack, 20_000, 60_000},
		},
		mods: foodMods,
		process: [2]string{
			"Củ dong được xay, lọc lấy tinh bột, tráng thành bánh mỏng rồi phơi trên giàn nứa; khi se mặt, bánh được **thái** sợi và phơi tiếp đến khi khô giòn.",
			"Canna roots are ground and the starch washed out, spread into thin sheets and laid on bamboo racks; when they have set, the sheets are **cut** into strands and dried until crisp.",
		},
		acts: []activity{
			{words{"Tráng bánh và phơi miến", "Noodle-making morning", "국수 만들기 체험", "制作粉丝体验", "麺づくり体験"},
				words{"Khách tráng thử bánh, xem thái sợi và phơi miến trên giàn tre, rồi ăn một bát miến nóng.",
					"Try spreading a sheet, watch it cut and dried on bamboo racks, then eat a hot bowl of noodles.",
					"반죽을 얇게 펴 보고 면을 썰어 대나무 건조대에 말리는 모습을 본 뒤 따뜻한 국수를 먹습니다.",
					"亲手摊一张粉皮，看切丝、上竹架晾晒，最后吃一碗热粉丝。",
					"生地を薄く広げ、麺に切って竹の棚で干す様子を見たあと、温かい麺をいただきます。"}},
		},
	},
	{
		group: 1, weight: 3, trade: "Thực phẩm",
		name:     words{"Giò chả, tương, nem", "Pork rolls, sauces and cured meats", "베트남 햄·장류", "肉制品与酱料", "ハム・醤類"},
		village:  words{"Làng giò chả", "charcuterie village", "전통 햄 마을", "肉制品村", "ハムの村"},
		short:    words{"làm giò chả", "charcuterie", "전통 햄", "肉制品", "ハムづくり"},
		subgroup: words{"Thực phẩm chế biến", "Processed foods", "가공식품", "加工食品", "加工食品"},
		types: []productType{
			{words{"giò lụa", "Vietnamese pork roll", "베트남 돼지고기 햄", "越南猪肉卷", "ベトナムハム"}, unitKg, 200_000, 350_000},
			{words{"chả quế", "cinnamon pork roll", "계피 돼지고기 햄", "肉桂猪肉卷", "シナモンハム"}, unitRoll, 120_000, 300_000},
			{words{"tương bần", "fermented soybean sauce", "발효 콩장", "黄豆酱", "発酵大豆だれ"}, unitBottle, 30_000, 80_000},
			{words{"nem chua", "fermented pork roll", "발효 돼지고기 롤", "酸肉卷", "ネムチュア"}, unitPack, 50_000, 150_000},
			{words{"ruốc", "pork floss", "돼지고기 플로스", "肉松", "肉でんぶ"}, unitJar, 80_000, 250_000},
		},
		mods: foodMods,
		process: [2]string{
			"Thịt nạc được chọn khi còn nóng, **giã** nhuyễn cùng nước mắm ngon, gói lá chuối và luộc trong nồi lớn; cả quy trình phải xong trong vài giờ để giò giữ được độ dai.",
			"Lean pork is chosen while still warm, **pounded** to a paste with good fish sauce, wrapped in banana leaves and boiled in big pots; it must all be done within hours so the roll keeps its springy bite.",
		},
	},
	{
		group: 1, weight: 5, trade: "Nông sản sạch",
		name:     words{"Nông sản đặc sản", "Farm specialties", "특산 농산물", "特色农产品", "特産農産物"},
		village:  words{"Làng nông nghiệp", "farming village", "농업 마을", "农业村", "農業の村"},
		short:    words{"làm nông", "farming", "농사", "农业", "農業"},
		subgroup: words{"Nông sản tươi và sơ chế", "Fresh and lightly processed produce", "신선·1차 가공 농산물", "生鲜与初加工农产品", "生鮮・一次加工品"},
		types: []productType{
			{words{"gạo nếp cái hoa vàng", "yellow-flower glutinous rice", "황화 찹쌀", "黄花糯米", "黄花もち米"}, unitKg, 35_000, 60_000},
			{words{"mật ong", "honey", "꿀", "蜂蜜", "蜂蜜"}, unitBottle, 150_000, 400_000},
			{words{"bưởi", "pomelo", "포멜로", "柚子", "ザボン"}, unitKg, 40_000, 90_000},
			{words{"nhãn lồng", "longan", "용안", "龙眼", "竜眼"}, unitKg, 50_000, 120_000},
			{words{"trứng vịt muối", "salted duck eggs", "오리알 소금절임", "咸鸭蛋", "塩漬けアヒル卵"}, unitBox, 40_000, 100_000},
		},
		mods: []words{
			{"hữu cơ", "organic", "유기농", "有机", "有機"},
			{"VietGAP", "VietGAP", "VietGAP", "VietGAP", "VietGAP"},
			{"đặc sản", "specialty", "특산", "特产", "名産"},
			{"sạch", "spray-free", "무농약", "无公害", "無農薬"},
		},
		process: [2]string{
			"Đồng ruộng và vườn cây được chăm theo lịch mùa vụ, hạn chế phân bón hóa học; nông sản được **thu hái** bằng tay, phân loại và sơ chế tại hợp tác xã.",
			"Fields and orchards are tended to the farming calendar with little chemical fertiliser; the produce is **picked** by hand, sorted and prepared at the co-operative.",
		},
	},
	{
		group: 2, weight: 4, trade: "Đồ uống",
		name:     words{"Rượu và trà", "Rice wine and tea", "술과 차", "酒与茶", "酒と茶"},
		village:  words{"Làng rượu", "rice wine village", "전통주 마을", "酒村", "酒の村"},
		short:    words{"nấu rượu, ướp trà", "wine-making and tea", "술 빚기와 차", "酿酒与制茶", "酒造りと茶"},
		subgroup: words{"Đồ uống có cồn và trà", "Wines, spirits and teas", "주류와 차", "酒类与茶饮", "酒類・茶"},
		types: []productType{
			{words{"rượu nếp", "glutinous rice wine", "찹쌀술", "糯米酒", "もち米酒"}, unitBottle, 80_000, 350_000},
			{words{"trà sen", "lotus tea", "연꽃차", "莲花茶", "蓮茶"}, unitBox, 200_000, 3_000_000},
			{words{"trà xanh", "green tea", "녹차", "绿茶", "緑茶"}, unitPack, 80_000, 400_000},
			{words{"trà hoa nhài", "jasmine tea", "자스민차", "茉莉花茶", "ジャスミン茶"}, unitBox, 70_000, 250_000},
			{words{"rượu mơ", "apricot wine", "매실주", "梅子酒", "梅酒"}, unitBottle, 120_000, 400_000},
		},
		mods: premiumMods,
		process: [2]string{
			"Nếp cái hoa vàng được đồ chín, rắc men lá gia truyền và ủ trong chum sành; rượu được **chưng cất** chậm trên bếp củi. Trà được sao, ướp hương hoa theo cách của các cụ.",
			"Yellow-flower glutinous rice is steamed, sprinkled with a family leaf-yeast and left in earthenware jars; the wine is then **distilled** slowly over a wood fire. Tea is roasted and scented with flowers the way the elders taught.",
		},
		acts: []activity{
			{words{"Thưởng trà sen và nấu rượu", "Lotus tea and rice wine tasting", "연꽃차와 전통주 시음", "莲花茶与米酒品鉴", "蓮茶と米酒の試飲"},
				words{"Khách xem ướp trà sen, ghé lò rượu và nếm vài loại rượu, trà của làng.",
					"See lotus tea being scented, visit a distillery and taste the village's wines and teas.",
					"연꽃차를 만드는 과정을 보고 양조장을 방문해 마을의 술과 차를 맛봅니다.",
					"观看莲花茶窨制，参观酿酒坊，品尝村里的酒和茶。",
					"蓮茶の香り付けを見学し、酒蔵を訪ねて村の酒とお茶を味わいます。"}},
		},
	},
	{
		group: 3, weight: 3, trade: "Dược liệu",
		name:     words{"Dược liệu", "Medicinal herbs", "약초", "药材", "薬草"},
		village:  words{"Làng thuốc nam", "herbal medicine village", "약초 마을", "药材村", "薬草の村"},
		short:    words{"làm thuốc nam", "herbal medicine", "약초", "药材", "薬草"},
		subgroup: words{"Sản phẩm từ dược liệu", "Herbal products", "약초 제품", "草药制品", "薬草製品"},
		types: []productType{
			{words{"trà thảo mộc", "herbal tea", "허브차", "草本茶", "ハーブティー"}, unitBox, 60_000, 250_000},
			{words{"tinh dầu sả", "lemongrass essential oil", "레몬그라스 에센셜 오일", "香茅精油", "レモングラス精油"}, unitBottle, 80_000, 300_000},
			{words{"xà phòng thảo dược", "herbal soap", "약초 비누", "草本皂", "薬草石けん"}, unitBar, 35_000, 120_000},
			{words{"dầu gội bồ kết", "soapberry shampoo", "조각자 샴푸", "皂角洗发水", "サイカチシャンプー"}, unitBottle, 80_000, 250_000},
			{words{"cao dược liệu", "herbal extract", "약초 농축액", "草药膏", "薬草エキス"}, unitJar, 150_000, 900_000},
			{words{"túi chườm thảo dược", "herbal compress", "약초 찜질팩", "草药热敷包", "薬草温湿布"}, unitPiece, 120_000, 350_000},
		},
		mods: []words{
			{"hữu cơ", "organic", "유기농", "有机", "有機"},
			{"gia truyền", "heirloom-recipe", "가전 비법", "祖传", "秘伝"},
			{"nguyên chất", "pure", "순수", "纯", "純"},
			{"thiên nhiên", "natural", "천연", "天然", "天然"},
		},
		process: [2]string{
			"Cây thuốc được trồng quanh làng, hái đúng mùa, rửa sạch, phơi hoặc sấy rồi **sắc**, chưng cất thành cao, tinh dầu và trà túi lọc.",
			"Medicinal plants grow around the village; they are gathered in season, washed, dried and then **decocted** or distilled into extracts, essential oils and tea bags.",
		},
	},
	{
		group: 5, weight: 4, trade: "Sinh vật cảnh",
		name:     words{"Hoa và cây cảnh", "Flowers and ornamental plants", "화훼·분재", "花卉盆景", "花卉・盆栽"},
		village:  words{"Làng hoa cây cảnh", "flower village", "화훼 마을", "花卉村", "花卉の村"},
		short:    words{"trồng hoa cây cảnh", "flower growing", "화훼 재배", "花卉种植", "花卉栽培"},
		subgroup: words{"Sinh vật cảnh", "Ornamental plants and animals", "관상 동식물", "观赏动植物", "観賞用動植物"},
		types: []productType{
			{words{"cây bonsai", "bonsai", "분재", "盆景", "盆栽"}, unitPot, 500_000, 30_000_000},
			{words{"lan hồ điệp", "moth orchid", "호접란", "蝴蝶兰", "胡蝶蘭"}, unitPot, 250_000, 2_000_000},
			{words{"đào thế", "Tết peach tree", "설 복숭아나무", "年桃树", "テトの桃の木"}, unitTree, 800_000, 15_000_000},
			{words{"quất cảnh", "kumquat tree", "금귤나무", "金桔树", "キンカンの木"}, unitTree, 400_000, 5_000_000},
			{words{"cá cảnh", "ornamental fish", "관상어", "观赏鱼", "観賞魚"}, unitPair, 100_000, 3_000_000},
		},
		mods: []words{
			{"tuyển chọn", "select", "특선", "精选", "厳選"},
			{"cao cấp", "premium", "고급", "高档", "高級"},
			{"đặc sản", "specialty", "특산", "特产", "名産"},
		},
		process: [2]string{
			"Người làng ươm giống, ghép cành và **uốn thế** cây qua nhiều năm; những tháng trước Tết là mùa bận rộn nhất, khi đào, quất và lan được chọn đưa về phố.",
			"Villagers raise seedlings, graft branches and **train** each plant's shape over years; the months before Tết are the busiest, when peach, kumquat and orchids are chosen for the city.",
		},
		acts: []activity{
			{words{"Dạo vườn đào và học uốn cây", "Orchard walk and bonsai shaping", "복숭아 농원 산책과 분재 다듬기", "桃园漫步与盆景造型", "桃園散策と盆栽づくり"},
				words{"Khách dạo vườn đào, quất cùng chủ vườn và học cách uốn một cây bonsai nhỏ.",
					"Walk the peach and kumquat orchards with a grower and learn to shape a small bonsai.",
					"농원 주인과 복숭아·금귤 농원을 거닐고 작은 분재를 다듬는 법을 배웁니다.",
					"与园主一起漫步桃园和金桔园，学习修剪小盆景。",
					"園主と桃やキンカンの畑を歩き、小さな盆栽の仕立て方を学びます。"}},
		},
	},
	{
		group: 6, weight: 0, trade: "Du lịch",
		name:     words{"Du lịch cộng đồng", "Community tourism", "커뮤니티 관광", "社区旅游", "コミュニティツーリズム"},
		village:  words{"Làng du lịch", "tourism village", "관광 마을", "旅游村", "観光の村"},
		short:    words{"du lịch cộng đồng", "community tourism", "커뮤니티 관광", "社区旅游", "コミュニティツーリズム"},
		subgroup: words{"Dịch vụ du lịch cộng đồng", "Community tourism services", "커뮤니티 관광 서비스", "社区旅游服务", "地域観光サービス"},
		types: []productType{
			{words{"tour trải nghiệm làng nghề", "craft village experience", "공예 마을 체험", "手工艺村体验", "工芸村体験"}, unitPerson, 150_000, 800_000},
			{words{"homestay", "homestay", "홈스테이", "民宿", "ホームステイ"}, unitNight, 300_000, 1_200_000},
			{words{"lớp học làm nghề", "craft class", "공예 체험 교실", "手工艺课堂", "工芸教室"}, unitPerson, 100_000, 500_000},
			{words{"vé tham quan làng cổ", "old village entry ticket", "옛 마을 입장권", "古村参观门票", "古村見学チケット"}, unitPerson, 20_000, 100_000},
			{words{"bữa cơm quê", "village home meal", "시골 가정식", "农家饭", "農家ごはん"}, unitPerson, 120_000, 350_000},
		},
		mods: []words{
			{"sinh thái", "eco", "생태", "生态", "エコ"},
			{"cộng đồng", "community", "마을 공동체", "社区", "コミュニティ"},
			{"truyền thống", "traditional", "전통", "传统", "伝統"},
		},
	},
}

// Activities every village can offer, whatever its craft.
var commonActs = []activity{
	{words{"Đạp xe quanh làng nghề", "Craft village cycling tour", "공예 마을 자전거 투어", "骑行游手工艺村", "工芸村サイクリング"},
		words{"Người dẫn đạp xe cùng khách qua cánh đồng, đình làng và các xưởng nghề.",
			"Cycle with a guide past rice fields, the communal house and the workshops.",
			"가이드와 함께 자전거를 타고 논과 마을 사당, 공방을 둘러봅니다.",
			"跟随向导骑行，途经稻田、村亭和手工作坊。",
			"ガイドと自転車で田んぼや村のディン（集会所）、工房をめぐります。"}},
	{words{"Bữa cơm quê và thăm xưởng", "Village lunch and workshop visit", "시골 점심과 공방 방문", "农家午餐与作坊参观", "農家ランチと工房見学"},
		words{"Khách thăm một xưởng nghề rồi ăn bữa trưa do gia đình chủ nhà nấu.",
			"Visit a workshop, then share a lunch cooked by the host family.",
			"공방을 둘러본 뒤 집주인 가족이 차린 점심을 함께 먹습니다.",
			"参观作坊后，享用房东家庭烹制的午餐。",
			"工房を見学したあと、ホストファミリーの手料理で昼食をとります。"}},
	{words{"Một ngày làm nghệ nhân", "A day as an artisan", "장인으로 보내는 하루", "当一天匠人", "職人になる一日"},
		words{"Khách làm cùng nghệ nhân từ sáng đến chiều, từ khâu chọn nguyên liệu đến khi hoàn thiện một sản phẩm nhỏ.",
			"Work beside an artisan from morning to afternoon, from choosing materials to finishing a small piece.",
			"아침부터 오후까지 장인 옆에서 재료 고르기부터 작은 작품 완성까지 함께합니다.",
			"从早到晚跟着匠人工作，从挑选材料到完成一件小作品。",
			"朝から午後まで職人の隣で、材料選びから小さな作品の仕上げまで体験します。"}},
}

// What a tour's price includes.
var inclusions = []words{
	{"người dẫn", "a guide", "가이드", "导游", "ガイド"},
	{"nguyên liệu", "materials", "재료", "材料", "材料"},
	{"trà và hoa quả", "tea and fruit", "차와 과일", "茶水和水果", "お茶と果物"},
	{"bữa trưa", "lunch", "점심", "午餐", "昼食"},
	{"xe đạp", "a bicycle", "자전거", "自行车", "自転車"},
	{"sản phẩm mang về", "a piece to take home", "가져갈 작품", "可带走的作品", "持ち帰り作品"},
	{"bảo hiểm", "insurance", "보험", "保险", "保険"},
}

// Where tours meet; %s is the village's name in that language.
var meetingPoints = []words{
	{"Cổng làng %s", "%s village gate", "%s 마을 입구", "%s村口", "%s村の入口"},
	{"Đình làng %s", "%s communal house", "%s 마을 사당", "%s村亭", "%s村のディン（集会所）"},
	{"Nhà văn hóa thôn %s", "%s village cultural house", "%s 마을 문화회관", "%s村文化馆", "%s村の文化会館"},
	{"Chợ %s", "%s market", "%s 시장", "%s市场", "%s市場"},
	{"Bến xe buýt %s", "%s bus stop", "%s 버스 정류장", "%s公交站", "%sバス停"},
}

// Sentences a product description picks from, by OCOP group (index 1 to 6).
// %d, where present, is a shelf life: days for food, months for drinks.
var groupSentences = [7][]words{
	1: {
		{"Nguyên liệu được chọn từ vùng trồng của địa phương, chế biến theo công thức truyền thống.", "Ingredients come from local farms and are prepared to a traditional recipe.", "현지 농가에서 고른 재료를 전통 방식대로 가공합니다.", "原料选自当地种植区，按传统配方加工。", "地元の産地で選んだ原料を、伝統のレシピで加工しています。"},
		{"Không dùng chất bảo quản; nên dùng trong vòng %d ngày.", "No preservatives are added; best within %d days.", "방부제를 넣지 않았으며 %d일 이내에 드시는 것이 좋습니다.", "不添加防腐剂，建议%d天内食用。", "保存料は使っていません。%d日以内にお召し上がりください。"},
		{"Đóng gói hút chân không, tiện mang đi xa làm quà.", "Vacuum-packed, so it travels well as a gift.", "진공 포장되어 선물용으로 멀리 가져가기 좋습니다.", "真空包装，便于远途携带作为礼物。", "真空パックなので、お土産として遠くへも持ち運べます。"},
		{"Cơ sở sản xuất đạt chứng nhận an toàn thực phẩm.", "The kitchen holds a food-safety certificate.", "생산 시설은 식품 안전 인증을 받았습니다.", "生产场所已获得食品安全认证。", "製造所は食品衛生の認証を受けています。"},
	},
	2: {
		{"Được chế biến và đóng gói ngay tại làng, hương vị êm và thơm.", "Made and packed in the village, with a smooth, fragrant taste.", "마을에서 직접 만들고 포장하여 맛이 부드럽고 향긋합니다.", "在村里加工包装，口感柔和，香气怡人。", "村で作って詰めた、まろやかで香り高い味わいです。"},
		{"Hộp quà in hoa văn truyền thống, hợp làm quà Tết.", "Comes in a gift box with traditional patterns, popular for Tết.", "전통 문양이 인쇄된 선물 상자에 담겨 설 선물로 인기가 높습니다.", "礼盒印有传统纹样，适合作为春节礼品。", "伝統文様の化粧箱入りで、テトの贈り物に人気です。"},
		{"Nguyên liệu từ vùng trồng đạt chuẩn VietGAP.", "Made from raw materials grown to VietGAP standards.", "VietGAP 기준으로 재배한 원료를 사용합니다.", "原料来自符合VietGAP标准的种植区。", "VietGAP基準で栽培された原料を使っています。"},
		{"Hạn dùng %d tháng kể từ ngày sản xuất.", "Keeps for %d months from the date of production.", "제조일로부터 %d개월 동안 보관할 수 있습니다.", "自生产之日起保质期%d个月。", "製造日から%dか月保存できます。"},
	},
	3: {
		{"Chiết xuất từ dược liệu trồng tại địa phương, không dùng hương liệu tổng hợp.", "Extracted from locally grown herbs, with no synthetic fragrance.", "현지에서 재배한 약초에서 추출했으며 합성 향료를 쓰지 않았습니다.", "萃取自本地种植的药材，不含合成香料。", "地元で栽培した薬草から抽出し、合成香料は使っていません。"},
		{"Công thức gia truyền nhiều đời của gia đình.", "A recipe handed down in the family for generations.", "여러 대에 걸쳐 집안에 전해 내려온 비법입니다.", "家族世代相传的配方。", "家に代々伝わる処方です。"},
		{"Sản phẩm đã được kiểm nghiệm và công bố chất lượng.", "Laboratory-tested, with a published quality declaration.", "품질 검사를 거쳐 품질 공표를 마쳤습니다.", "产品已通过检验并公布质量标准。", "品質検査を経て、品質表示を公表しています。"},
		{"Phụ nữ có thai nên hỏi ý kiến thầy thuốc trước khi dùng.", "Ask a doctor before use during pregnancy.", "임신 중에는 의사와 상담한 뒤 사용하십시오.", "孕妇使用前请咨询医生。", "妊娠中の方は医師にご相談のうえお使いください。"},
	},
	4: {
		{"Làm thủ công hoàn toàn bởi thợ lành nghề trong làng.", "Made entirely by hand by skilled village artisans.", "마을의 숙련된 장인이 전부 손으로 만들었습니다.", "全部由村里的熟练工匠手工制作。", "村の熟練職人がすべて手作業で仕上げています。"},
		{"Mỗi sản phẩm có chút khác biệt, là dấu vết của bàn tay người thợ.", "No two pieces are quite alike: each carries the marks of the maker's hand.", "작품마다 조금씩 달라 만든 이의 손길이 느껴집니다.", "每件作品都略有不同，留有匠人手作的痕迹。", "一つひとつ少しずつ違い、作り手の手の跡が残ります。"},
		{"Nhận làm theo kích thước và hoa văn khách đặt.", "Custom sizes and patterns are made to order.", "원하는 크기와 문양으로 주문 제작할 수 있습니다.", "可按客户要求定制尺寸和纹样。", "サイズや文様の特注も承ります。"},
		{"Đóng gói chống va đập, gửi được đi nước ngoài.", "Packed against knocks and can be shipped abroad.", "충격 방지 포장으로 해외 배송이 가능합니다.", "防震包装，可寄往海外。", "衝撃に強い梱包で、海外発送も可能です。"},
	},
	5: {
		{"Được chăm sóc nhiều năm tại vườn của làng trước khi bán.", "Tended for years in the village gardens before sale.", "판매 전 여러 해 동안 마을 농원에서 가꾸었습니다.", "出售前在村里的园圃中精心培育多年。", "出荷前に村の農園で何年も手入れされています。"},
		{"Kèm hướng dẫn chăm sóc bằng tiếng Việt và tiếng Anh.", "Comes with care instructions in Vietnamese and English.", "베트남어와 영어로 된 관리 안내서가 함께 제공됩니다.", "附越南语和英语养护说明。", "ベトナム語と英語の育て方ガイド付きです。"},
		{"Giao tận nơi trong nội thành Hà Nội.", "Delivered to your door anywhere in central Hanoi.", "하노이 시내 어디든 배달해 드립니다.", "河内市区内可送货上门。", "ハノイ市内はご自宅までお届けします。"},
		{"Dáng thế do nghệ nhân tạo, mang ý nghĩa may mắn.", "Shaped by an artisan into a form that stands for good fortune.", "장인이 행운을 뜻하는 모양으로 다듬었습니다.", "由匠人造型，寓意吉祥。", "職人が縁起の良い形に仕立てています。"},
	},
	6: {
		{"Do người dân trong làng trực tiếp tổ chức và dẫn khách.", "Run and guided by the villagers themselves.", "마을 주민이 직접 운영하고 안내합니다.", "由村民亲自组织和讲解。", "村の人々が自ら運営し、案内します。"},
		{"Phù hợp cho gia đình có trẻ nhỏ và nhóm bạn.", "Suits families with children and groups of friends.", "어린이를 동반한 가족과 친구 모임에 알맞습니다.", "适合带孩子的家庭和朋友结伴。", "お子さま連れのご家族や友人同士に向いています。"},
		{"Nên đặt trước ít nhất một ngày.", "Book at least a day ahead.", "최소 하루 전에 예약하십시오.", "请至少提前一天预订。", "少なくとも前日までにご予約ください。"},
		{"Một phần doanh thu được dùng để giữ gìn nghề truyền thống.", "Part of the income goes to keeping the traditional craft alive.", "수익의 일부는 전통 공예를 지키는 데 쓰입니다.", "部分收入用于传承传统手艺。", "収益の一部は伝統工芸の継承に使われます。"},
	},
}

// Banks whose NAPAS BINs appear on VietQR codes.
var bankBINs = []string{"970415", "970436", "970418", "970405", "970422", "970407", "970416", "970432"}

// Shops a purchase link may point to; %s is the search keywords, ASCII
// words joined by '+'.
var shops = []string{
	"https://shopee.vn/search?keyword=%s",
	"https://www.lazada.vn/catalog/?q=%s",
	"https://tiki.vn/search?q=%s",
}
