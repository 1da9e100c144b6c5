# Linux domains (kernel/core/linux_dom.c, msr_emul.c; ksh/vdom.h): the
# kernel instantiates the emulated PC devices of runtime/devices, so their
# freestanding objects go into libksh-kernel.a too (the image links only
# that library). The list is taken from the folder here because
# runtime/devices.mk is read after this fragment.
LINUXDOM_DEVICE_EFI_OBJS := $(patsubst %.c,$(BUILD)/efi/%.o,\
	$(sort $(wildcard runtime/devices/*.c)))
$(KERNEL_LIB): $(LINUXDOM_DEVICE_EFI_OBJS)

# msr_emul.c and insn_dr.c are pure: host unit tests
# (tests/unit/test_msr_emul.c, test_insn_dr.c).
UNIT_UNDER_TEST += kernel/core/msr_emul.c kernel/core/insn_dr.c

# Boot tests of Linux domains under QEMU TCG + SVM (tests/boot/linux_*.sh);
# a stock kernel boot takes minutes on a loaded machine.
SUITES += tap:tests/boot/linux_dom.sh:600
SUITE_DEPS += $(BUILD)/images/linux/vmlinuz $(BUILD)/images/linux/initramfs.cpio.gz

# ticker: a native guest that keeps printing beside a Linux domain
# (tests/guests/ticker.c), built by runtime/native.mk's pattern rule.
ALL += $(BUILD)/guests/ticker.elf
.SECONDARY: $(BUILD)/guest/tests/guests/ticker.o
SUITES += tap:tests/boot/linux_mixed.sh:600
BENCHES += tests/boot/linux_bench.sh
