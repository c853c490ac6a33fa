package ui

import (
	"strings"
	"testing"
)

// The attract loop decodes its first photo once, at the size it is drawn
// (not first at the view's small minimum), and decodes the next slide's
// photo ahead, so that no slide waits on a blank panel.
func TestAttractDecodesEachPhotoOnceAndTheNextAhead(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.ShowRoute(Route{Screen: ScreenAttract})
	a := k.idle.attract
	if a == nil || len(a.slides) < 3 {
		t.Fatal("no attract loop with slides")
	}
	sizes := func(hash string) []string {
		k.photos.mu.Lock()
		defer k.photos.mu.Unlock()
		var got []string
		for key := range k.photos.byKey {
			if strings.HasPrefix(key, hash+".display.") {
				got = append(got, key)
			}
		}
		return got
	}
	first := sizes(a.slides[0].photo.Hash)
	if len(first) != 1 || !strings.Contains(first[0], ".1920x1080.") {
		t.Errorf("the first slide's photo was decoded as %v, want once at 1920x1080", first)
	}
	if next := sizes(a.slides[1].photo.Hash); len(next) != 1 || !strings.Contains(next[0], ".1920x1080.") {
		t.Errorf("the second slide's photo was decoded ahead as %v, want once at 1920x1080", next)
	}
	a.next()
	if next := sizes(a.slides[2].photo.Hash); len(next) != 1 {
		t.Errorf("on the second slide, the third's photo was decoded ahead as %v", next)
	}
}
