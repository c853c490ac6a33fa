package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// contentView is the Content tab: what is loaded, and loading a new pack
// with a progress bar and, on failure, every problem with file and line.
type contentView struct {
	p        *staffPanel
	summary  *fyne.Container
	stage    *widget.Label
	progress *widget.ProgressBar
	result   *widget.Label
	problems *fyne.Container
	busy     bool
	// cancelling is set from Cancel until the import stops: its progress
	// no longer replaces "Cancelling…".
	cancelling bool

	buttons      []*touchButton  // Import and Export, disabled while busy
	cancel       *touchButton    // Cancel, during an import
	progressRow  *fyne.Container // the progress bar and Cancel, shown during an import
	cancelImport func()          // stops the running import
	started      time.Time       // when the running import started
	picker       *contentPicker  // the open picker, if any
	importDone   <-chan struct{} // closed when the import chosen in the picker is over (tests)
}

func (p *staffPanel) contentTab() fyne.CanvasObject {
	e := p.env
	v := &contentView{p: p, summary: container.NewVBox()}
	v.stage = body("")
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.result = body("")
	v.result.TextStyle.Bold = true
	v.problems = container.NewVBox()
	v.showSummary()
	v.buttons = []*touchButton{
		newTouchButton(e.st("content.import"), nil, stylePrimary, v.chooseImport),
		newTouchButton(e.st("content.export"), nil, stylePlain, v.chooseExport)}
	buttons := container.NewGridWithColumns(2, v.buttons[0], v.buttons[1])
	v.cancel = newTouchButton(e.st("content.cancel_import"), nil, stylePlain, v.onCancel)
	v.cancel.Hide()
	progress := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(300, minTouch), v.cancel), v.progress)
	progress.Hide()
	v.progressRow = progress
	top := container.NewVBox(staffSection(e.st("content.loaded"), v.summary), buttons, v.stage, progress, v.result)
	if note := v.recoveryNote(); note != nil {
		top.Objects = append([]fyne.CanvasObject{note}, top.Objects...)
	}
	p.content = v
	// One scroll for all of it: with the summary fixed above, a 1366×768
	// screen left the list of an import's problems a strip 10 px high.
	return e.dragScroll(container.NewPadded(container.NewVBox(top, v.problems)))
}

// recoveryNote tells staff that the database was found damaged and rebuilt
// at a start, until they dismiss it.
func (v *contentView) recoveryNote() fyne.CanvasObject {
	e := v.p.env
	note, err := e.backend().RecoveryNote(e.ctx)
	if err != nil || !note.Happened {
		return nil
	}
	reloaded := orDash(note.Reloaded)
	text := body(e.st("content.recovered_text", "Time", note.At.Local().Format("2006-01-02 15:04"),
		"Reason", note.Reason, "MovedTo", note.MovedTo, "Reloaded", reloaded,
		"Carried", orDash(note.Carried), "Lost", orDash(note.Lost)))
	text.Importance = widget.WarningImportance
	dismiss := newTouchButton(e.st("content.dismiss"), nil, stylePlain, func() {
		e.touch()
		if err := e.backend().ClearRecoveryNote(e.ctx); err != nil {
			fyne.LogError("clear the recovery note", err)
		}
		v.p.show(v.p.at)
	})
	return staffSection(e.st("content.recovered_title"), text, container.NewHBox(dismiss))
}

// showSummary lists the loaded pack and its counts.
func (v *contentView) showSummary() {
	e := v.p.env
	v.summary.Objects = nil
	stats, err := e.backend().Stats(e.ctx)
	if err != nil {
		v.summary.Add(body(e.st("content.error", "Error", e.sayError(err))))
		v.summary.Refresh()
		return
	}
	v.summary.Add(body(e.st("content.pack", "Title", stats.PackTitle, "Version", stats.PackVersion)))
	if !stats.ImportedAt.IsZero() {
		v.summary.Add(caption(e.st("content.imported_at", "Time", stats.ImportedAt.Local().Format("2006-01-02 15:04"))))
	}
	v.summary.Add(body(e.st("content.counts", "Villages", stats.Villages, "Products", stats.Products, "Tours", stats.Tours)))
	var langs []string
	for _, l := range stats.Languages {
		langs = append(langs, languageNames[l])
	}
	v.summary.Add(caption(strings.Join(langs, " · ")))
	v.summary.Refresh()
}

// chooseImport opens the content picker over the tab; the pack chosen is
// imported.
func (v *contentView) chooseImport() {
	v.openPicker(false, func(path string) { v.importDone = v.importPack(path) })
}

// chooseExport opens the picker to choose a folder (on a drive, first) to
// write the content into as a .zip.
func (v *contentView) chooseExport() {
	v.openPicker(true, func(dir string) {
		v.exportTo(filepath.Join(dir, "ocop-pack-"+v.p.env.opt.Now().Format("20060102-1504")+".zip"))
	})
}

func (v *contentView) openPicker(forSave bool, then func(string)) {
	e := v.p.env
	e.touch()
	if v.busy {
		return
	}
	var sheet fyne.CanvasObject
	closeSheet := func() { v.p.body.Remove(sheet); v.picker = nil }
	// The choice acts only if staff mode is still the one that opened it.
	guard := e.guard()
	v.picker = newContentPicker(e, forSave, func(path string) {
		guard(func() { closeSheet(); then(path) })()
	}, closeSheet)
	sheet = v.picker.object()
	v.p.body.Add(sheet)
}

// importPack checks and imports a pack off the UI goroutine, showing
// progress and the time left, with the buttons disabled and Cancel
// working until the final switch; done is closed when the result is on
// screen (or dropped, if staff mode closed meanwhile).
func (v *contentView) importPack(path string) (done <-chan struct{}) {
	e := v.p.env
	finished := make(chan struct{})
	if v.busy {
		close(finished)
		return finished
	}
	ctx, cancel := context.WithCancel(e.session)
	v.cancelImport = cancel
	v.setBusy(true)
	v.started = e.now()
	v.result.SetText("")
	v.problems.Objects = nil
	v.problems.Refresh()
	v.progress.SetValue(0)
	v.progress.Show()
	v.progressRow.Show()
	v.cancel.Show()
	v.cancel.setDisabled(false)
	v.stage.SetText(e.st("content.stage_reading"))
	show := e.guard()
	go func() {
		defer close(finished)
		defer cancel()
		err := withoutPanic(func() error {
			return e.backend().ImportPack(ctx, path, func(pr pack.Progress) {
				fyne.Do(show(func() { v.showProgress(pr) }))
			})
		})
		fyne.DoAndWait(func() {
			outcome := importOutcome(err, ctx)
			detail := filepath.Base(path)
			if outcome == data.OutcomeFailed {
				detail += importDetail(err)
			}
			e.audit(data.AuditImport, outcome, detail)
			if err == nil && e.host.openPanel() == nil {
				// Staff mode closed after the switch: the visitor
				// screens must still show the new content.
				e.host.reloadContent()
			}
			show(func() { v.showImportResult(err, ctx.Err() != nil) })()
		})
	}()
	return finished
}

// withoutPanic runs f, turning a panic into an error: an import runs on its
// own goroutine, where a panic would end the whole kiosk.
func withoutPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("import stopped by an internal error (%v); the content shown has not changed", r)
			fyne.LogError("import", err)
		}
	}()
	return f()
}

// onCancel stops the import, if it has not reached the final switch.
func (v *contentView) onCancel() {
	v.p.env.touch()
	if v.cancelImport != nil {
		v.cancel.setDisabled(true)
		v.cancelling = true
		v.stage.SetText(v.p.env.st("content.cancelling"))
		v.cancelImport() // last: the import's own updates may follow at once
	}
}

// setBusy disables the tab's buttons during an import or export, so that
// nothing else starts.
func (v *contentView) setBusy(busy bool) {
	v.busy = busy
	for _, b := range v.buttons {
		b.setDisabled(busy)
	}
	if !busy {
		v.cancelling = false
		v.cancel.Hide()
		v.progressRow.Hide()
		v.cancelImport = nil
	}
}

// importStages are the stages of an import as parts of one bar: reading
// the sheets is quick, the photos are most of it, the final switch the
// last tenth (the bar went back to 0 % when saving began).
var importStages = map[string][2]float64{"reading": {0, 0.05}, "photos": {0.05, 0.9}, "saving": {0.9, 1}}

func (v *contentView) showProgress(pr pack.Progress) {
	e := v.p.env
	e.touch() // a long import is staff activity: do not time out under it
	text := ""
	switch pr.Stage {
	case "reading":
		text = e.st("content.stage_reading")
	case "photos":
		text = e.st("content.stage_photos", "Done", pr.Done, "Total", pr.Total)
		if left, ok := timeLeft(e.now().Sub(v.started), pr.Done, pr.Total); ok {
			text += " " + e.st("content.time_left", "Min", int(left/time.Minute), "Sec", int(left%time.Minute/time.Second))
		}
	case "saving":
		// The final switch: from here the import finishes or fails as a
		// whole, and cancelling would only mislead.
		v.cancel.setDisabled(true)
		text = e.st("content.stage_saving")
	}
	if !v.cancelling { // "Cancelling…" stays until the import has stopped
		v.stage.SetText(text)
	}
	if span, ok := importStages[pr.Stage]; ok && pr.Total > 0 {
		v.progress.SetValue(span[0] + (span[1]-span[0])*float64(pr.Done)/float64(pr.Total))
	}
}

// timeLeft estimates the time an import has left from the photos done so
// far, to 5 seconds; ok is false until there is enough to go on.
func timeLeft(elapsed time.Duration, done, total int) (time.Duration, bool) {
	if done < 3 || done >= total || elapsed < time.Second {
		return 0, false
	}
	left := time.Duration(float64(elapsed) / float64(done) * float64(total-done)).Round(5 * time.Second)
	if left < 5*time.Second {
		return 0, false // "about 0 min 0 s left" while the import still ran
	}
	return left, true
}

func (v *contentView) showImportResult(err error, cancelled bool) {
	e := v.p.env
	v.setBusy(false)
	v.progress.Hide()
	v.stage.SetText("")
	var problems pack.Problems
	switch {
	case err == nil:
		v.result.Importance = widget.SuccessImportance
		v.result.SetText(e.st("content.import_ok"))
		e.host.reloadContent()
		v.showSummary()
	case cancelled:
		v.result.Importance = widget.WarningImportance
		v.result.SetText(e.st("content.import_cancelled"))
	case errors.As(err, &problems):
		v.result.Importance = widget.DangerImportance
		v.result.SetText(e.sn("content.import_failed", len(problems)))
		for _, pr := range problems {
			text := e.sayProblem(pr)
			if pr.Setting != "" {
				text += " — " + e.st("content.depends_on_settings")
			}
			l := body(text)
			l.Wrapping = fyne.TextWrapBreak
			v.problems.Add(l)
		}
		v.problems.Refresh()
	default:
		v.result.Importance = widget.DangerImportance
		v.result.SetText(e.st("content.error", "Error", e.sayError(err)))
	}
}

// importOutcome is the audit log's word for how an import ended.
func importOutcome(err error, ctx context.Context) string {
	switch {
	case err == nil:
		return data.OutcomeOK
	case ctx.Err() != nil:
		return data.OutcomeCancelled
	}
	return data.OutcomeFailed
}

// importDetail adds the number of problems to the audit log's line.
func importDetail(err error) string {
	var problems pack.Problems
	if errors.As(err, &problems) {
		return fmt.Sprintf(" (%d problems)", len(problems))
	}
	return ""
}

// exportTo writes the content as a pack off the UI goroutine.
func (v *contentView) exportTo(out string) (done <-chan struct{}) {
	e := v.p.env
	finished := make(chan struct{})
	v.setBusy(true)
	// A new action's outcome stands alone: an earlier import's problems
	// under "exported" read as the export's.
	v.result.SetText("")
	v.problems.Objects = nil
	v.problems.Refresh()
	show := e.guard()
	go func() {
		defer close(finished)
		err := e.backend().ExportPack(e.ctx, out)
		fyne.DoAndWait(func() {
			outcome := data.OutcomeOK
			if err != nil {
				outcome = data.OutcomeFailed
			}
			e.audit(data.AuditExport, outcome, out)
			show(func() {
				v.setBusy(false)
				if err != nil {
					v.result.Importance = widget.DangerImportance
					v.result.SetText(e.st("content.error", "Error", e.sayError(err)))
					return
				}
				v.result.Importance = widget.SuccessImportance
				v.result.SetText(e.st("content.exported", "Path", out))
			})()
		})
	}()
	return finished
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
