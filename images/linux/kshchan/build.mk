# libkshchan and the `kshchan` tool (images/linux/kshchan/): Linux user
# space for ksh channel devices (include/ksh/chandev_regs.h).
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
# Linux user space: the public ABI and the ring of the native runtime.
$(eval $(call sees,$(KSHCHAN_DIR),$(RT_INCLUDES)))

# -s and no build ID: the binary goes into the deterministic initramfs,
# and debug info would carry this checkout's path into it.
# The record ring is runtime/ring/ring.c, the native domains' own code
# (runtime/ring/build.mk).
$(KSHCHAN_BIN): $(patsubst %.c,$(BUILD)/host/%.o,$(KSHCHAN_LIB_SRCS) \
		$(KSHCHAN_DIR)/main.c runtime/ring/ring.c)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -static -s -Wl,--build-id=none -o $@ $^

.PHONY: kshchan
kshchan: $(KSHCHAN_BIN)
ALL += $(KSHCHAN_BIN)
