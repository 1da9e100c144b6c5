# Emulated device models (runtime/devices/, interface runtime/include/ksh/
# vdev*.h). Pure C with no hardware access: built for the host unit tests
# and fuzzers, and with the kernel's freestanding flags into
# libksh-devices.a, which the kernel links (RUNTIME_DEVICE_SRCS names the
# sources for anyone who links them another way).

RUNTIME_DEVICE_SRCS := \
	runtime/devices/vdev_bus.c \
	runtime/devices/pic.c \
	runtime/devices/pit.c \
	runtime/devices/uart.c \
	runtime/devices/rtc.c \
	runtime/devices/pci_cfg.c \
	runtime/devices/pci_host.c \
	runtime/devices/post.c \
	runtime/devices/i8042.c

UNIT_UNDER_TEST += $(RUNTIME_DEVICE_SRCS)

RUNTIME_DEVICES_LIB := $(BUILD)/efi/libksh-devices.a
RUNTIME_DEVICE_EFI_OBJS := $(patsubst %.c,$(BUILD)/efi/%.o,$(RUNTIME_DEVICE_SRCS))

$(RUNTIME_DEVICES_LIB): $(RUNTIME_DEVICE_EFI_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

ALL += $(RUNTIME_DEVICES_LIB)
