# Tests of the image stage of kshc (ksh-compiler/image/, tests/image/).

# Host unit tests of the pure parts (PE parser, DER writer) and of the
# signature structure, built with the sanitizers.
IMAGE_UNIT_SRCS := $(wildcard tests/image/unit/*.c)
IMAGE_UNIT_BIN := $(BUILD)/tests/image-unit-tests
$(IMAGE_UNIT_BIN): $(patsubst %.c,$(BUILD)/san/%.o,$(IMAGE_UNIT_SRCS) $(IMAGE_SRCS))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) $(SAN_FLAGS) -o $@ $^ -lcriterion $(IMAGE_LIBS)
$(BUILD)/san/tests/image/unit/%.o: SAN_ALL_CFLAGS += -Iksh-compiler/image

ALL += $(IMAGE_UNIT_BIN)
SUITES += criterion:$(IMAGE_UNIT_BIN)

# Test fixture: a tiny GNU-EFI application that prints one line on COM1 and
# leaves QEMU through isa-debug-exit (tests/image/fixtures/hello_app.c).
IMAGE_FIXTURE := $(BUILD)/tests/image/hello_app.efi
$(BUILD)/tests/image/hello_app.so: $(BUILD)/efi/tests/image/fixtures/hello_app.o
	@mkdir -p $(@D)
	$(Q)$(LD) -nostdlib -znocombreloc -T $(EFI_LIB)/elf_x86_64_efi.lds \
		-shared -Bsymbolic $(EFI_LIB)/crt0-efi-x86_64.o $^ -o $@ \
		-L$(EFI_LIB) -lefi -lgnuefi
$(IMAGE_FIXTURE): $(BUILD)/tests/image/hello_app.so
	$(Q)$(OBJCOPY) -j .text -j .sdata -j .data -j .rodata -j .dynamic \
		-j .dynsym -j .rel -j .rela -j '.rela.*' -j .reloc \
		--target efi-app-x86_64 --subsystem=10 $< $@

ALL += $(IMAGE_FIXTURE)

# Test driver of the image stage (tests/image/build_driver.c).
IMAGE_DRIVER := $(BUILD)/tests/image/image-build-driver
$(IMAGE_DRIVER): $(BUILD)/host/tests/image/build_driver.o $(IMAGE_HOST_OBJS)
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^ $(IMAGE_LIBS)
$(BUILD)/host/tests/image/build_driver.o: HOST_ALL_CFLAGS += -Iksh-compiler/image
ALL += $(IMAGE_DRIVER)
SUITES += tap:tests/image/sign.sh:300
SUITES += tap:tests/image/secureboot.sh:900
SUITES += tap:tests/image/build.sh:300

IMAGE_FIND_BYTES := $(BUILD)/tests/image/find-bytes
$(IMAGE_FIND_BYTES): $(BUILD)/host/tests/image/find_bytes.o
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
ALL += $(IMAGE_FIND_BYTES)

# End to end: kshc with the kernel library, and the benchmark.
SUITES += tap:tests/image/kshc.sh:900
SUITES += tap:tests/image/kshc-secureboot.sh:900
BENCHES += tests/image/bench.sh
