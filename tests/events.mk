# Blocking waits and the memory-channel record ring (issue #7):
#  - runtime/ring/ring.c: the ring library (ksh/rt/ring.h), freestanding;
#    archived into the native runtime and unit-tested on the host
#    (tests/unit/test_ring*.c);
#  - blocking EVENT_WAIT / CHAN_RECV live in kernel/core/chan_hcall.c
#    (unit tests tests/unit/test_chan_wait.c) and kernel/core/sched.c;
#  - boot suites tests/boot/ev_*.sh, booting tests/boot/ev_*.ksh with the
#    guests tests/guests/ev_*.c.
RING_SRC := runtime/ring/ring.c
UNIT_UNDER_TEST += $(RING_SRC)
# In libksh-native.a: its rule archives every prerequisite ($^).
$(RT_NATIVE_LIB): $(BUILD)/guest/runtime/ring/ring.o
# The unit tests' writer/reader race uses threads.
UNIT_LIBS += -lpthread

EV_GUEST_NAMES := ev_waiter ev_sender ev_producer ev_consumer
EV_GUEST_ELFS := $(EV_GUEST_NAMES:%=$(GUESTS_DIR)/%.elf)
ALL += $(EV_GUEST_ELFS)
# The ring guests map the memory channel window beyond their RAM.
$(GUESTS_DIR)/ev_producer.elf $(GUESTS_DIR)/ev_consumer.elf: \
	$(GUEST_OBJ)/guest_paging.o
.SECONDARY: $(EV_GUEST_NAMES:%=$(GUEST_OBJ)/%.o)

SUITES += tap:tests/boot/ev_wait.sh:300
SUITES += tap:tests/boot/ev_stream.sh:300
BOCHS_SUITES += tap:tests/boot/ev_bochs.sh:1500
