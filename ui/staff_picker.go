package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data/pack"
)

// contentPicker chooses a content pack (or, for an export, a folder) in
// the staff language, made for a kiosk rather than a desktop: it opens on
// the removable drives, shows only folders and packs (a folder or .zip
// with a manifest inside) with each pack's title, version, date and size,
// and wraps whole names instead of cutting them. Other places can be
// browsed, but a visitor never sees it: it lives inside staff mode and
// closes with it.
type contentPicker struct {
	e        *staffEnv
	forSave  bool               // choosing a folder to export into
	onChoose func(path string)  // a pack (or, forSave, a folder) chosen
	onClose  func()             // the picker is to go
	at       string             // the folder shown; "" for the drives
	where    *widget.Label      // the folder's path
	list     *fyne.Container    // its rows
	scroll   *container.Scroll  // over list
	saveHere *touchButton       // forSave only
	obj      fyne.CanvasObject  //
	rows     []pickerRowForTest // what is listed, for tests
}

// pickerRowForTest is one listed row: its path and the text shown.
type pickerRowForTest struct {
	path, text string
	isPack     bool
}

// maxPickerEntries bounds a folder's listing (a stick holding a photo
// archive would make a list no one can scroll).
const maxPickerEntries = 300

func newContentPicker(e *staffEnv, forSave bool, onChoose func(string), onClose func()) *contentPicker {
	c := &contentPicker{e: e, forSave: forSave, onClose: onClose}
	c.onChoose = func(path string) {
		folder := filepath.Dir(path) // of the pack chosen
		if forSave {
			folder = path // the folder to save into
		}
		*e.lastFolder = folder
		onChoose(path)
	}
	title := e.st("picker.title_import")
	if forSave {
		title = e.st("picker.title_export")
	}
	c.where = caption("")
	c.where.Wrapping = fyne.TextWrapBreak
	c.list = container.NewVBox()
	drives := newTouchButton(e.st("picker.drives"), theme.StorageIcon(), stylePlain, func() { e.touch(); c.open("") })
	up := newTouchButton(e.st("picker.up"), theme.MoveUpIcon(), stylePlain, c.onUp)
	elsewhere := newTouchButton(e.st("picker.elsewhere"), theme.FolderIcon(), stylePlain, c.onElsewhere)
	cancel := newTouchButton(e.st("staff.cancel"), nil, stylePlain, func() { e.touch(); onClose() })
	tools := container.NewHBox(drives, up, elsewhere, layout.NewSpacer())
	bottom := container.NewHBox(layout.NewSpacer(), cancel)
	if forSave {
		c.saveHere = newTouchButton(e.st("picker.save_here"), nil, stylePrimary, func() {
			e.touch()
			if c.at != "" {
				c.onChoose(c.at)
			}
		})
		bottom.Add(c.saveHere)
	}
	head := container.NewVBox(subheading(title), tools, c.where)
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 20
	c.scroll = container.NewVScroll(c.list)
	list := withDrag(c.scroll, scrollAdapter{c.scroll}, e.touch, e.opt.Animate, e.motion, nil)
	card := container.NewStack(bg, container.NewPadded(container.NewPadded(
		container.NewBorder(head, bottom, nil, nil, list))))
	c.obj = container.NewStack(newBackdrop(colorShade, e.touch), container.NewPadded(container.NewPadded(card)))
	// Where staff chose last, while it is still there: a pack several
	// folders down a stick took five taps each time.
	start := ""
	if last := *e.lastFolder; last != "" {
		if st, err := os.Stat(last); err == nil && st.IsDir() {
			start = last
		}
	}
	c.open(start)
	return c
}

func (c *contentPicker) object() fyne.CanvasObject { return c.obj }

func (c *contentPicker) onUp() {
	c.e.touch()
	if c.at == "" {
		return
	}
	parent := filepath.Dir(c.at)
	if parent == c.at {
		c.open("")
		return
	}
	c.open(parent)
}

// onElsewhere opens the home folder, from which staff can climb anywhere
// the kiosk's user may read.
func (c *contentPicker) onElsewhere() {
	c.e.touch()
	home, err := os.UserHomeDir()
	if err != nil {
		home = string(filepath.Separator)
	}
	c.open(home)
}

// open lists a folder, or the removable drives for "".
func (c *contentPicker) open(dir string) {
	e := c.e
	c.at = dir
	c.list.Objects = nil
	c.rows = nil
	// A folder opens at its top, not at the scroll of the one before (it
	// looked empty when that one was long).
	c.scroll.ScrollToTop()
	if c.saveHere != nil {
		c.saveHere.setDisabled(dir == "")
	}
	if dir == "" {
		c.where.SetText(e.st("picker.drives_hint"))
		drives := removableDrives(e.opt.RemovableMedia)
		if len(drives) == 0 {
			c.list.Add(body(e.st("picker.no_drives")))
		}
		for _, d := range drives {
			c.addFolder(d.path, d.name, e.st("picker.drive"))
		}
		c.list.Refresh()
		return
	}
	c.where.SetText(dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.list.Add(body(e.st("picker.unreadable", "Error", e.sayError(err))))
		c.list.Refresh()
		return
	}
	var packs, folders []fyne.CanvasObject
	shown := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || shown >= maxPickerEntries {
			continue
		}
		p := filepath.Join(dir, e.Name())
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			info, err := os.Stat(p)
			isDir = err == nil && info.IsDir()
		}
		isZip := !isDir && strings.EqualFold(filepath.Ext(e.Name()), ".zip")
		if !isDir && !isZip {
			continue // only folders and packs are shown
		}
		shown++
		sum, err := pack.Peek(p)
		if err == nil {
			packs = append(packs, c.packRow(sum, isZip))
			continue
		}
		// A zip, or a folder with a manifest, that cannot be read as a
		// pack is listed with the reason (it was left out, or shown as a
		// plain folder); touching it imports it, to see every problem.
		if isZip || fileExists(filepath.Join(p, "manifest.json")) {
			packs = append(packs, c.damagedRow(p, e.Name(), isZip, err))
			continue
		}
		if isDir {
			folders = append(folders, c.folderRow(p, e.Name(), ""))
		}
	}
	c.list.Objects = append(packs, folders...)
	if len(c.list.Objects) == 0 {
		c.list.Add(body(e.st("picker.empty")))
	}
	c.list.Refresh()
}

func (c *contentPicker) addFolder(path, name, note string) {
	c.list.Add(c.folderRow(path, name, note))
}

// folderRow is a folder to open.
func (c *contentPicker) folderRow(path, name, note string) fyne.CanvasObject {
	c.rows = append(c.rows, pickerRowForTest{path: path, text: name})
	lines := []fyne.CanvasObject{wrapped(name, true)}
	if note != "" {
		lines = append(lines, caption(note))
	}
	return c.row(theme.FolderIcon(), lines, func() { c.e.touch(); c.open(path) })
}

// packRow is a pack: its title, version, date, size and whole file name.
// Tapping it imports it; when saving, packs are shown but only folders open.
func (c *contentPicker) packRow(s pack.Summary, isZip bool) fyne.CanvasObject {
	e := c.e
	icon := theme.FolderIcon()
	if isZip {
		icon = theme.FileIcon()
	}
	details := e.st("picker.pack_details", "Version", s.Pack.Version, "Date", s.Pack.Created.Format("2006-01-02"),
		"Size", humanBytes(s.Bytes))
	name := filepath.Base(s.Path)
	c.rows = append(c.rows, pickerRowForTest{path: s.Path, text: s.Pack.Title + " · " + details + " · " + name, isPack: true})
	lines := []fyne.CanvasObject{wrapped(s.Pack.Title, true), caption(details), wrapped(name, false)}
	tap := func() {
		e.touch()
		if c.forSave {
			if !isZip {
				c.open(s.Path)
			}
			return
		}
		c.onChoose(s.Path)
	}
	return c.row(icon, lines, tap)
}

// damagedRow is a pack that cannot be read: its name and why, in the
// staff language. Tapping it imports it anyway, which lists every problem.
func (c *contentPicker) damagedRow(path, name string, isZip bool, err error) fyne.CanvasObject {
	e := c.e
	reason := e.sayError(err)
	var problems pack.Problems
	if errors.As(err, &problems) && len(problems) > 0 {
		reason = e.sayProblem(problems[0])
	}
	c.rows = append(c.rows, pickerRowForTest{path: path, text: name + " · " + reason, isPack: true})
	note := body(e.st("picker.damaged", "Error", reason))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.DangerImportance
	return c.row(theme.ErrorIcon(), []fyne.CanvasObject{wrapped(name, true), note}, func() {
		e.touch()
		switch {
		case !c.forSave:
			c.onChoose(path)
		case !isZip:
			c.open(path)
		}
	})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// row is a card the whole of which reacts to a finger.
func (c *contentPicker) row(icon fyne.Resource, lines []fyne.CanvasObject, onTap func()) fyne.CanvasObject {
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(48, 48))
	bg := newBackdrop(colorPaper, onTap)
	text := container.NewVBox(lines...)
	return container.NewPadded(container.NewStack(bg, container.NewPadded(
		container.NewBorder(nil, nil, container.NewCenter(img), nil, text))))
}

// wrapped is a label that wraps whole words onto further lines, so that a
// long file name is read in full rather than cut.
func wrapped(s string, bold bool) *widget.Label {
	l := body(s)
	l.Wrapping = fyne.TextWrapBreak
	l.TextStyle.Bold = bold
	return l
}

// humanBytes is a size as staff read it: 840 KB, 12.4 MB, 1.2 GB.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
}

// listed is what the picker shows, for tests.
func (c *contentPicker) listed() []pickerRowForTest { return slices.Clone(c.rows) }
