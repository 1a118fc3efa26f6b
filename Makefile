# eventline: the two set-up commands are `make run` and `make test`.
CARGO ?= cargo
BIN := target/release/eventline

.PHONY: all build run test bench fuzz clean

all: build

build:
	$(CARGO) build --release --locked

# The main job: the bundled corpus in; output/*.csv, output/eventline.xlsx
# and the page output/timeline.html out.
run: build
	$(BIN) extract corpus --out output --format csv,xlsx
	$(BIN) plot output/timeline.csv --out output/timeline.html

# The whole test suite: unit tests, end-to-end tests, doc tests.
test:
	$(CARGO) test --release --locked

# Throughput (MB/s) and peak memory over a generated corpus of >= 100 MB.
bench: build
	scripts/bench.sh

# Fuzzing (cargo-fuzz, nightly): each target for FUZZ_SECONDS, seeded from the
# bundled corpus. Crashes and timeouts land in fuzz/artifacts/.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	$(CARGO) clean
	rm -rf bench-data
