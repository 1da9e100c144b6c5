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
# kshc sees the public ABI (include/ksh/tables.h) and its own headers.
KSHC_FLAGS := -I$(KSHC_DIR) -I$(KSHC_GEN) -DKSHC_VERSION=\"$(VERSION)\"

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
	$(KSHC_DIR)/kshc.1:share/man/man1/kshc.1:0644

# The image stage (ksh-compiler/image/build.mk) adds its objects as extra
# prerequisites of $(KSHC) and its libraries to KSHC_EXTRA_LIBS.
