# Exception and instruction storms at the guest->kernel boundary
# (tests/guests/hostile_trap.c): #DB, #AC, WBINVD/WBNOINVD and RDPRU must
# exit and be reflected or dropped. Built by runtime/native.mk's pattern
# rule; booted by tests/boot/cases/hostile_trap.ksh (QEMU, in the boot
# suite) and tests/bochs/cases/hostile_trap_bochs.ksh (make check-bochs).
$(BUILD)/guests/hostile_trap.elf: \
	$(BUILD)/guest/tests/guests/hostile_trap_entry.o \
	$(BUILD)/guest/tests/guests/guest_user.o \
	$(BUILD)/guest/tests/guests/guest_ring3.o \
	$(BUILD)/guest/tests/guests/guest_paging.o
ALL += $(BUILD)/guests/hostile_trap.elf
.SECONDARY: $(BUILD)/guest/tests/guests/hostile_trap.o
