# runtime/native: the library native domains link against (the test
# guests of tests/guests/ are built with it by tests/guests.mk).
#
#   $(BUILD)/guest/libksh-native.a    the library (ksh/rt/*.h)
#   runtime/native/native.ld          its linker script (1 MiB, ET_EXEC)
#
# RT_HC_INSN=auto|vmmcall|vmcall fixes the hypercall instruction at build
# time (default auto: chosen at run time from the CPUID vendor, see
# runtime/include/ksh/rt/hypercall.h). Changing it needs `make clean`.

RT_NATIVE_DIR := runtime/native
RT_NATIVE_LIB := $(BUILD)/guest/libksh-native.a
RT_NATIVE_LDS := $(RT_NATIVE_DIR)/native.ld
RT_NATIVE_SRCS := crt0.S start.c hypercall.c console.c check.c \
	check_format.c format.c string.c stack_guard.c canary_mix.c \
	stack_chk_fail.c handle.c
RT_NATIVE_OBJS := $(addprefix $(BUILD)/guest/$(RT_NATIVE_DIR)/, \
	$(patsubst %.S,%.o,$(RT_NATIVE_SRCS:.c=.o)))

RT_HC_INSN ?= auto
RT_HC_DEF_auto := KSH_RT_HC_AUTO
RT_HC_DEF_vmmcall := KSH_RT_HC_VMMCALL
RT_HC_DEF_vmcall := KSH_RT_HC_VMCALL
ifeq ($(RT_HC_DEF_$(RT_HC_INSN)),)
$(error RT_HC_INSN must be auto, vmmcall or vmcall, not '$(RT_HC_INSN)')
endif
# One section per function and object, so the link below drops what a
# guest does not use (--gc-sections).
$(BUILD)/guest/%.o: GUEST_ALL_CFLAGS += \
	-DKSH_RT_HC_INSN=$(RT_HC_DEF_$(RT_HC_INSN)) \
	-ffunction-sections -fdata-sections

$(RT_NATIVE_LIB): $(RT_NATIVE_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcsD $@ $^

# The pure parts, tested on the host (tests/unit/test_rt_*.c).
$(eval $(call sees,runtime,$(RT_INCLUDES)))
UNIT_UNDER_TEST += $(RT_NATIVE_DIR)/format.c $(RT_NATIVE_DIR)/string.c \
	$(RT_NATIVE_DIR)/hypercall.c $(RT_NATIVE_DIR)/handle.c \
	$(RT_NATIVE_DIR)/check_format.c $(RT_NATIVE_DIR)/canary_mix.c

ALL += $(RT_NATIVE_LIB)
# The library, its script and headers; ksh/rt/*.h include the public
# contract headers (include/build.mk installs them), so a native program
# builds against an installed tree alone.
INSTALL_FILES += $(RT_NATIVE_LIB):lib/ksh/libksh-native.a:0644 \
	$(RT_NATIVE_LDS):lib/ksh/native.ld:0644 \
	$(foreach h,$(wildcard runtime/include/ksh/rt/*.h),$(h):include/ksh/rt/$(notdir $(h)):0644)

# Native links: deterministic (no build id; ar D above), debug info
# stripped and unused sections dropped to keep payloads small (symbols
# stay, for reading RIPs in logs).
RT_NATIVE_LDFLAGS := -nostdlib -static -T $(RT_NATIVE_LDS) --build-id=none \
	-z max-page-size=4096 -z noexecstack --strip-debug --gc-sections

