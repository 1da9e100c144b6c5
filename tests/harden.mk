# Hostile guests of the CPU-state hardening (tests/guests/hostile_cr4.c,
# hostile_virt.c), built by tests/guests.mk's pattern rule and booted by
# tests/boot/harden/*.ksh (QEMU) and tests/bochs/cases/hostile_*.ksh.
HARDEN_GUEST_NAMES := hostile_cr4 hostile_virt
HARDEN_GUEST_ELFS := $(HARDEN_GUEST_NAMES:%=$(BUILD)/guests/%.elf)

HARDEN_TRAP_OBJS := $(BUILD)/guest/tests/guests/guest_trap.o \
	$(BUILD)/guest/tests/guests/guest_trap_entry.o
$(BUILD)/guests/hostile_cr4.elf $(BUILD)/guests/hostile_virt.elf: \
	$(HARDEN_TRAP_OBJS)

ALL += $(HARDEN_GUEST_ELFS)
.SECONDARY: $(HARDEN_GUEST_NAMES:%=$(BUILD)/guest/tests/guests/%.o)

# The stack protector test guest (tests/guests/stack_guard.c): its own
# code is built with the protector on every function, against the canary
# the runtime loads (ksh/rt/stack_guard.h); booted by
# tests/boot/cases/stack_guard.ksh and run under native_host.
HARDEN_GUEST_ELFS += $(BUILD)/guests/stack_guard.elf
ALL += $(BUILD)/guests/stack_guard.elf
$(BUILD)/guest/tests/guests/stack_guard.o: GUEST_ALL_CFLAGS += \
	-fstack-protector-all
.SECONDARY: $(BUILD)/guest/tests/guests/stack_guard.o

# The boot cases of tests/boot/harden/ under QEMU TCG + SVM.
SUITES += tap:tests/boot/harden-tests.sh:1500

# Every indirect branch of the kernel library is a retpoline thunk call
# (kernel/build.mk, RETPOLINE_CFLAGS).
SUITES += tap:tests/indirect-branches.sh:300
