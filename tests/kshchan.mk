# kshchan (images/linux/kshchan/): the unit tests include the library's
# headers by name; the suites run the tool against a fake device, inside
# a Linux domain, and with the key store and record ring examples.
$(BUILD)/san/tests/unit/test_kshchan_%.o: SAN_ALL_CFLAGS += -I$(KSHCHAN_DIR)
$(BUILD)/san/tests/unit/kshchan_%.o: SAN_ALL_CFLAGS += -I$(KSHCHAN_DIR)
SUITES += tap:tests/kshchan/cli.sh:60 tap:tests/kshchan/guest.sh:180
# The key store with a Linux client (examples/keystore_linux.ksh) under
# QEMU SVM: Linux boots in about 80 s alone, minutes on a loaded machine.
SUITES += tap:tests/kshchan/keystore_linux.sh:600
# A Linux reader of a native writer's record ring (tests/kshchan/
# ring_linux.ksh; the writer is ev_producer of tests/events.mk).
SUITES += tap:tests/kshchan/ring_linux.sh:600
