# kshc, the system compiler (host tool). Flex and Bison output goes to
# $(BUILD)/gen/ksh-compiler/; the pure passes (everything but main.c) are
# also linked into the Criterion unit tests. Two binaries:
#   $(BUILD)/bin/kshc      the tool (installed)
#   $(BUILD)/bin/kshc-san  the same with ASan+UBSan, run on the corpora

KSHC_DIR   := ksh-compiler
KSHC_GEN   := $(BUILD)/gen/ksh-compiler
KSHC_PURE  := $(filter-out $(KSHC_DIR)/main.c,$(wildcard $(KSHC_DIR)/*.c))
KSHC_GENC  := $(KSHC_GEN)/parser.c $(KSHC_GEN)/lexer.c
KSHC_LIBS  := -ljansson -lcrypto
KSHC       := $(BUILD)/bin/kshc
KSHC_SAN   := $(BUILD)/bin/kshc-san
# -Wno-missing-include-dirs: runtime/include (in INCLUDES) may not exist yet.
KSHC_FLAGS := -Wno-missing-include-dirs -I$(KSHC_DIR) -I$(KSHC_GEN) -DKSHC_VERSION=\"$(VERSION)\"

# Generated code is not ours to restyle: only the warnings it trips are off.
KSHC_GEN_FLAGS := $(KSHC_FLAGS) -Wno-missing-prototypes \
	-Wno-missing-declarations -Wno-redundant-decls -Wno-sign-compare \
	-Wno-unused-function -Wno-unused-parameter -Wno-shadow \
	-Wno-implicit-fallthrough -Wno-cast-qual -Wno-null-dereference

$(KSHC_GEN)/parser.c $(KSHC_GEN)/parser.h: $(KSHC_DIR)/parser.y | deps
	@mkdir -p $(@D)
	$(Q)$(BISON) -Wall -Werror --defines=$(KSHC_GEN)/parser.h \
		-o $(KSHC_GEN)/parser.c $<
$(KSHC_GEN)/lexer.c: $(KSHC_DIR)/lexer.l $(KSHC_GEN)/parser.h | deps
	@mkdir -p $(@D)
	$(Q)$(FLEX) -o $@ $<

# Every kshc object needs the generated parser header first.
KSHC_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(KSHC_PURE))
KSHC_SAN_OBJS  := $(patsubst %.c,$(BUILD)/san/%.o,$(KSHC_PURE))
$(KSHC_HOST_OBJS) $(KSHC_SAN_OBJS) $(BUILD)/host/$(KSHC_DIR)/main.o \
$(BUILD)/san/$(KSHC_DIR)/main.o: $(KSHC_GEN)/parser.h
$(BUILD)/host/$(KSHC_DIR)/%.o $(BUILD)/san/$(KSHC_DIR)/%.o: \
	HOST_ALL_CFLAGS += $(KSHC_FLAGS)
$(BUILD)/san/$(KSHC_DIR)/%.o: SAN_ALL_CFLAGS += $(KSHC_FLAGS)

# Generated sources, host and sanitizer builds.
$(BUILD)/host/$(KSHC_GEN)/%.o: $(KSHC_GEN)/%.c $(KSHC_GEN)/parser.h
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_ALL_CFLAGS) $(KSHC_GEN_FLAGS) -c $< -o $@
$(BUILD)/san/$(KSHC_GEN)/%.o: $(KSHC_GEN)/%.c $(KSHC_GEN)/parser.h
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_ALL_CFLAGS) $(KSHC_GEN_FLAGS) -c $< -o $@

KSHC_HOST_ALL := $(KSHC_HOST_OBJS) $(BUILD)/host/$(KSHC_DIR)/main.o \
	$(patsubst %.c,$(BUILD)/host/%.o,$(KSHC_GENC))
KSHC_SAN_ALL := $(KSHC_SAN_OBJS) $(BUILD)/san/$(KSHC_DIR)/main.o \
	$(patsubst %.c,$(BUILD)/san/%.o,$(KSHC_GENC))

$(KSHC): $(KSHC_HOST_ALL)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^ $(KSHC_LIBS) $(KSHC_EXTRA_LIBS)
$(KSHC_SAN): $(KSHC_SAN_ALL)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ $(KSHC_LIBS) $(KSHC_EXTRA_LIBS)

ALL += $(KSHC) $(KSHC_SAN)

# Unit tests (tests/unit/test_kshc_*.c) see the compiler's headers.
UNIT_UNDER_TEST += $(KSHC_PURE) $(KSHC_GENC)
UNIT_LIBS += $(KSHC_LIBS)
$(patsubst %.c,$(BUILD)/san/%.o,$(wildcard tests/unit/test_kshc_*.c)): \
	$(KSHC_GEN)/parser.h
$(BUILD)/san/tests/unit/test_kshc_%.o: SAN_ALL_CFLAGS += $(KSHC_FLAGS)

INSTALL_FILES += $(KSHC):bin/kshc:0755 \
	$(KSHC_DIR)/kshc.1:share/man/man1/kshc.1:0644 \
	kernel/include/ksh/tables.h:include/ksh/tables.h:0644 \
	kernel/include/ksh/hypercall.h:include/ksh/hypercall.h:0644 \
	kernel/include/ksh/native.h:include/ksh/native.h:0644

# A later step of the pipeline (image linking) adds its objects as extra
# prerequisites of $(KSHC) and its libraries to KSHC_EXTRA_LIBS.

# The emit-c output compiles, links with the kernel's validator and passes
# it, for every example and pass case; output is byte-identical.
SUITES += tap:tests/kshc/emit-validate.sh:300

# Pass/fail corpora with exact diagnostics, robustness inputs; run with
# the sanitizer build.
SUITES += tap:tests/kshc/corpus.sh:300

# Golden outputs of the examples, JSON schema, Graphviz, -M, exit codes.
SUITES += tap:tests/kshc/golden.sh:300

# Editor syntax files (dsl/editors) against the lexer's keyword list.
SUITES += tap:tests/kshc/editor-syntax.sh:120

# kshc --help, the man page and README agree on options and exit codes.
SUITES += tap:tests/kshc/docs-agree.sh:60

# ---- Fuzzing --------------------------------------------------------------
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
	-Ikernel/include $(KSHC_FLAGS) -Wno-unknown-warning-option
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

# make bench: kshc time, peak RSS and table sizes on synthetic systems.
BENCHES += tests/kshc/bench.sh
