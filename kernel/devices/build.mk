# Emulated device models (runtime/devices/, interface runtime/include/ksh/
# vdev*.h). Pure C with no hardware access: built for the host unit tests
# and fuzzers, and with the kernel's freestanding flags into
# libksh-devices.a, which the kernel links (RUNTIME_DEVICE_SRCS names the
# sources for anyone who links them another way).

RUNTIME_DEVICE_SRCS := \
	runtime/devices/vdev_bus.c \
	runtime/devices/pic.c \
	runtime/devices/pit.c \
	runtime/devices/uart.c \
	runtime/devices/rtc.c \
	runtime/devices/pci_cfg.c \
	runtime/devices/pci_host.c \
	runtime/devices/post.c \
	runtime/devices/i8042.c \
	runtime/devices/ne2k.c \
	runtime/devices/ide.c \
	runtime/devices/chandev.c

UNIT_UNDER_TEST += $(RUNTIME_DEVICE_SRCS)

RUNTIME_DEVICES_LIB := $(BUILD)/efi/libksh-devices.a
RUNTIME_DEVICE_EFI_OBJS := $(patsubst %.c,$(BUILD)/efi/%.o,$(RUNTIME_DEVICE_SRCS))

$(RUNTIME_DEVICES_LIB): $(RUNTIME_DEVICE_EFI_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

ALL += $(RUNTIME_DEVICES_LIB)

# ---- fuzzing ---------------------------------------------------------------
# One libFuzzer harness per model (tests/fuzz/dev_*.c, sharing
# tests/fuzz/dev_fuzz.h). `make fuzz-devices` runs each for FUZZ_SECONDS,
# growing a work corpus under $(BUILD) from the kept one, then merges what
# adds coverage back into tests/fuzz/corpus/dev_*; crash inputs land in
# tests/fuzz/crashes/dev_*/. `make check` replays both folders with
# sanitizer-built replay binaries (no libFuzzer needed).

DEV_FUZZ_MODELS := pic pit uart rtc pci legacy ne2k ide chan
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
DEV_FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror $(INCLUDES) \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
DEV_FUZZ_BINS := $(DEV_FUZZ_MODELS:%=$(BUILD)/fuzz/dev_%)
DEV_REPLAY_BINS := $(DEV_FUZZ_MODELS:%=$(BUILD)/tests/fuzz-replay/dev_%)
RUNTIME_DEVICE_SAN_OBJS := $(patsubst %.c,$(BUILD)/san/%.o,$(RUNTIME_DEVICE_SRCS))

$(BUILD)/fuzz/dev_%: tests/fuzz/dev_%.c tests/fuzz/dev_fuzz.h \
		$(RUNTIME_DEVICE_SRCS) $(wildcard runtime/include/ksh/vdev*.h) | deps
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(DEV_FUZZ_CFLAGS) -o $@ $< $(RUNTIME_DEVICE_SRCS)

$(BUILD)/tests/fuzz-replay/dev_%: $(BUILD)/san/tests/fuzz/dev_%.o \
		$(BUILD)/san/tests/fuzz/replay.o $(RUNTIME_DEVICE_SAN_OBJS)
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
