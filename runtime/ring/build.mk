# The memory-channel record ring (runtime/ring/ring.c, ksh/rt/ring.h):
# freestanding, archived into the native runtime, linked into kshchan
# (images/linux/kshchan/build.mk) and unit-tested on the host
# (tests/unit/test_ring*.c).
RING_SRC := runtime/ring/ring.c
UNIT_UNDER_TEST += $(RING_SRC)
# In libksh-native.a: its rule archives every prerequisite ($^).
$(RT_NATIVE_LIB): $(BUILD)/guest/runtime/ring/ring.o
