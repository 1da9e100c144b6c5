# Console output under load (kernel/core/console_out.c): the test guest
# tests/guests/con_flood.c (built by tests/guests.mk)
# floods the console, keeps a heartbeat, or alternates refused calls;
# tests/boot/console_flood.sh boots it beside other domains under QEMU.
ALL += $(BUILD)/guests/con_flood.elf
.SECONDARY: $(BUILD)/guest/tests/guests/con_flood.o
SUITES += tap:tests/boot/console_flood.sh:900
