package ui

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// A village story is Markdown written by staff. The kiosk shows headings,
// paragraphs with bold and italic, lists, and pictures from the pack, and
// nothing that could reach out: links lose their address (a tap would open
// a browser on the kiosk), raw HTML is dropped, and a picture that is not
// in the pack is never fetched.
var (
	storyImageLine = regexp.MustCompile(`^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$`)
	inlineImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	inlineLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	autoLink       = regexp.MustCompile(`<(?:https?|ftp|mailto):[^>]*>`)
	rawHTML        = regexp.MustCompile(`(?is)<!--.*?(?:-->|$)|<script.*?</script\s*>|<style.*?</style\s*>|<[^>]+>`)
	listItem       = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
	refDefinition  = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:.*$`)
	refLink        = regexp.MustCompile(`\[([^\]]*)\]\[[^\]]*\]`)
)

// newStory lays out a story's blocks, a page at a time when it is long;
// photos maps the pack paths the story names to the stored photos.
func newStory(e *env, markdown string, photos []data.Image) fyne.CanvasObject {
	bySource := map[string]data.Image{}
	for _, p := range photos {
		bySource[p.Source] = p
	}
	pages := storyPages(markdown)
	if len(pages) == 1 {
		return storyPage(e, pages[0], bySource)
	}
	return newStoryPager(e, pages, bySource).object()
}

// storyPage lays out one page of blocks.
func storyPage(e *env, blocks []string, photos map[string]data.Image) fyne.CanvasObject {
	box := container.NewVBox()
	for _, block := range blocks {
		box.Add(storyBlock(e, block, photos))
	}
	return box
}

func storyBlock(e *env, block string, photos map[string]data.Image) fyne.CanvasObject {
	if m := storyImageLine.FindStringSubmatch(block); m != nil {
		photo, ok := photos[strings.TrimPrefix(m[2], "./")]
		if !ok {
			return storyCaption(plainInline(m[1])) // not in the pack: its caption only, nothing fetched
		}
		v := newPhotoView(e.photos, media.Display, fyne.NewSize(640, 400)) // fits the story column of every screen shape
		v.setFill(canvas.ImageFillContain)
		v.show(photo)
		c := storyCaption(plainInline(m[1]))
		c.center = true
		return container.NewVBox(v, c)
	}
	if strings.HasPrefix(block, "#") {
		t := newStoryText([]styledRun{{plainInline(strings.TrimLeft(block, "# ")), fyne.TextStyle{Bold: true}}})
		t.size = theme.Size(theme.SizeNameSubHeadingText)
		return t
	}
	// A reference definition ("[1]: https://…") only gives a link its address.
	block = strings.TrimSpace(refDefinition.ReplaceAllString(block, ""))
	if block == "" {
		return container.NewVBox()
	}
	lines := strings.Split(block, "\n")
	if listItem.MatchString(lines[0]) {
		box := container.NewVBox()
		for _, line := range lines {
			box.Add(markdownText("•  " + safeInline(listItem.ReplaceAllString(line, ""))))
		}
		return box
	}
	return markdownText(safeInline(strings.Join(lines, " ")))
}

// safeInline keeps bold and italic, and removes what could fetch or open
// anything. Each pattern is applied until nothing changes, so that a link
// nested in another ("[a [b](c)](d)") does not come out whole.
func safeInline(s string) string {
	for {
		before := s
		s = rawHTML.ReplaceAllString(s, "")
		s = inlineImage.ReplaceAllString(s, "")
		s = autoLink.ReplaceAllString(s, "")
		s = inlineLink.ReplaceAllString(s, "$1")
		s = refLink.ReplaceAllString(s, "$1")
		if s == before {
			return s
		}
	}
}

// plainInline is safeInline without emphasis marks, for headings.
func plainInline(s string) string {
	return strings.NewReplacer("**", "", "__", "", "*", "", "_", "").Replace(safeInline(s))
}

// storyCaption is a picture's caption, in the caption size.
func storyCaption(s string) *storyText {
	t := newStoryText([]styledRun{{s, fyne.TextStyle{}}})
	t.size = theme.Size(theme.SizeNameCaptionText)
	return t
}

// markdownText shows inline Markdown. Whatever the text patterns above
// miss (a link with an escaped bracket, a reference link), the parsed
// result is checked as well: a link becomes its plain text and a picture
// is dropped, so no story can hold a tappable link or fetch anything. The
// text is drawn by storyText, which wraps in linear time.
func markdownText(md string) fyne.CanvasObject {
	rt := widget.NewRichTextFromMarkdown(md)
	return newStoryText(segmentRuns(plainSegments(rt.Segments), nil))
}

// segmentRuns flattens parsed Markdown into styled runs: a block ends with a
// line break, a list item starts with a bullet.
func segmentRuns(segs []widget.RichTextSegment, runs []styledRun) []styledRun {
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.TextSegment:
			runs = append(runs, styledRun{s.Text, s.Style.TextStyle})
			if !s.Style.Inline {
				runs = append(runs, styledRun{"\n", fyne.TextStyle{}})
			}
		case *widget.ParagraphSegment:
			runs = append(segmentRuns(s.Texts, runs), styledRun{"\n", fyne.TextStyle{}})
		case *widget.ListSegment:
			for _, item := range s.Items {
				runs = append(runs, styledRun{"•  ", fyne.TextStyle{}})
				runs = segmentRuns([]widget.RichTextSegment{item}, runs)
			}
		case *widget.SeparatorSegment:
			runs = append(runs, styledRun{"\n", fyne.TextStyle{}})
		}
	}
	// Line breaks at the very end only add empty lines.
	for len(runs) > 0 && runs[len(runs)-1].text == "\n" {
		runs = runs[:len(runs)-1]
	}
	return runs
}

// plainSegments replaces links by their text and drops pictures, at any depth.
func plainSegments(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := segs[:0]
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.HyperlinkSegment:
			seg = &widget.TextSegment{Style: widget.RichTextStyleInline, Text: s.Text}
		case *widget.ImageSegment:
			continue
		case *widget.TextSegment:
			// Markup the patterns missed, or that entities spelled out.
			s.Text = rawHTML.ReplaceAllString(s.Text, "")
		case *widget.ParagraphSegment:
			s.Texts = plainSegments(s.Texts)
		case *widget.ListSegment:
			s.Items = plainSegments(s.Items)
		case *widget.SeparatorSegment:
		default:
			continue // a kind this code does not know: not shown
		}
		out = append(out, seg)
	}
	return out
}
