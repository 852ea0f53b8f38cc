# Hunch: two commands set up a fresh Debian 12 machine.
#   make run    installs what is missing, builds, starts Hunch
#   make test   installs what the tests need, runs every test
export PATH := $(PATH):/usr/local/go/bin
GO ?= go
BIN := bin/hunch
GOFLAGS_TEST ?= -count=1

.PHONY: run build test bench eval deps deps-test vet fmt-check clean

run: deps build
	@scripts/run-app.sh $(BIN) $(ARGS)

build: deps
	$(GO) build -o $(BIN) ./cmd/hunch

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

test: deps-test fmt-check vet
	$(GO) test $(GOFLAGS_TEST) ./...
	$(GO) test $(GOFLAGS_TEST) -tags matprofile -run MatProfile ./vision/...

bench: deps build
	$(GO) test -run '^$$' -bench . -benchtime 200x -count 5 ./vision/... ./monitor/... | tee bench.txt

eval: deps build
	$(GO) run ./cmd/hunch eval

clean:
	rm -rf bin bench.txt
