# ctsguide — the README's two commands: `make site` and `make test`.
# Both install what is missing on a fresh Debian machine (run as root), then build and run.

SWIFT      ?= swift
BIN        := .build/debug/ctsguide
SITE_OUT   ?= Public

.PHONY: site test deps build swift-test browser-test robustness-test corpus kill-test repro-test fuzz bench clean serve bench-incremental bench-serve

deps:
	@dpkg -s libcmark-dev >/dev/null 2>&1 || { \
	  echo "installing libcmark-dev"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; }

build: deps
	$(SWIFT) build --product ctsguide

site: build
	$(BIN) build --content Content --templates Templates --output $(SITE_OUT)

# `make serve PORT=8080` picks the port (default 8000).
PORT       ?= 8000
serve: build
	$(BIN) serve --content Content --templates Templates --port $(PORT)

# Incremental builds at 5,000 pages (`make bench` runs this too) and the guide's edit-to-page latency (release builds).
bench-incremental:
	$(SWIFT) build -c release --product ctsguide --scratch-path .build-release
	BIN=.build-release/release/ctsguide bash bench/incremental.sh

bench-serve:
	$(SWIFT) build -c release --product ctsguide
	python3 bench/serve-latency.py

# The preview-server test (an edit served within 2 s) runs on its own after the rest, so the suite's parallel
# site builds cannot starve its rebuild and make the time bound flaky.
# RunbookTests runs MAINTAINING.md's commands with the built binary, so it is built first.
swift-test: build
	$(SWIFT) test --disable-xctest --skip ServeTests
	$(SWIFT) test --disable-xctest --filter ServeTests

# The guide, then the branded fork of Tests/Fixtures/branded-fork (logo, base_url, images, a draft).
browser-test: build
	bash Tests/Browser/run.sh
	bash Tests/Browser/run.sh --fork

# Bad-input corpus (Tests/Corpus), kill test and reproducibility test, all against the built binary.
corpus: build
	python3 Tests/Corpus/run.py $(BIN)

kill-test: build
	python3 Tests/Robustness/kill_test.py $(BIN)

repro-test: build
	python3 Tests/Robustness/repro_test.py $(BIN)

robustness-test: corpus kill-test repro-test

# libFuzzer targets (not part of `make test`): FUZZ_SECONDS per target, FUZZ_JOBS at a time.
fuzz: deps
	bash Fuzz/run.sh

# Every stage, each run even when one before failed, then a summary line per stage (Tests/run-all.sh).
test: build
	bash Tests/run-all.sh

# Release build in its own scratch folder, then ctsguide against Hugo on the shared corpora (BENCHMARKS.md).
bench: deps
	@command -v hugo >/dev/null && command -v cmark >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo cmark; }
	$(SWIFT) build -c release --product ctsguide --scratch-path .build-release
	python3 bench/bench.py $(BENCH_ARGS)
	BIN=.build-release/release/ctsguide bash bench/incremental.sh 5000

clean:
	rm -rf .build Public
