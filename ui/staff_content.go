package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

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
}

func (p *staffPanel) contentTab() fyne.CanvasObject {
	k := p.k
	v := &contentView{p: p, summary: container.NewVBox()}
	v.stage = body("")
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.result = body("")
	v.result.TextStyle.Bold = true
	v.problems = container.NewVBox()
	v.showSummary()
	buttons := container.NewGridWithColumns(3,
		newTouchButton(k.t("content.import_zip"), nil, stylePrimary, v.chooseZip),
		newTouchButton(k.t("content.import_folder"), nil, stylePrimary, v.chooseFolder),
		newTouchButton(k.t("content.export"), nil, stylePlain, v.chooseExport))
	top := container.NewVBox(staffSection(k.t("content.loaded"), v.summary), buttons, v.stage, v.progress, v.result)
	if note := v.recoveryNote(); note != nil {
		top.Objects = append([]fyne.CanvasObject{note}, top.Objects...)
	}
	p.content = v
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, k.dragScroll(container.NewPadded(v.problems)))
}

// recoveryNote tells staff that the database was found damaged and rebuilt
// at a start, until they dismiss it.
func (v *contentView) recoveryNote() fyne.CanvasObject {
	k := v.p.k
	note, err := k.opt.Staff.RecoveryNote(k.ctx)
	if err != nil || !note.Happened {
		return nil
	}
	reloaded := note.Reloaded
	if reloaded == "" {
		reloaded = "—"
	}
	text := body(k.t("content.recovered_text", "Time", note.At.Local().Format("2006-01-02 15:04"),
		"Reason", note.Reason, "MovedTo", note.MovedTo, "Reloaded", reloaded))
	text.Importance = widget.WarningImportance
	dismiss := newTouchButton(k.t("content.dismiss"), nil, stylePlain, func() {
		k.Touch()
		if err := k.opt.Staff.ClearRecoveryNote(k.ctx); err != nil {
			fyne.LogError("clear the recovery note", err)
		}
		v.p.show(v.p.at)
	})
	return staffSection(k.t("content.recovered_title"), text, container.NewHBox(dismiss))
}

// showSummary lists the loaded pack and its counts.
func (v *contentView) showSummary() {
	k := v.p.k
	v.summary.Objects = nil
	stats, err := k.opt.Staff.Stats(k.ctx)
	if err != nil {
		v.summary.Add(body(k.t("content.error", "Error", err.Error())))
		v.summary.Refresh()
		return
	}
	v.summary.Add(body(k.t("content.pack", "Title", stats.PackTitle, "Version", stats.PackVersion)))
	if !stats.ImportedAt.IsZero() {
		v.summary.Add(caption(k.t("content.imported_at", "Time", stats.ImportedAt.Local().Format("2006-01-02 15:04"))))
	}
	v.summary.Add(body(k.t("content.counts", "Villages", stats.Villages, "Products", stats.Products, "Tours", stats.Tours)))
	var langs []string
	for _, l := range stats.Languages {
		langs = append(langs, languageNames[l])
	}
	v.summary.Add(caption(strings.Join(langs, " · ")))
	v.summary.Refresh()
}

// removableMedia is where a file dialog starts: a USB stick if one is
// mounted, else the home folder.
func removableMedia() fyne.ListableURI {
	var candidates []string
	if runtime.GOOS == "windows" {
		for _, d := range "DEFGHIJ" {
			candidates = append(candidates, string(d)+`:\`)
		}
	} else {
		if u := os.Getenv("USER"); u != "" {
			candidates = append(candidates, "/media/"+u, "/run/media/"+u)
		}
		candidates = append(candidates, "/media", "/run/media", "/mnt")
	}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, home)
	}
	for _, c := range candidates {
		if info, err := os.Stat(c); err == nil && info.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(c)); err == nil {
				return l
			}
		}
	}
	return nil
}

// dialogSize is large, for fingers.
var dialogSize = fyne.NewSize(1500, 900)

func (v *contentView) chooseZip() {
	k := v.p.k
	k.Touch()
	if k.win == nil || v.busy {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		k.Touch()
		if err != nil || r == nil {
			return
		}
		r.Close()
		v.importPack(r.URI().Path())
	}, k.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.SetLocation(removableMedia())
	d.Resize(dialogSize)
	d.Show()
}

func (v *contentView) chooseFolder() { v.pickFolder(func(dir string) { v.importPack(dir) }) }

func (v *contentView) chooseExport() {
	v.pickFolder(func(dir string) {
		v.exportTo(filepath.Join(dir, "ocop-pack-"+v.p.k.opt.Now().Format("20060102-1504")+".zip"))
	})
}

// pickFolder asks for a folder, starting on removable media, and hands it on.
func (v *contentView) pickFolder(then func(dir string)) {
	k := v.p.k
	k.Touch()
	if k.win == nil || v.busy {
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		k.Touch()
		if err != nil || l == nil {
			return
		}
		then(l.Path())
	}, k.win)
	d.SetLocation(removableMedia())
	d.Resize(dialogSize)
	d.Show()
}

// importPack checks and imports a pack off the UI goroutine, showing
// progress; done is closed when the result is on screen.
func (v *contentView) importPack(path string) (done <-chan struct{}) {
	k := v.p.k
	finished := make(chan struct{})
	if v.busy {
		close(finished)
		return finished
	}
	v.busy = true
	v.result.SetText("")
	v.problems.Objects = nil
	v.problems.Refresh()
	v.progress.SetValue(0)
	v.progress.Show()
	go func() {
		defer close(finished)
		err := k.opt.Staff.ImportPack(k.ctx, path, func(pr pack.Progress) {
			fyne.Do(func() { v.showProgress(pr) })
		})
		fyne.DoAndWait(func() { v.showImportResult(err) })
	}()
	return finished
}

func (v *contentView) showProgress(pr pack.Progress) {
	k := v.p.k
	k.Touch() // a long import is staff activity: do not time out under it
	switch pr.Stage {
	case "reading":
		v.stage.SetText(k.t("content.stage_reading"))
	case "photos":
		v.stage.SetText(k.t("content.stage_photos", "Done", pr.Done, "Total", pr.Total))
	case "saving":
		v.stage.SetText(k.t("content.stage_saving"))
	}
	if pr.Total > 0 {
		v.progress.SetValue(float64(pr.Done) / float64(pr.Total))
	}
}

func (v *contentView) showImportResult(err error) {
	k := v.p.k
	v.busy = false
	v.progress.Hide()
	v.stage.SetText("")
	var problems pack.Problems
	switch {
	case err == nil:
		v.result.Importance = widget.SuccessImportance
		v.result.SetText(k.t("content.import_ok"))
		k.reloadContent()
		v.showSummary()
	case errors.As(err, &problems):
		v.result.Importance = widget.DangerImportance
		v.result.SetText(k.n("content.import_failed", len(problems)))
		for _, pr := range problems {
			l := body(pr.String())
			l.Wrapping = fyne.TextWrapBreak
			v.problems.Add(l)
		}
		v.problems.Refresh()
	default:
		v.result.Importance = widget.DangerImportance
		v.result.SetText(k.t("content.error", "Error", err.Error()))
	}
}

// exportTo writes the content as a pack off the UI goroutine.
func (v *contentView) exportTo(out string) (done <-chan struct{}) {
	k := v.p.k
	finished := make(chan struct{})
	v.busy = true
	go func() {
		defer close(finished)
		err := k.opt.Staff.ExportPack(k.ctx, out)
		fyne.DoAndWait(func() {
			v.busy = false
			if err != nil {
				v.result.Importance = widget.DangerImportance
				v.result.SetText(k.t("content.error", "Error", err.Error()))
				return
			}
			v.result.Importance = widget.SuccessImportance
			v.result.SetText(k.t("content.exported", "Path", out))
		})
	}()
	return finished
}

// reloadContent shows freshly imported content on the visitor screens,
// starting from Home, without leaving staff mode.
func (k *Kiosk) reloadContent() {
	k.places = newVillageIndex(k.ctx, k.cat)
	k.centre, _ = k.cat.PackCentre(k.ctx)
	k.history = []Route{{Screen: ScreenHome}}
	clear(k.session.scroll)
	k.shownEnv = nil
	k.show()
}
