# The Linux guest payload (images/linux/) booted directly under QEMU, and
# its reproducibility.
SUITE_DEPS += $(LINUX_VMLINUZ) $(LINUX_INITRD)
# Timeouts leave room for a loaded machine (boot.sh took 10 s on a quiet
# one, up to 100 s when other emulators shared the two cores).
SUITES += tap:tests/linux/boot.sh:180 tap:tests/linux/repro.sh:120
