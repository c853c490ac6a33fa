package main

import (
	"context"
	"fmt"

	"ocopkiosk/data"
)

// openKioskStore opens the kiosk's database. On a read-only disk (a
// locked-down image, an overlay root) it opens the catalogue read-only
// instead of failing, and says why in the returned reason (empty when the
// disk is writable): the kiosk then keeps showing the catalogue, holds
// visitor analytics in memory, and staff mode explains.
func openKioskStore(ctx context.Context, e *env, path string) (*data.Store, string, error) {
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, "", err
		}
	}
	if ok, why := data.Writable(path); !ok {
		st, err := data.OpenReadOnly(path)
		if err != nil {
			return nil, "", fmt.Errorf("%v, and the catalogue cannot be shown read-only: %w", why, err)
		}
		fmt.Fprintf(e.stderr, "%v: showing the catalogue read-only; visitor analytics are kept in memory\n", why)
		return st, why.Error(), nil
	}
	// The quick check reads every page: for a national catalogue that is a
	// second the first screen would wait. It runs once the window is up.
	st, err := openContentWith(ctx, e, path, data.OpenOrRecoverDeferred)
	return st, "", err
}
