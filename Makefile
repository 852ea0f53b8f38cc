# Hunch: two commands set up a fresh Debian 12 machine.
#   make run    installs what is missing, builds, starts Hunch
#   make test   installs what the tests need, runs every test
export PATH := $(PATH):/usr/local/go/bin
GO ?= go
BIN := bin/hunch
# The whole of Hunch, and the part of it that watches a camera (neither loads
# OpenCV's file readers and their libraries); bin/hunch is the front
# (cmd/hunch/build_front.go), which answers help, report, export and doctor
# itself and hands every other command to one of them.
WATCH := bin/hunch-watch
CAMERA := bin/hunch-camera
GOFLAGS_TEST ?= -count=1

.PHONY: run build test bench bench-process eval fit deps deps-test vet fmt-check clean

run: deps build
	$(BIN) $(ARGS)

build: deps
	GO=$(GO) scripts/build-watch.sh $(WATCH)
	GO=$(GO) scripts/build-watch.sh $(CAMERA) --camera-only
	$(GO) build -tags front -o $(BIN) ./cmd/hunch

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test
	@scripts/fetch-test-kernel.sh

# staticcheck: dead code, misused APIs and deprecated calls that go vet
# does not look for.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

vet:
	$(GO) vet ./...
	$(GO) vet -tags front ./cmd/hunch
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags front ./cmd/hunch
	$(GO) run $(STATICCHECK) -tags cameraonly -tests=false -checks inherit,-U1000 ./cmd/hunch ./app ./vision
	$(GO) mod tidy -diff

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

# Every test under the race detector, inside a throwaway desktop (Xvfb, a
# D-Bus session, dunst) for the app's end-to-end tests; then the Mat-leak
# checks; then a few seconds of fuzzing per parser.
test: deps-test fmt-check vet
	scripts/with-desktop.sh $(GO) test $(GOFLAGS_TEST) -race -timeout 30m ./...
	$(GO) test $(GOFLAGS_TEST) -tags matprofile -run MatProfile ./vision/...
	scripts/fuzz-short.sh

# Speed: detection + analysis per 640x480 frame (median and mean, one
# thread) against the cascade in the same run; history report latency; what
# skipping unchanged pictures saves and does to each clip's figures.
bench: deps build
	$(GO) test -run '^$$' -bench . -skip StillPictures -benchtime 200x -count 5 ./vision/ | tee bench.txt
	$(GO) test -run '^$$' -bench StillPictures -benchtime 2x -count 3 ./vision/ | tee -a bench.txt
	@grep '^BenchmarkFacePath' bench.txt | awk '{for (i = 2; i <= NF; i++) if ($$i == "x-bare-blazeface") print $$(i-1)}' | sort -n | \
		awk '{r[NR] = $$1} END {printf "face path / one bare BlazeFace pass, same run: %sx (median of %d runs; the limit is 1.5x)\n", r[int((NR+1)/2)], NR}'
	@grep '^BenchmarkStillPictures' bench.txt | awk '{for (i = 2; i <= NF; i++) { if ($$i == "x-analyse-every") x = $$(i-1); if ($$i == "%-frames-reused") r = $$(i-1) }; print x, r}' | sort -n | \
		awk '{x[NR] = $$1; r[NR] = $$2} END {m = int((NR+1)/2); printf "unchanged pictures not looked at again: %s%% of frames reused, %sx the time of looking at every frame (session-a frames held 8 s at 1 fps; median of %d runs)\n", r[m], x[m], NR}'
	$(GO) test -run '^$$' -bench YUYV -count 5 ./vision/v4l2/ | tee -a bench.txt
	$(GO) test -run '^$$' -bench . -benchmem ./monitor/history/ | tee -a bench.txt
	@if [ -d ../shared/testdata ]; then $(BIN) eval --shared ../shared --savings | tee -a bench.txt; \
	else echo "what skipping unchanged pictures does to the judgement: skipped, no ../shared/testdata"; fi

# Whole-process CPU and peak RSS: the commands, analyze on a 312 s clip in
# real time, the app for 150 s under a throwaway desktop, in a status window
# and in a tray, and an idle Fyne tray icon as the floor; then hunch-camera
# against hunch-watch, in the tray on camera 0 and watching vivid's camera in
# a qemu guest (about 25 minutes).
bench-process: deps-test build
	scripts/bench-process.sh $(BIN)

# The per-person table on the labelled real frames in ../shared: each person
# judged by weights fitted without them (leave-one-person-out), upright
# calibration only and with a slouch sample, and by the shipped weights.
eval: deps build
	$(BIN) eval --shared ../shared

# Fits the shipped weights (monitor/model.json) on the frames whose licence
# allows it: webcam-session-a and clips generated from real frames.
fit: deps build
	$(BIN) fit --shared ../shared --out monitor/model.json

# For the current user: bin/hunch, hunch-camera and hunch-watch into ~/.local/bin, the menu entry and icons
# under ~/.local/share ($XDG_DATA_HOME when set); PREFIX=DIR moves them.
.PHONY: install uninstall
install: build
	@PREFIX="$(PREFIX)" scripts/install.sh $(BIN)

# Removes exactly what install put there; the history and settings stay.
uninstall:
	@PREFIX="$(PREFIX)" scripts/uninstall.sh

clean:
	rm -rf bin bench.txt
