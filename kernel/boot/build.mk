# The UEFI entry (kernel/boot/): loads and checks payloads with boot
# services, then hands the machine to kernel/core/main.c.
KERNEL_SRCS += $(wildcard kernel/boot/*.c)

# GNU-EFI's headers do not pass our warning list (-Wundef, old-style
# prototypes): the UEFI entry includes them as system headers (GCC drops
# the -I of a directory also given with -isystem).
$(BUILD)/efi/kernel/boot/%.o: EFI_ALL_CFLAGS += -isystem $(EFI_INC) \
	-isystem $(EFI_INC)/x86_64
