# The FPU isolation guests (tests/guests/fpu_*.c), built like the other
# test guests (tests/guests.mk's pattern rule) and booted by
# tests/boot/cases/fpu_isolation.ksh.
FPU_GUEST_NAMES := fpu_secret fpu_spy
FPU_GUEST_ELFS := $(FPU_GUEST_NAMES:%=$(BUILD)/guests/%.elf)

ALL += $(FPU_GUEST_ELFS)
.SECONDARY: $(FPU_GUEST_NAMES:%=$(BUILD)/guest/tests/guests/%.o)
