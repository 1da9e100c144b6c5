# The ksh channel device in Linux domains: model kernel/devices/chandev.c
# (unit tests tests/unit/test_dev_chan.c, fuzz harness tests/fuzz/
# dev_chan.c, wired through tests/fuzz.mk), kernel glue
# kernel/chan/chan_dev.c, and a boot test in which a Linux domain talks
# to a native peer over message and memory channels from user space.
ALL += $(BUILD)/guests/chandev_peer.elf
.SECONDARY: $(BUILD)/guest/tests/guests/chandev_peer.o
# It maps the memory channel window beyond its RAM.
$(GUESTS_DIR)/chandev_peer.elf: $(GUEST_OBJ)/guest_paging.o
SUITES += tap:tests/boot/chandev_linux.sh:600
# BAR moves in a loop against the per-domain page-table reserves.
SUITES += tap:tests/boot/chandev_linux_moves.sh:900
