# Hostile guests of the CPU-state hardening (tests/guests/hostile_cr4.c),
# built by runtime/native.mk's pattern rule and booted by
# tests/boot/cases/hostile_cr4*.ksh.
HARDEN_GUEST_NAMES := hostile_cr4
HARDEN_GUEST_ELFS := $(HARDEN_GUEST_NAMES:%=$(BUILD)/guests/%.elf)

$(BUILD)/guests/hostile_cr4.elf: $(BUILD)/guest/tests/guests/guest_trap.o \
	$(BUILD)/guest/tests/guests/guest_trap_entry.o

ALL += $(HARDEN_GUEST_ELFS)
.SECONDARY: $(HARDEN_GUEST_NAMES:%=$(BUILD)/guest/tests/guests/%.o)
