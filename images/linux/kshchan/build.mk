# libkshchan and the `kshchan` tool (images/linux/kshchan/): Linux user
# space for ksh channel devices (runtime/include/ksh/chandev_regs.h).
# The library is pure C over a register ops struct, so its sources join
# the host unit tests (tests/unit/test_kshchan_*.c, against a fake
# device); the tool is linked static (glibc's libc.a from libc6-dev) so
# the busybox initramfs needs no shared libraries: images/linux/build.sh
# copies $(KSHCHAN_BIN) to /bin/kshchan.
KSHCHAN_DIR := images/linux/kshchan
KSHCHAN_LIB_SRCS := $(addprefix $(KSHCHAN_DIR)/,kshchan.c kshchan_err.c \
	kshchan_sysfs.c kshchan_data.c kshchan_cli.c kshchan_ring.c)
KSHCHAN_BIN := $(BUILD)/images/kshchan/kshchan

UNIT_UNDER_TEST += $(KSHCHAN_LIB_SRCS)
# The unit tests include the library's headers by name.
$(BUILD)/san/tests/unit/test_kshchan_%.o: SAN_ALL_CFLAGS += -I$(KSHCHAN_DIR)
$(BUILD)/san/tests/unit/kshchan_%.o: SAN_ALL_CFLAGS += -I$(KSHCHAN_DIR)

# -s and no build ID: the binary goes into the deterministic initramfs,
# and debug info would carry this checkout's path into it.
# The record ring is runtime/ring/ring.c, the native domains' own code
# (already in UNIT_UNDER_TEST through tests/events.mk).
$(KSHCHAN_BIN): $(patsubst %.c,$(BUILD)/host/%.o,$(KSHCHAN_LIB_SRCS) \
		$(KSHCHAN_DIR)/main.c runtime/ring/ring.c)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -static -s -Wl,--build-id=none -o $@ $^

.PHONY: kshchan
kshchan: $(KSHCHAN_BIN)
ALL += $(KSHCHAN_BIN)
SUITES += tap:tests/kshchan/cli.sh:60 tap:tests/kshchan/guest.sh:180
# The key store with a Linux client (examples/keystore_linux.ksh) under
# QEMU SVM: Linux boots in about 80 s alone, minutes on a loaded machine.
SUITES += tap:tests/kshchan/keystore_linux.sh:600
# A Linux reader of a native writer's record ring (tests/kshchan/
# ring_linux.ksh; the writer is ev_producer of tests/events.mk).
SUITES += tap:tests/kshchan/ring_linux.sh:600
