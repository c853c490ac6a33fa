package pack

import (
	"context"
	"errors"
	"io/fs"
	"runtime"
	"sync"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
	"ocopkiosk/lang"
)

// maxPhotoBytes bounds one photo file.
const maxPhotoBytes = 64 << 20

// decodePixels bounds the pixels being decoded at once across all workers,
// so that the memory an import needs does not grow with the number of
// cores: two of the largest photos allowed (media.MaxPixels, about 160 MB
// each decoded), or many phone photos, at a time.
const decodePixels = 2 * media.MaxPixels

// pixelBudget hands out a fixed number of pixels to decode; a worker waits
// until the photos being decoded leave room for its own.
type pixelBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
}

func newPixelBudget(n int) *pixelBudget {
	b := &pixelBudget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire takes n pixels, waiting until they are free; it returns what
// release must give back. n is capped at the whole budget, so any one photo
// can be decoded once the others are done.
func (b *pixelBudget) acquire(n, total int) int {
	n = min(max(n, 1), total)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *pixelBudget) release(n int) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// photoResult is what reading one photo gave.
type photoResult struct {
	image data.Image
	err   error
	found bool
}

// photos reads every photo the pack names, once each, on all cores: checks
// its size from the header, decodes it fully, and (when lib is set) stores
// it with its display copy and thumbnail. Then it fills in the catalogue's
// image records and reports missing and broken photos.
func (rd *reader) photos(ctx context.Context, lib *media.Library, progress func(done, total int)) {
	var sources []string
	index := map[string]int{}
	for _, ref := range rd.images {
		if _, ok := index[ref.source]; !ok {
			index[ref.source] = len(sources)
			sources = append(sources, ref.source)
		}
	}
	results := make([]photoResult, len(sources))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	budget := newPixelBudget(decodePixels)
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = readPhoto(rd.fsys, sources[i], lib, budget)
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(sources))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range sources {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() != nil {
		rd.r.add("", 0, "", "stopped: %v", ctx.Err())
		return
	}
	reported := map[string]bool{}
	for _, ref := range rd.images {
		res := results[index[ref.source]]
		switch {
		case !res.found:
			rd.r.add(ref.file, ref.line, ref.column, "photo %q is not in the pack", ref.source)
		case res.err != nil:
			if !reported[ref.source] {
				reported[ref.source] = true
				rd.r.add(ref.source, 0, "", "%v", res.err)
			}
		case ref.target != nil:
			*ref.target = res.image
		}
	}
}

func readPhoto(fsys fs.FS, source string, lib *media.Library, budget *pixelBudget) (res photoResult) {
	// A worker's panic cannot be recovered by the import that started it,
	// so each photo recovers its own: a picture that breaks a decoder is a
	// broken picture, not a dead kiosk.
	defer func() {
		if r := recover(); r != nil {
			res = photoResult{found: true, err: lang.Phrasef("picture could not be read: the decoder failed (%v)", r)}
		}
	}()
	if lib != nil && lib.WriteFailure() != nil {
		return photoResult{found: true, err: media.ErrStopped} // the disk failed: stop
	}
	b, err := readLimited(fsys, source, maxPhotoBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return photoResult{}
	}
	if err != nil {
		return photoResult{found: true, err: err}
	}
	hash := media.Hash(b)
	res = photoResult{found: true, image: data.Image{Hash: hash, Source: source}}
	if lib != nil && lib.Has(hash) {
		// Stored before, so decoded successfully before: the header is enough.
		info, err := media.Check(b)
		res.image.Width, res.image.Height, res.err = info.Width, info.Height, err
		return res
	}
	// The header first: a picture too large is refused before any pixel is
	// decoded, and one that may be decoded waits for room in the budget.
	info, err := media.Check(b)
	if err != nil {
		res.err = err
		return res
	}
	defer budget.release(budget.acquire(info.Width*info.Height, decodePixels))
	img, info, err := media.Decode(b)
	if err != nil {
		res.err = err
		return res
	}
	res.image.Width, res.image.Height = info.Width, info.Height
	if lib != nil {
		res.err = lib.Add(hash, b, img)
	}
	return res
}
