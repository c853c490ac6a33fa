# OCOP Kiosk. On a fresh Debian machine:
#   make run    installs what is missing, builds, and starts the kiosk on the built-in sample content
#   make test   runs every test
GO      ?= go
BIN     := bin/ocopkiosk
# Debian packages: a C compiler and GL/X11 headers for Fyne and go-sqlite3
# (cgo), a CJK font so Korean, Chinese and Japanese are drawn, and for the
# tests Xvfb, zbarimg (to decode QR codes from screenshots), ImageMagick,
# the stock minisign tool (signatures are checked against it both ways),
# xdotool (the real-window soak drives the kiosk with it) and Syncthing (the
# fleet's end-to-end test runs real Syncthing processes).
DEBS      := gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk
TEST_DEBS := $(DEBS) xvfb zbar-tools imagemagick minisign xdotool syncthing
RUN_ARGS ?= --window

.PHONY: run build deps test-deps test vet bench bench-smoke soak soak-window soak-window-short fuzz screenshots fleet-demo clean

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
# still run (timings are checked by `make bench`, not here), then the
# real-window soak in its short form.
test: test-deps vet build
	$(GO) test -race -count=1 ./...
	$(MAKE) bench-smoke
	$(MAKE) soak-window-short

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

# soak-window is the long day on the real window: Xvfb, the real binary, the
# Hanoi catalogue (made on first use), SOAK_ACTIONS random visitor actions
# sent with xdotool, memory and the screen sampled; it fails on a crash, a
# freeze, a blank or oversized window, or memory over the targets
# (BENCHMARKS.md). The log, readings and screenshots go to SOAK_DIR.
SOAK_ACTIONS ?= 10000
SOAK_DIR ?= out/soak-window
soak-window: build test-deps
	@test -f $(SOAK_DIR)/hanoi.db || { mkdir -p $(SOAK_DIR) && \
		./$(BIN) gen --size hanoi --seed 1 -o $(SOAK_DIR)/hanoi-pack && \
		./$(BIN) import --db $(SOAK_DIR)/hanoi.db $(SOAK_DIR)/hanoi-pack; }
	$(GO) run ./scripts/soakwindow -bin $(BIN) -db $(SOAK_DIR)/hanoi.db -out $(SOAK_DIR) \
		-actions $(SOAK_ACTIONS) -sample-every 250

# soak-window-short is the CI form: 300 actions on the built-in sample.
soak-window-short: build test-deps
	rm -rf out/soak-window-short
	$(GO) run ./scripts/soakwindow -bin $(BIN) -out out/soak-window-short -actions 300 -sample-every 100 -rest 60s

# fuzz runs each fuzzer for FUZZTIME; what they find lands in testdata/fuzz.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzReadTable -fuzztime $(FUZZTIME) ./data/pack
	$(GO) test -run '^$$' -fuzz FuzzManifest -fuzztime $(FUZZTIME) ./data/pack
	$(GO) test -run '^$$' -fuzz FuzzWholePack -fuzztime $(FUZZTIME) ./ui
	$(GO) test -run '^$$' -fuzz FuzzCheckLink -fuzztime $(FUZZTIME) ./data
	$(GO) test -run '^$$' -fuzz FuzzBuildLink -fuzztime $(FUZZTIME) ./data/handoff
	$(GO) test -run '^$$' -fuzz FuzzVietQR -fuzztime $(FUZZTIME) ./data/handoff

# screenshots renders the README's pictures from the built-in sample content.
screenshots: build
	./scripts/screenshots $(BIN) docs/screenshots

# fleet-demo starts an office and KIOSKS kiosks on this machine, each with
# its own Syncthing on 127.0.0.1, publishes a pack and shows the fleet's
# status as it spreads (docs/fleet.md). Ctrl-C stops it.
KIOSKS ?= 3
fleet-demo: build test-deps
	$(GO) run ./cmd/fleetdemo -bin $(BIN) -kiosks $(KIOSKS)

clean:
	rm -rf bin
