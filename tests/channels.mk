# Channel test guests (tests/guests/chan_*.c, built by runtime/native.mk's
# pattern rule with the native runtime) and the channel boot suites
# (tests/boot/chan_*.sh, each booting tests/boot/chan_*.ksh under QEMU).
CHAN_GUEST_NAMES := chan_alice chan_bob chan_mallory
CHAN_GUEST_ELFS := $(CHAN_GUEST_NAMES:%=$(GUESTS_DIR)/%.elf)
ALL += $(CHAN_GUEST_ELFS)
.SECONDARY: $(CHAN_GUEST_NAMES:%=$(GUEST_OBJ)/%.o)

SUITES += tap:tests/boot/chan_hostile.sh:300
