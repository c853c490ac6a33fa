# OCOP Kiosk. On a fresh Debian machine:
#   make run    installs what is missing, builds, and starts the kiosk on the built-in sample content
#   make test   runs every test
GO      ?= go
BIN     := bin/ocopkiosk
# Debian packages: a C compiler and GL/X11 headers for Fyne and go-sqlite3
# (cgo), a CJK font so Korean, Chinese and Japanese are drawn, and for the
# tests Xvfb and xdotool (the real window driven as a visitor), zbarimg (to
# decode QR codes from screenshots), ImageMagick and
# the stock minisign tool (signatures are checked against it both ways).
DEBS      := gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk
TEST_DEBS := $(DEBS) xvfb xdotool zbar-tools imagemagick minisign
RUN_ARGS ?= --window

.PHONY: run build deps test-deps test vet bench bench-smoke soak fuzz screenshots clean

run: build
	./$(BIN) $(RUN_ARGS)

build: deps
	$(GO) build -o $(BIN) ./cmd/ocopkiosk

# deps installs only the packages that are missing.
deps:
	@./scripts/install-debs $(DEBS)

test-deps:
	@./scripts/install-debs $(TEST_DEBS)

# test is what CI runs: every test with the race detector (the soak and the
# crash test in their short forms), then every benchmark once, to prove they
# still run (timings are checked by `make bench`, not here).
# The real-window test (ui: TestRealWindowUnderXvfb) runs the built kiosk
# under Xvfb.
test: test-deps vet build
	OCOP_KIOSK_BIN=$(abspath $(BIN)) $(GO) test -race -count=1 ./...
	$(MAKE) bench-smoke

bench-smoke:
	$(GO) test -run '^$$' -bench . -benchtime=1x ./...

vet:
	@test -z "$$(gofmt -l .)" || { echo "not gofmt-formatted:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# bench measures speed and memory against the targets (BENCHMARKS.md): the
# Go benchmarks, then one table from `ocopkiosk bench` on the synthetic
# national and Hanoi catalogues (made on first use in $TMPDIR).
bench: build test-deps
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./$(BIN) bench

# soak is the long day: 10,000 random visitor actions on the national catalogue.
soak:
	OCOP_SOAK_ACTIONS=10000 OCOP_SOAK_NATIONAL=1 $(GO) test -count=1 -timeout 60m -run TestSoak -v ./ui

# fuzz runs each fuzzer for FUZZTIME; what they find lands in testdata/fuzz.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzReadTable -fuzztime $(FUZZTIME) ./data/pack
	$(GO) test -run '^$$' -fuzz FuzzManifest -fuzztime $(FUZZTIME) ./data/pack
	$(GO) test -run '^$$' -fuzz FuzzCheckLink -fuzztime $(FUZZTIME) ./data
	$(GO) test -run '^$$' -fuzz FuzzBuildLink -fuzztime $(FUZZTIME) ./data/handoff
	$(GO) test -run '^$$' -fuzz FuzzVietQR -fuzztime $(FUZZTIME) ./data/handoff

# screenshots renders the README's pictures from the built-in sample
# content, and a contact sheet per screen shape (docs/screenshots/sheet-*.png).
screenshots: build test-deps
	./scripts/screenshots $(BIN) docs/screenshots

clean:
	rm -rf bin
