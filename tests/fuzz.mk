# Fuzzing of the device models (kernel/devices/build.mk): one libFuzzer
# harness per model (tests/fuzz/dev_*.c, sharing
# tests/fuzz/dev_fuzz.h). `make fuzz-devices` runs each for FUZZ_SECONDS,
# growing a work corpus under $(BUILD) from the kept one, then merges what
# adds coverage back into tests/fuzz/corpus/dev_*; crash inputs land in
# tests/fuzz/crashes/dev_*/. `make check` replays both folders with
# sanitizer-built replay binaries (no libFuzzer needed).

DEV_FUZZ_MODELS := pic pit uart rtc pci legacy ne2k ide chan
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
DEV_FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror $(PUBLIC_INCLUDES) \
	$(KERNEL_INCLUDES) \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
DEV_FUZZ_BINS := $(DEV_FUZZ_MODELS:%=$(BUILD)/fuzz/dev_%)
DEV_REPLAY_BINS := $(DEV_FUZZ_MODELS:%=$(BUILD)/tests/fuzz-replay/dev_%)
DEVICE_SAN_OBJS := $(patsubst %.c,$(BUILD)/san/%.o,$(DEVICE_SRCS))

$(BUILD)/fuzz/dev_%: tests/fuzz/dev_%.c tests/fuzz/dev_fuzz.h \
		$(DEVICE_SRCS) $(wildcard kernel/include/ksh/vdev*.h) | deps
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(DEV_FUZZ_CFLAGS) -o $@ $< $(DEVICE_SRCS)

$(BUILD)/tests/fuzz-replay/dev_%: $(BUILD)/san/tests/fuzz/dev_%.o \
		$(BUILD)/san/tests/fuzz/replay.o $(DEVICE_SAN_OBJS)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^

ALL += $(DEV_REPLAY_BINS)
SUITES += tap:tests/fuzz/replay-devices.sh:300

.PHONY: fuzz-devices
fuzz-devices: $(DEV_FUZZ_BINS)
	$(Q)failed=; for m in $(DEV_FUZZ_MODELS); do \
		work=$(BUILD)/fuzz-work/dev_$$m; keep=tests/fuzz/corpus/dev_$$m; \
		crashes=tests/fuzz/crashes/dev_$$m; \
		mkdir -p $$work $$keep $$crashes; \
		echo "fuzz dev_$$m for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/dev_$$m -max_total_time=$(FUZZ_SECONDS) \
			-max_len=4096 -timeout=10 -print_final_stats=1 \
			-artifact_prefix=$$crashes/ $$work $$keep \
			|| failed="$$failed dev_$$m"; \
		$(BUILD)/fuzz/dev_$$m -merge=1 -max_len=4096 $$keep $$work \
			>$(BUILD)/fuzz-work/dev_$$m.merge.log 2>&1 \
			|| failed="$$failed dev_$$m(merge)"; \
	done; \
	if [ -n "$$failed" ]; then \
		echo "fuzz-devices: failures in$$failed (inputs in tests/fuzz/crashes/)"; \
		exit 1; \
	fi; echo "fuzz-devices: no failures"

.SECONDARY: $(DEV_FUZZ_MODELS:%=$(BUILD)/san/tests/fuzz/dev_%.o) \
	$(BUILD)/san/tests/fuzz/replay.o

# Fuzzing of kshc's front end.
# `make fuzz-kshc` builds the front end with clang's libFuzzer and ASan/UBSan
# and runs it for KSHC_FUZZ_SECONDS on a scratch corpus seeded from the
# kept one (tests/kshc/fuzz-corpus), the examples and the pass/fail cases;
# new coverage is merged back into the kept corpus and crashes land in
# tests/kshc/robust/ as regression inputs. `make check` replays both with
# the gcc sanitizer build (tests/fuzz/kshc_replay.c).
KSHC_FUZZ_SECONDS ?= 300
KSHC_FUZZ := $(BUILD)/fuzz/kshc-fuzz
KSHC_FUZZ_CFLAGS := -std=gnu11 -g -O1 -fno-omit-frame-pointer $(DEPFLAGS) \
	-fsanitize=fuzzer-no-link,address,undefined -D_GNU_SOURCE \
	$(PUBLIC_INCLUDES) $(KSHC_FLAGS) -Wno-unknown-warning-option
KSHC_FUZZ_SRCS := $(KSHC_PURE) $(KSHC_GENC) tests/fuzz/kshc_fuzz.c \
	kernel/core/tables_check.c

$(BUILD)/fuzz/%.o: %.c $(KSHC_GEN)/parser.h
	@mkdir -p $(@D)
	$(Q)clang $(KSHC_FUZZ_CFLAGS) -c $< -o $@
$(KSHC_FUZZ): $(patsubst %.c,$(BUILD)/fuzz/%.o,$(KSHC_FUZZ_SRCS))
	@mkdir -p $(@D)
	$(Q)clang -fsanitize=fuzzer,address,undefined -o $@ $^ $(KSHC_LIBS)

.PHONY: fuzz-kshc
fuzz-kshc: $(KSHC_FUZZ)
	@mkdir -p $(BUILD)/fuzz/corpus tests/kshc/fuzz-corpus tests/kshc/robust
	$(Q)cp examples/*.ksh tests/kshc/pass/*.ksh tests/kshc/fail/*.ksh \
		tests/kshc/fuzz-corpus/* $(BUILD)/fuzz/corpus/ 2>/dev/null || true
	$(Q)$(KSHC_FUZZ) -max_total_time=$(KSHC_FUZZ_SECONDS) -max_len=8192 \
		-timeout=10 -rss_limit_mb=2048 -dict=tests/fuzz/kshc.dict \
		-artifact_prefix=tests/kshc/robust/crash- $(BUILD)/fuzz/corpus
	$(Q)$(KSHC_FUZZ) -merge=1 tests/kshc/fuzz-corpus $(BUILD)/fuzz/corpus

KSHC_REPLAY := $(BUILD)/tests/kshc-fuzz-replay
$(BUILD)/san/tests/fuzz/%.o: SAN_ALL_CFLAGS += $(KSHC_FLAGS)
$(BUILD)/san/tests/fuzz/kshc_fuzz.o: $(KSHC_GEN)/parser.h
$(KSHC_REPLAY): $(patsubst %.c,$(BUILD)/san/%.o,$(KSHC_FUZZ_SRCS) \
		tests/fuzz/kshc_replay.c)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ $(KSHC_LIBS)
ALL += $(KSHC_REPLAY)
SUITES += tap:tests/kshc/fuzz-replay.sh:600
