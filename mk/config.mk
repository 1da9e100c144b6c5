# Toolchains and flags shared by every component.
#
# Four kinds of object are built, each under its own folder of $(BUILD):
#   host/   kshc and host unit tests (hosted C, glibc)
#   san/    the same sources with AddressSanitizer + UBSan, for `make check`
#   efi/    the kernel and the UEFI entry (freestanding, GNU-EFI ABI)
#   guest/  native domains and their runtime (freestanding, no PIC)

CC        ?= cc
HOST_CC   ?= $(CC)
BISON     ?= bison
FLEX      ?= flex
AR        ?= ar
OBJCOPY   ?= objcopy
LD        ?= ld

# A considered warning list: everything that has caught real bugs in
# table-driven C, none that forces noise (no -Wpedantic on GNU extensions
# the kernel needs; no -Wconversion, which flags every uint8_t arithmetic).
WARN := -Wall -Wextra -Werror \
	-Wshadow -Wpointer-arith -Wcast-qual -Wwrite-strings \
	-Wstrict-prototypes -Wmissing-prototypes -Wmissing-declarations \
	-Wold-style-definition -Wundef -Wformat=2 -Wformat-truncation=2 \
	-Wdouble-promotion -Wvla -Wimplicit-fallthrough \
	-Wmissing-include-dirs \
	-Wredundant-decls -Wnested-externs \
	-Wlogical-op -Wduplicated-cond -Wduplicated-branches

DEPFLAGS := -MMD -MP

# Include folders, and which build kind sees which (ARCHITECTURE.md):
#   include/          the public ABI: table format, hypercalls, native start
#                     contract, channel-device registers (installed)
#   runtime/include/  the native runtime, ksh/rt/*.h (installed)
#   kernel/include/   kernel internals, ksh/*.h and arch/*.h (never installed)
# kshc and host tools see the public ABI only; native guests the public ABI
# and the runtime; the kernel the public ABI and its internals. A folder
# whose objects need more says so with $(call sees,...) in its fragment.
PUBLIC_INCLUDES := -Iinclude
RT_INCLUDES := -Iruntime/include
KERNEL_INCLUDES := -Ikernel/include

# $(eval $(call sees,FOLDER,INCLUDES)): host and sanitizer objects of the
# sources under FOLDER also see INCLUDES (beside the public ABI).
define sees
$$(BUILD)/host/$(1)/%.o: HOST_ALL_CFLAGS += $(2)
$$(BUILD)/san/$(1)/%.o: SAN_ALL_CFLAGS += $(2)
endef

HOST_CFLAGS ?= -O2 -g
HOST_ALL_CFLAGS := -std=gnu11 $(WARN) $(DEPFLAGS) $(PUBLIC_INCLUDES) -D_GNU_SOURCE \
	-fno-strict-aliasing $(HOST_CFLAGS)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
SAN_ALL_CFLAGS := $(HOST_ALL_CFLAGS) -O1 $(SAN_FLAGS)

# UEFI application objects (see shared notes: GNU-EFI build on Debian).
EFI_INC := /usr/include/efi
EFI_LIB := /usr/lib
EFI_ALL_CFLAGS := -std=gnu11 $(WARN) $(DEPFLAGS) $(PUBLIC_INCLUDES) \
	$(KERNEL_INCLUDES) \
	-I$(EFI_INC) -I$(EFI_INC)/x86_64 -DKSH_KERNEL \
	-fpic -ffreestanding -fno-stack-protector -fno-stack-check \
	-fshort-wchar -mno-red-zone -maccumulate-outgoing-args \
	-mno-mmx -mno-sse -mno-sse2 -mno-avx -mgeneral-regs-only \
	-fno-strict-aliasing -DEFI_FUNCTION_WRAPPER -O2 -g

# Native domain objects: freestanding long-mode code linked at a fixed
# guest-physical address (include/ksh/native.h). Code model: native
# ELFs are linked at 1 MiB, so every symbol lies in the low 2 GiB, which is
# the definition of the small model (SysV x86-64 psABI 3.5.1); the kernel
# model is for code in the top 2 GiB (negative addresses), lets the compiler
# fold positive offsets into sign-extended R_X86_64_32S relocations, and
# gives longer encodings (mov $sym,%r64 instead of mov $sym,%r32).
GUEST_ALL_CFLAGS := -std=gnu11 $(WARN) $(DEPFLAGS) $(PUBLIC_INCLUDES) \
	$(RT_INCLUDES) \
	-ffreestanding -fno-pic -fno-pie -fno-stack-protector -mno-red-zone \
	-mgeneral-regs-only -mcmodel=small -fno-strict-aliasing -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) -O2 -g -DKSH_GUEST

# Generic compile rules: the source path is mirrored under the kind folder.
$(BUILD)/host/%.o: %.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_ALL_CFLAGS) -I$(dir $<) -c $< -o $@
$(BUILD)/san/%.o: %.c | deps
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_ALL_CFLAGS) -I$(dir $<) -c $< -o $@
$(BUILD)/efi/%.o: %.c | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(EFI_ALL_CFLAGS) -c $< -o $@
$(BUILD)/efi/%.o: %.S | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(EFI_ALL_CFLAGS) -c $< -o $@
$(BUILD)/guest/%.o: %.c | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(GUEST_ALL_CFLAGS) -c $< -o $@
$(BUILD)/guest/%.o: %.S | deps
	@mkdir -p $(@D)
	$(Q)$(CC) $(GUEST_ALL_CFLAGS) -c $< -o $@
