# Blocking waits and the memory-channel record ring: blocking EVENT_WAIT
# and CHAN_RECV (kernel/chan/chan_hcall.c, kernel/core/sched.c) and the
# ring library (runtime/ring/build.mk). Boot suites tests/boot/ev_*.sh,
# booting tests/boot/ev_*.ksh with the guests tests/guests/ev_*.c.
# The unit tests' ring writer/reader race uses threads.
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
