package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// A long story is shown a page at a time, so that opening a village draws
// a page's worth of text and pictures however long its story is: every line
// and picture of a page is drawn when the screen is first painted, on
// screen or not.
const (
	storyPageBytes    = 4 << 10 // text on one page
	storyPageLines    = 60      // lines of Markdown on one page (a list of short items)
	storyPictureLines = 12      // what a picture counts for against storyPageLines
)

// storyPages splits a story into pages of whole blocks (paragraphs, lists,
// headings, pictures); a block longer than a page is cut at a line break
// or space.
func storyPages(markdown string) [][]string {
	var pages [][]string
	var page []string
	size, lines := 0, 0
	add := func(block string) {
		n := 1 + strings.Count(block, "\n")
		if storyImageLine.MatchString(block) {
			n = storyPictureLines
		}
		if len(page) > 0 && (size+len(block) > storyPageBytes || lines+n > storyPageLines) {
			pages, page, size, lines = append(pages, page), nil, 0, 0
		}
		page = append(page, block)
		size += len(block)
		lines += n
	}
	for _, block := range strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n\n") {
		if block = strings.TrimSpace(block); block == "" {
			continue
		}
		for _, piece := range cutBlock(block) {
			add(piece)
		}
	}
	return append(pages, page)
}

// cutBlock cuts a block into pieces that each fit on a page.
func cutBlock(block string) []string {
	var out []string
	for len(block) > storyPageBytes || strings.Count(block, "\n") >= storyPageLines {
		cut := storyPageBytes
		if nl := nthIndex(block, '\n', storyPageLines-1); nl >= 0 && nl < cut {
			cut = nl
		} else if i := strings.LastIndexAny(block[:cut], "\n "); i > 0 {
			cut = i
		} else {
			for cut > 0 && !isRuneStart(block[cut]) {
				cut-- // inside a character: cut before it
			}
		}
		out = append(out, strings.TrimSpace(block[:cut]))
		block = strings.TrimSpace(block[cut:])
	}
	return append(out, block)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// nthIndex is the index of the nth c in s (counting from 1), or -1.
func nthIndex(s string, c byte, n int) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			if n--; n == 0 {
				return i
			}
		}
	}
	return -1
}

// storyPager shows one page of a long story with buttons to the others.
type storyPager struct {
	e      *env
	pages  [][]string
	photos map[string]data.Image
	page   int
	body   *fyne.Container
	label  *widget.Label
}

func newStoryPager(e *env, pages [][]string, photos map[string]data.Image) *storyPager {
	return &storyPager{e: e, pages: pages, photos: photos}
}

func (p *storyPager) object() fyne.CanvasObject {
	p.body = container.NewStack()
	p.label = widget.NewLabel("")
	p.label.Alignment = fyne.TextAlignCenter
	prev := newTouchButton(p.e.t("story.previous"), nil, stylePlain, p.onPrevious)
	next := newTouchButton(p.e.t("story.next"), nil, stylePrimary, p.onNext)
	bar := container.NewBorder(nil, nil, prev, next, p.label)
	p.show(0)
	return container.NewVBox(p.body, bar)
}

func (p *storyPager) onPrevious() { p.e.touch(); p.turn(-1) }
func (p *storyPager) onNext()     { p.e.touch(); p.turn(1) }

// turn shows the page step away, and the top of the screen: a visitor who
// turns a page reads on from its first line.
func (p *storyPager) turn(step int) {
	n := p.page + step
	if n < 0 || n >= len(p.pages) {
		return
	}
	p.show(n)
	if s := p.e.mainScroll; s != nil {
		s.scrollTo(0)
	}
}

func (p *storyPager) show(n int) {
	p.page = n
	p.body.Objects = []fyne.CanvasObject{storyPage(p.e, p.pages[n], p.photos)}
	p.body.Refresh()
	p.label.SetText(p.e.t("story.page", "Page", strconv.Itoa(n+1), "Pages", strconv.Itoa(len(p.pages))))
}
