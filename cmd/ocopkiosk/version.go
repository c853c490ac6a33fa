package main

import (
	"context"
	"fmt"

	"ocopkiosk/buildinfo"
)

// runVersion prints what support asks for first: which kiosk this is.
func runVersion(_ context.Context, e *env, args []string) error {
	if err := e.parse(e.flags(), args, 0); err != nil {
		return err
	}
	fmt.Fprint(e.stdout, buildinfo.Get().String())
	return nil
}
