# Linux guest payload (images/linux/README.md): Debian's stock bzImage and
# a deterministic busybox initramfs. `make linux-image` downloads the
# locked packages once (apt-get download into images/linux/cache/) and
# builds into $(BUILD)/images/linux/. Not part of `all`; `make check`
# builds it for the suites that boot it (tests/linux.mk and others).
LINUX_IMG_DIR := $(BUILD)/images/linux
LINUX_VMLINUZ := $(LINUX_IMG_DIR)/vmlinuz
LINUX_INITRD  := $(LINUX_IMG_DIR)/initramfs.cpio.gz
LINUX_IMG_INPUTS := $(addprefix images/linux/,packages.lock modules.list \
	init build.sh fetch.sh modinfo.sh) $(KSHCHAN_BIN)

.PHONY: linux-image
linux-image: $(LINUX_VMLINUZ) $(LINUX_INITRD)

$(LINUX_VMLINUZ) $(LINUX_INITRD) &: $(LINUX_IMG_INPUTS) | deps
	$(Q)KSHCHAN_BIN=$(KSHCHAN_BIN) images/linux/build.sh $(LINUX_IMG_DIR)

