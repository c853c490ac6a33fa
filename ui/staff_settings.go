package ui

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/input"
)

// settingsView is the Settings tab: every setting changed with fingers
// only, checked by data.Settings.Validate on Save, and in effect at once.
type settingsView struct {
	p      *staffPanel
	s      data.Settings
	saved  data.Settings // as stored, to tell the audit log what changed
	body   *fyne.Container
	result *widget.Label
}

func (p *staffPanel) settingsTab() fyne.CanvasObject {
	e := p.env
	s, err := e.backend().Settings(e.ctx)
	if err != nil {
		return body(e.st("content.error", "Error", e.sayError(err)))
	}
	v := &settingsView{p: p, s: s, saved: s, body: container.NewVBox(), result: body("")}
	v.result.TextStyle.Bold = true
	// Edits not saved when staff went to another tab are still here when
	// they come back (unless the stored settings changed meanwhile), and
	// the tab says they are not saved yet.
	if old := p.settings; old != nil && old.unsaved() && reflect.DeepEqual(old.saved, s) {
		v.s = old.s
		v.result.Importance = widget.WarningImportance
		v.result.SetText(e.st("settings.unsaved"))
	}
	v.rebuild()
	save := newTouchButton(e.st("settings.save"), nil, stylePrimary, v.save)
	p.settings = v
	return container.NewBorder(nil, container.NewPadded(container.NewBorder(nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(360, minTouch), save), v.result)), nil, nil,
		e.dragScroll(container.NewPadded(v.body)))
}

// unsaved reports whether the form holds edits not yet saved.
func (v *settingsView) unsaved() bool { return !reflect.DeepEqual(v.s, v.saved) }

// rebuild redraws the form from v.s.
func (v *settingsView) rebuild() {
	e := v.p.env
	s := &v.s
	v.body.Objects = nil
	v.body.Add(staffSection(e.st("settings.centre_id"), v.valueRow(s.CentreID, func() {
		v.edit(s.CentreID, false, func(text string) { s.CentreID = text })
	})))
	// The centre's name in each visitor language (it was only the last
	// visitor's), each edited on a copy of the map: the form's map is
	// shared with the saved settings, and an edit in place looked saved
	// (kept neither across tabs nor in the audit log).
	names := container.NewVBox()
	for _, l := range data.Languages {
		names.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(180, minTouch), body(languageNames[l])), nil,
			v.valueRow(s.CentreName[l], func() {
				v.edit(s.CentreName[l], l == data.VI, func(text string) {
					name := maps.Clone(s.CentreName)
					if name == nil {
						name = data.Text{}
					}
					if text == "" {
						delete(name, l)
					} else {
						name[l] = text
					}
					s.CentreName = name
				})
			})))
	}
	v.body.Add(staffSection(e.st("settings.centre_name"), names))
	offered := container.NewGridWithColumns(5)
	defaults := container.NewGridWithColumns(5)
	staffLangs := container.NewGridWithColumns(5)
	for _, l := range data.Languages {
		l := l
		on := newTouchButton(languageNames[l], nil, styleChip, func() {
			e.touch()
			if i := slices.Index(s.Languages, l); i >= 0 {
				s.Languages = slices.Delete(slices.Clone(s.Languages), i, i+1)
			} else {
				s.Languages = inLanguageOrder(append(slices.Clone(s.Languages), l))
			}
			v.rebuild()
		})
		on.setSelected(slices.Contains(s.Languages, l))
		offered.Add(on)
		def := newTouchButton(languageNames[l], nil, styleChip, func() { e.touch(); s.DefaultLang = l; v.rebuild() })
		def.setSelected(s.DefaultLang == l)
		defaults.Add(def)
		staff := newTouchButton(languageNames[l], nil, styleChip, func() { e.touch(); s.StaffLang = l; v.rebuild() })
		staff.setSelected(s.StaffLang == l)
		staffLangs.Add(staff)
	}
	v.body.Add(staffSection(e.st("settings.languages"), offered))
	v.body.Add(staffSection(e.st("settings.default_lang"), defaults))
	v.body.Add(staffSection(e.st("settings.staff_lang"), staffLangs))
	idle := []fyne.CanvasObject{v.stepper(&s.IdleTimeout, 15*time.Second)}
	if flag, ok := e.opt.Overridden["idle"]; ok {
		// The saved value waits for a start without the flag; say what runs.
		note := body(e.st("settings.overridden", "Flag", flag, "Value", e.sn("settings.seconds", int(e.opt.IdleTimeout.Seconds()))))
		note.Importance = widget.WarningImportance
		note.Wrapping = fyne.TextWrapWord
		idle = append(idle, note)
	}
	v.body.Add(container.NewGridWithColumns(2,
		staffSection(e.st("settings.idle"), idle...),
		staffSection(e.st("settings.attract"), v.stepper(&s.AttractInterval, time.Second))))
	v.body.Add(staffSection(e.st("settings.retention"),
		v.daysStepper(&s.EventRetentionDays, 30, 30, data.MaxEventRetentionDays)))
	hosts := container.NewVBox()
	for i, h := range s.AllowedHosts {
		i := i
		remove := newTouchButton(e.st("settings.remove"), nil, stylePlain, func() {
			e.touch()
			s.AllowedHosts = slices.Delete(slices.Clone(s.AllowedHosts), i, i+1)
			v.rebuild()
		})
		hosts.Add(container.NewBorder(nil, nil, nil, remove, body(h)))
	}
	hosts.Add(container.NewHBox(newTouchButton(e.st("settings.add_host"), nil, stylePlain, func() {
		v.edit("", false, func(text string) { s.AllowedHosts = append(slices.Clone(s.AllowedHosts), text) })
	})))
	v.body.Add(staffSection(e.st("settings.hosts"), hosts))
	if e.opt.About != "" {
		// As `ocopkiosk version` prints it, for support: its columns line
		// up only in a fixed-width face.
		about := body(e.opt.About)
		about.TextStyle.Monospace = true
		v.body.Add(staffSection(e.st("settings.about"), about))
	}
	v.body.Refresh()
}

func inLanguageOrder(ls []data.Lang) []data.Lang {
	var out []data.Lang
	for _, l := range data.Languages {
		if slices.Contains(ls, l) {
			out = append(out, l)
		}
	}
	return out
}

// valueRow shows a value with an Edit button.
func (v *settingsView) valueRow(value string, onEdit func()) fyne.CanvasObject {
	e := v.p.env
	edit := newTouchButton(e.st("settings.edit"), nil, stylePlain, func() { e.touch(); onEdit() })
	l := body(value)
	l.TextStyle.Bold = true
	return container.NewBorder(nil, nil, nil, edit, l)
}

// stepper changes a duration by step with − and + buttons; the limits are
// checked on Save, with a message.
func (v *settingsView) stepper(d *time.Duration, step time.Duration) fyne.CanvasObject {
	e := v.p.env
	return v.stepRow(e.sn("settings.seconds", int(d.Seconds())), func() { *d = max(step, *d-step) }, func() { *d += step })
}

// daysStepper changes a number of days by step, between lo and hi.
func (v *settingsView) daysStepper(n *int, step, lo, hi int) fyne.CanvasObject {
	e := v.p.env
	return v.stepRow(e.sn("settings.days", *n), func() { *n = max(lo, *n-step) }, func() { *n = min(hi, *n+step) })
}

// stepRow is a value between − and + buttons that change it.
func (v *settingsView) stepRow(shown string, down, up func()) fyne.CanvasObject {
	e := v.p.env
	value := coloured(shown, colorInk, 28, true)
	minus := newTouchButton("−", nil, stylePlain, func() { e.touch(); down(); v.rebuild() })
	plus := newTouchButton("+", nil, stylePlain, func() { e.touch(); up(); v.rebuild() })
	minus.textSize, plus.textSize = 36, 36
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(96, 72), minus), layout.NewSpacer(), value,
		layout.NewSpacer(), container.NewGridWrap(fyne.NewSize(96, 72), plus))
}

// edit opens the on-screen keyboard over the tab to change a text.
func (v *settingsView) edit(start string, marks bool, done func(string)) {
	e := v.p.env
	e.touch()
	// Vietnamese text (the centre's Vietnamese name) is typed with its
	// marks the Telex or VNI way, as on a phone; a chip turns that off for
	// a word that must stay as typed.
	method := func(on bool) input.Method {
		if on {
			return input.Vietnamese{}
		}
		return input.Plain{}
	}
	ed := input.NewEditor(method(marks), 0)
	ed.SetText(start)
	field := coloured(start+"|", colorInk, 36, true)
	update := func() { field.Text = ed.Text() + "|"; field.Refresh() }
	var sheet fyne.CanvasObject
	closeSheet := func() { v.p.body.Remove(sheet) }
	// The sheet fits the panel: on a 1366×768 screen a fixed 720-pixel
	// sheet ran under the staff bar and hid the text being typed.
	sheetH := float32(720)
	if avail := v.p.body.Size().Height; avail > 0 {
		sheetH = min(sheetH, avail-8)
	}
	kb := &onScreenKeyboard{touch: e.touch, t: e.st, extra: ".-_*/", shift: true,
		key:      fyne.NewSize(keySize.Width, max(48, min(keySize.Height, (sheetH-200)/6))),
		onRune:   func(r rune) { ed.Press(string(r)); update() },
		onDelete: func() { ed.Backspace(); update() },
		onClear:  func() { ed.Clear(); update() }}
	ok := newTouchButton(e.st("staff.ok"), nil, stylePrimary, func() {
		e.touch()
		closeSheet()
		if text := strings.TrimSpace(ed.Text()); text != "" || start != "" {
			done(text) // nothing typed in a new entry adds nothing
		}
		v.rebuild()
	})
	cancel := newTouchButton(e.st("staff.cancel"), nil, stylePlain, func() { e.touch(); closeSheet() })
	buttons := []fyne.CanvasObject{cancel, ok}
	if marks {
		var chip *touchButton
		chip = newTouchButton(e.st("settings.telex"), nil, styleChip, func() {
			e.touch()
			marks = !marks
			ed.SetMethod(method(marks))
			chip.setSelected(marks)
		})
		chip.setSelected(true)
		buttons = append([]fyne.CanvasObject{chip}, buttons...)
	}
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 20
	box := container.NewVBox(field, kb.object(), container.NewGridWithColumns(len(buttons), buttons...))
	sheet = container.NewStack(newBackdrop(colorShade, e.touch), container.NewCenter(
		container.NewGridWrap(fyne.NewSize(1100, sheetH), container.NewStack(bg, container.NewPadded(container.NewPadded(box))))))
	v.p.body.Add(sheet)
}

// save checks and stores the settings, and applies them at once.
func (v *settingsView) save() {
	e := v.p.env
	e.touch()
	err := e.backend().SaveSettings(e.ctx, v.s)
	var errs data.SettingsErrors
	switch {
	case err == nil:
		v.result.Importance = widget.SuccessImportance
		v.result.SetText(e.st("settings.saved"))
		e.audit(data.AuditSettings, data.OutcomeOK, strings.Join(changedSettings(v.saved, v.s), ", "))
		relabel := v.saved.StaffLang != v.s.StaffLang
		v.saved = v.s
		e.host.ApplySettings(v.s)
		if relabel {
			// Staff mode in its new language at once, on this tab.
			if sv := e.host.reopenStaffPanel(v.p.at).settings; sv != nil {
				sv.result.Importance = widget.SuccessImportance
				sv.result.SetText(e.st("settings.saved"))
			}
		}
	case asSettingsErrors(err, &errs):
		v.result.Importance = widget.DangerImportance
		v.result.SetText(e.saySettingsErrors(errs))
		e.audit(data.AuditSettings, data.OutcomeFailed, errs.Error())
	default:
		v.result.Importance = widget.DangerImportance
		v.result.SetText(e.st("content.error", "Error", e.sayError(err)))
	}
}

func asSettingsErrors(err error, target *data.SettingsErrors) bool {
	return errors.As(err, target)
}

// changedSettings names the settings that differ between a and b, for the
// audit log.
func changedSettings(a, b data.Settings) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("centre id", a.CentreID != b.CentreID)
	add("centre name", !reflect.DeepEqual(a.CentreName, b.CentreName))
	add("default language", a.DefaultLang != b.DefaultLang)
	add("staff language", a.StaffLang != b.StaffLang)
	add("languages", !slices.Equal(a.Languages, b.Languages))
	add("idle time", a.IdleTimeout != b.IdleTimeout)
	add("attract interval", a.AttractInterval != b.AttractInterval)
	add("allowed sites", !slices.Equal(a.AllowedHosts, b.AllowedHosts))
	add("event retention", a.EventRetentionDays != b.EventRetentionDays)
	if len(out) == 0 {
		return []string{"nothing changed"}
	}
	return out
}
