package main

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestMain lets tests run this test binary as the ocopkiosk program itself,
// in a child process: OCOPKIOSK_AS_PROGRAM=1 takes the arguments as given
// (the fleet's end-to-end test), OCOP_TEST_RUN holds them joined by 0x1f
// (the read-only disk test).
func TestMain(m *testing.M) {
	if os.Getenv("OCOPKIOSK_AS_PROGRAM") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	if args := os.Getenv("OCOP_TEST_RUN"); args != "" {
		os.Exit(run(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
