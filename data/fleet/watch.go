package fleet

import (
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// watcher tells of changes in the content folder and in each pack folder
// in it (fsnotify does not watch sub-folders by itself). When fsnotify is
// not available (too many watches, a network share) the periodic rescan
// still finds everything, only later.
type watcher struct {
	dir     string
	w       *fsnotify.Watcher
	watched map[string]bool
	events  <-chan fsnotify.Event
}

func newWatcher(dir string) *watcher {
	wt := &watcher{dir: dir, watched: map[string]bool{}}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return wt
	}
	wt.w, wt.events = w, w.Events
	go func() {
		for range w.Errors { // dropped: the rescan covers for lost events
		}
	}()
	wt.refresh()
	return wt
}

// refresh watches the content folder and its folders, as they now are.
func (wt *watcher) refresh() {
	if wt.w == nil {
		return
	}
	dirs := []string{wt.dir}
	entries, _ := os.ReadDir(wt.dir)
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(wt.dir, e.Name()))
		}
	}
	for _, d := range dirs {
		if !wt.watched[d] && wt.w.Add(d) == nil {
			wt.watched[d] = true
		}
	}
	for d := range wt.watched {
		if _, err := os.Stat(d); err != nil {
			wt.w.Remove(d)
			delete(wt.watched, d)
		}
	}
}

func (wt *watcher) close() {
	if wt.w != nil {
		wt.w.Close()
	}
}
