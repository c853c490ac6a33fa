package pack

import (
	"context"
	"fmt"
	"io/fs"
	"log"
	"runtime/debug"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// Progress tells how far a check or import has come.
type Progress struct {
	Stage string // "reading", "photos", "saving"
	Done  int
	Total int
}

// Options tune Validate and Import.
type Options struct {
	// Progress, when set, is called as work advances, from any goroutine.
	Progress func(Progress)
	// Warn, when set, is told of trouble that did not stop an import: the
	// copy of the pack kept for recovery could not be written. When nil,
	// such warnings go to the standard logger (stderr, the journal).
	Warn func(error)
	// AllowedHosts, when not nil, is the kiosk's list of sites its QR codes
	// may point to (data.HostAllowed): a link to any other site is a
	// problem at import, not a code that silently fails on screen.
	AllowedHosts []string
}

func (o Options) warn(err error) {
	if o.Warn != nil {
		o.Warn(err)
		return
	}
	log.Printf("ocopkiosk: %v", err)
}

func (o Options) report(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(Progress{Stage: stage, Done: done, Total: total})
	}
}

// Validate checks the pack at path (a folder or .zip) completely, photos
// included, and changes nothing. It returns the catalogue the pack holds, or
// Problems listing everything wrong with it.
func Validate(ctx context.Context, path string, opts Options) (cat *data.Catalogue, err error) {
	defer failOnPanic("check", &cat, &err)
	return load(ctx, path, nil, opts)
}

// failOnPanic turns a panic while checking or importing a pack into an
// error that says so: whatever a pack holds, it must not take the kiosk or
// the command down with it. The store is unchanged, because the catalogue
// is replaced in one transaction that a panic rolls back.
func failOnPanic(what string, cat **data.Catalogue, err *error) {
	if r := recover(); r != nil {
		*cat = nil
		*err = fmt.Errorf("%s pack: the kiosk failed on this pack (%v) and stopped; the content shown is still the last pack imported whole. Please report this with the pack", what, r)
		log.Printf("ocopkiosk: %v\n%s", *err, debug.Stack())
	}
}

// Import checks the pack at path and, only if it has no problem at all,
// makes it the store's whole content in one transaction; otherwise it returns
// Problems and the store is exactly as before. Photos are copied into the
// store's media library and resized once; photos no longer used are removed
// after the new catalogue is committed.
//
// Once committed, the catalogue is also kept as a pack beside the database
// (see KeptPack), for rebuilding a damaged database; failing to keep it is
// only a warning (see Options.Warn).
func Import(ctx context.Context, st *data.Store, path string, opts Options) (cat *data.Catalogue, err error) {
	defer failOnPanic("import", &cat, &err)
	src, err := openSource(path)
	if err != nil {
		return nil, err
	}
	defer src.close()
	keepCopy := !isKept(st, path)
	var packBytes int64
	if keepCopy {
		packBytes = packSize(path)
	}
	return importSource(ctx, st, src, keepCopy, opts, packBytes)
}

// ImportFS is Import for a pack in a file system, such as the sample
// content built into the binary.
func ImportFS(ctx context.Context, st *data.Store, fsys fs.FS, opts Options) (cat *data.Catalogue, err error) {
	defer failOnPanic("import", &cat, &err)
	return importSource(ctx, st, &source{fsys: fsys, close: func() error { return nil }}, true, opts, 0)
}

func importSource(ctx context.Context, st *data.Store, src *source, keepCopy bool, opts Options, packBytes int64) (*data.Catalogue, error) {
	// Every file written is recorded, so that an import that cannot finish
	// (a full disk, a failed save) leaves the disk as it found it.
	lib := st.Photos().TrackWrites()
	spaceCheck := func(rd *reader) error { return checkSpace(rd, st, packBytes) }
	cat, err := loadFS(ctx, src, &lib, opts, spaceCheck)
	if err != nil {
		if lib.WriteFailure() == nil {
			lib.RemoveWritten() // photos of a pack with problems elsewhere, or a cancelled import
		}
		return nil, err
	}
	// The last point where giving up leaves the old catalogue: staff who
	// press Cancel during the photos land here.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	opts.report("saving", 0, 1)
	if err := st.ReplaceCatalogue(ctx, cat); err != nil {
		err = saveFailed(err, lib)
		st.TruncateJournal(context.WithoutCancel(ctx)) // hand back what the failed save grew the log by
		return nil, err
	}
	opts.report("saving", 1, 1)
	if keepCopy {
		// The import is done whatever happens here, so a caller giving
		// up now (staff closing the dialog) must not stop the copy.
		if err := keep(context.WithoutCancel(ctx), st); err != nil {
			opts.warn(keepWarning(err))
		}
	}
	if err := lib.Prune(usedPhotos(cat)); err != nil {
		// The catalogue is in; left-over files only take space.
		return cat, fmt.Errorf("import done, but removing old photos failed: %w", err)
	}
	return cat, nil
}

// load reads and checks a pack; with a library it also stores the photos.
func load(ctx context.Context, path string, lib *media.Library, opts Options) (*data.Catalogue, error) {
	src, err := openSource(path)
	if err != nil {
		return nil, err
	}
	defer src.close()
	return loadFS(ctx, src, lib, opts, nil)
}

// loadFS reads and checks a pack; with a library it also stores the photos,
// after beforeWrite (the space check) has agreed.
func loadFS(ctx context.Context, src *source, lib *media.Library, opts Options, beforeWrite func(*reader) error) (*data.Catalogue, error) {
	opts.report("reading", 0, 1)
	rd := readWith(src.fsys, readConfig{allowedHosts: opts.AllowedHosts})
	opts.report("reading", 1, 1)
	// Photos are checked even when the sheets have problems, so that one
	// run reports everything; but none is stored unless all is well.
	if len(rd.r.problems) > 0 {
		lib = nil
	}
	if lib != nil && beforeWrite != nil {
		if err := beforeWrite(rd); err != nil {
			return nil, err
		}
	}
	rd.photos(ctx, lib, func(done, total int) { opts.report("photos", done, total) })
	if lib != nil && lib.WriteFailure() != nil {
		// One line, not one problem per photo that could not be written.
		return nil, writeFailed(*lib)
	}
	if len(rd.r.problems) > 0 {
		return nil, rd.r.problems.sorted()
	}
	return &rd.cat, nil
}

// usedPhotos is the set of photo hashes a catalogue names.
func usedPhotos(cat *data.Catalogue) map[string]bool {
	used := map[string]bool{}
	add := func(imgs []data.Image) {
		for _, img := range imgs {
			used[img.Hash] = true
		}
	}
	for _, v := range cat.Villages {
		add([]data.Image{v.Cover})
		add(v.Gallery)
		add(v.StoryImages)
	}
	for _, p := range cat.Products {
		add(p.Images)
	}
	for _, t := range cat.Tours {
		add(t.Images)
	}
	return used
}
