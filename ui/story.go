package ui

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	rawHTML        = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)
	listItem       = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
)

// newStory lays out a story's blocks; photos maps the pack paths the story
// names to the stored photos.
func newStory(k *Kiosk, markdown string, photos []data.Image) fyne.CanvasObject {
	bySource := map[string]data.Image{}
	for _, p := range photos {
		bySource[p.Source] = p
	}
	box := container.NewVBox()
	for _, block := range strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		box.Add(storyBlock(k, block, bySource))
	}
	return box
}

func storyBlock(k *Kiosk, block string, photos map[string]data.Image) fyne.CanvasObject {
	if m := storyImageLine.FindStringSubmatch(block); m != nil {
		photo, ok := photos[strings.TrimPrefix(m[2], "./")]
		if !ok {
			return caption(m[1]) // not in the pack: its caption only, nothing fetched
		}
		v := newPhotoView(k.photos, media.Display, fyne.NewSize(900, 560))
		v.setFill(canvas.ImageFillContain)
		v.show(photo)
		c := caption(m[1])
		c.Alignment = fyne.TextAlignCenter
		return container.NewVBox(v, c)
	}
	if strings.HasPrefix(block, "#") {
		return subheading(plainInline(strings.TrimLeft(block, "# ")))
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
// anything.
func safeInline(s string) string {
	s = rawHTML.ReplaceAllString(s, "")
	s = inlineImage.ReplaceAllString(s, "")
	s = autoLink.ReplaceAllString(s, "")
	return inlineLink.ReplaceAllString(s, "$1")
}

// plainInline is safeInline without emphasis marks, for headings.
func plainInline(s string) string {
	return strings.NewReplacer("**", "", "__", "", "*", "", "_", "").Replace(safeInline(s))
}

func markdownText(md string) fyne.CanvasObject {
	rt := widget.NewRichTextFromMarkdown(md)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
