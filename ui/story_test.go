package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// hostileStories are Markdown a pack could hold, each with something that
// must neither be shown as markup nor reach out: no tappable link, no
// picture from outside the pack, no HTML.
var hostileStories = map[string]string{
	"script":                 "Làng gốm <script>alert(document.cookie)</script> cổ.",
	"script in capitals":     "Làng <SCRIPT type=\"text/javascript\">fetch('https://evil.example/steal')</SCRIPT> gốm.",
	"script across lines":    "Làng <script>\nalert(1)\n</script> gốm.",
	"unclosed script":        "Làng <script src=https://evil.example/x.js> gốm.",
	"script block":           "<script>\nalert(1)\n</script>",
	"style":                  "<style>body{background:url(https://evil.example/x.png)}</style>Làng gốm.",
	"img tag":                `Làng <img src="https://evil.example/x.png" onerror="alert(1)"> gốm.`,
	"iframe":                 `<iframe src="https://evil.example/frame"></iframe>`,
	"HTML comment":           "Làng <!-- <script>alert(1)</script> --> gốm.",
	"HTML block":             "<div onclick=\"location='https://evil.example'\">\nLàng gốm.\n</div>",
	"remote picture":         "![Lò nung](https://evil.example/kiln.png)",
	"remote picture, angled": "![Lò nung](<https://evil.example/kiln.png> \"title\")",
	"remote picture inline":  "Làng ![x](https://evil.example/pixel.gif) gốm.",
	"picture in a link":      "[![x](https://evil.example/a.png)](https://evil.example/b)",
	"link":                   "Mua tại [cửa hàng](https://evil.example/shop).",
	"javascript link":        "[bấm vào đây](javascript:alert(1))",
	"nested link":            "[a [b](https://evil.example/c)](https://evil.example/d)",
	"escaped bracket":        `[x\]](https://evil.example/e)`,
	"link with a title":      `[x](https://evil.example/f "Shop")`,
	"autolink":               "Xem <https://evil.example/auto> nhé.",
	"email autolink":         "Viết cho <evil@evil.example>.",
	"reference link":         "[cửa hàng][1]\n[1]: https://evil.example/ref",
	"shortcut reference":     "[1]: https://evil.example/ref2\n\n[1]",
	"list of links":          "- [một](https://evil.example/1)\n- <script>x</script>hai\n* ![p](https://evil.example/p.png)",
	"heading link":           "# [Bát Tràng](https://evil.example/h) <script>x</script>",
	"quote link":             "> [trích](https://evil.example/q)",
	"caption":                "![<script>alert(1)</script> Lò nung](https://evil.example/kiln.png)",
	"garbled caption":        "![<script>alert(1)</script>[x](https://evil.example/cap)](https://evil.example/kiln.png)",
	"entity-encoded script":  "&lt;script&gt;alert(1)&lt;/script&gt;",
	"code span":              "`<script>alert(1)</script>`",
}

// storyTexts gathers every text a story shows, and fails on any link or
// remote picture in it.
func storyTexts(t *testing.T, o fyne.CanvasObject) string {
	t.Helper()
	var texts []string
	walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Hyperlink:
			t.Errorf("a link to %v is shown", x.URL)
		case *widget.RichText:
			for _, s := range x.Segments {
				checkSegment(t, s, &texts)
			}
		case *widget.Label:
			texts = append(texts, x.Text)
		case *storyText:
			texts = append(texts, x.text())
		case *canvas.Text:
			texts = append(texts, x.Text)
		case *canvas.Image:
			if x.File != "" || x.Resource != nil {
				t.Errorf("a picture from %q %v is shown; only photos from the library may be", x.File, x.Resource)
			}
		}
	})
	return strings.Join(texts, "\n")
}

func checkSegment(t *testing.T, s widget.RichTextSegment, texts *[]string) {
	t.Helper()
	switch x := s.(type) {
	case *widget.HyperlinkSegment:
		t.Errorf("a link to %v is in the text", x.URL)
	case *widget.ImageSegment:
		t.Errorf("a picture from %v is in the text", x.Source)
	case *widget.TextSegment:
		*texts = append(*texts, x.Text)
	case *widget.ParagraphSegment:
		for _, c := range x.Texts {
			checkSegment(t, c, texts)
		}
	case *widget.ListSegment:
		for _, c := range x.Items {
			checkSegment(t, c, texts)
		}
	}
}

func TestStoryShowsNothingHostile(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	for name, md := range hostileStories {
		t.Run(name, func(t *testing.T) {
			story := newStory(k.newEnv(k.Current()), md, nil)
			text := storyTexts(t, story)
			for _, bad := range []string{"<script", "<SCRIPT", "<img", "<iframe", "<div", "<style", "<!--", "javascript:", "onerror"} {
				if strings.Contains(text, bad) {
					t.Errorf("the story shows %q:\n%s", bad, text)
				}
			}
			// An address may be left as plain text only where the Markdown
			// is too broken to read as a link at all.
			if strings.Contains(text, "evil.example") && name != "garbled caption" {
				t.Errorf("the story shows an address:\n%s", text)
			}
		})
	}
}

// The same, mixed into one story with ordinary text and a photo from the
// pack: what is fine is still shown.
func TestStoryKeepsWhatIsFine(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	var v data.Village
	for _, id := range []string{"bat-trang", "van-phuc"} {
		if got, err := k.cat.Village(k.ctx, id); err == nil && len(got.StoryImages) > 0 {
			v = got
			break
		}
	}
	if len(v.StoryImages) == 0 {
		t.Skip("no sample village has a picture in its story")
	}
	photo := v.StoryImages[0]
	var md strings.Builder
	md.WriteString("# Làng **gốm** <script>x</script>\n\n")
	md.WriteString("Gốm **men lam** và *men rạn* [xem](https://evil.example/x).\n\n")
	md.WriteString("![Lò nung cổ](" + photo.Source + ")\n\n")
	md.WriteString("- một\n- hai\n\n")
	for _, s := range hostileStories {
		md.WriteString(s + "\n\n")
	}
	story := newStory(k.newEnv(k.Current()), md.String(), v.StoryImages)
	text := storyTexts(t, story)
	for _, want := range []string{"Làng gốm", "men lam", "men rạn", "xem", "Lò nung cổ", "một", "hai"} {
		if !strings.Contains(text, want) {
			t.Errorf("the story lost %q:\n%s", want, text)
		}
	}
	photos := 0
	walk(story, func(o fyne.CanvasObject) {
		if _, ok := o.(*photoView); ok {
			photos++
		}
	})
	if photos != 1 {
		t.Errorf("the story shows %d photos; want the 1 from the pack", photos)
	}
	bold := false
	walk(story, func(o fyne.CanvasObject) {
		if st, ok := o.(*storyText); ok {
			for _, r := range st.runs {
				bold = bold || r.style.Bold && strings.Contains(r.text, "men lam")
			}
		}
	})
	if !bold {
		t.Error("bold text lost its emphasis")
	}
}
