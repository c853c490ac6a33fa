# OCOP Kiosk. On a fresh Debian machine:
#   make run    installs what is missing, builds, and starts the kiosk on the built-in sample content
#   make test   runs every test
GO      ?= go
BIN     := bin/ocopkiosk
# Debian packages: a C compiler and GL/X11 headers for Fyne and go-sqlite3
# (cgo), a CJK font so Korean, Chinese and Japanese are drawn, and for the
# tests Xvfb, zbarimg (to decode QR codes from screenshots) and ImageMagick.
DEBS      := gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk
TEST_DEBS := $(DEBS) xvfb zbar-tools imagemagick
RUN_ARGS ?= --window

.PHONY: run build deps test-deps test vet bench screenshots clean

run: build
	./$(BIN) $(RUN_ARGS)

build: deps
	$(GO) build -o $(BIN) ./cmd/ocopkiosk

# deps installs only the packages that are missing.
deps:
	@./scripts/install-debs $(DEBS)

test-deps:
	@./scripts/install-debs $(TEST_DEBS)

test: test-deps vet
	$(GO) test -race -count=1 ./...

vet:
	@test -z "$$(gofmt -l .)" || { echo "not gofmt-formatted:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

# screenshots renders the README's pictures from the built-in sample content.
screenshots: build
	./scripts/screenshots $(BIN) docs/screenshots

clean:
	rm -rf bin
