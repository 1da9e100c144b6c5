# Linux guest payload (images/linux/README.md): Debian's stock bzImage and
# a deterministic busybox initramfs. `make linux-image` downloads the
# locked packages once (apt-get download into images/linux/cache/) and
# builds into $(BUILD)/images/linux/. Not part of `all`; `make check`
# builds it for the boot and reproducibility suites.
LINUX_IMG_DIR := $(BUILD)/images/linux
LINUX_VMLINUZ := $(LINUX_IMG_DIR)/vmlinuz
LINUX_INITRD  := $(LINUX_IMG_DIR)/initramfs.cpio.gz
LINUX_IMG_INPUTS := $(addprefix images/linux/,packages.lock modules.list \
	init build.sh fetch.sh modinfo.sh) $(KSHCHAN_BIN)

.PHONY: linux-image
linux-image: $(LINUX_VMLINUZ) $(LINUX_INITRD)

$(LINUX_VMLINUZ) $(LINUX_INITRD) &: $(LINUX_IMG_INPUTS) | deps
	$(Q)KSHCHAN_BIN=$(KSHCHAN_BIN) images/linux/build.sh $(LINUX_IMG_DIR)

SUITE_DEPS += $(LINUX_VMLINUZ) $(LINUX_INITRD)
# Timeouts leave room for a loaded machine (boot.sh took 10 s on a quiet
# one, up to 100 s when other emulators shared the two cores).
SUITES += tap:tests/linux/boot.sh:180 tap:tests/linux/repro.sh:120
