# ksh-compiler/image: the image back end of kshc (Authenticode signing, and
# later compile + link + embed), also built as the standalone `ksh-sign`.
#
# IMAGE_SRCS are linked into kshc (with IMAGE_LIBS) and into ksh-sign.

IMAGE_SIGN_SRCS := ksh-compiler/image/pe.c ksh-compiler/image/der.c \
	ksh-compiler/image/authenticode.c ksh-compiler/image/keys.c \
	ksh-compiler/image/image_sign.c
IMAGE_SRCS := $(IMAGE_SIGN_SRCS) ksh-compiler/image/run.c \
	ksh-compiler/image/tmpdir.c ksh-compiler/image/payload_list.c \
	ksh-compiler/image/image_build.c ksh-compiler/image/image_cli.c
IMAGE_LIBS := -lcrypto
IMAGE_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(IMAGE_SRCS))

KSH_SIGN := $(BUILD)/bin/ksh-sign
$(KSH_SIGN): $(BUILD)/host/ksh-compiler/image/ksh_sign.o \
		$(patsubst %.c,$(BUILD)/host/%.o,$(IMAGE_SIGN_SRCS))
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^ $(IMAGE_LIBS)

ALL += $(KSH_SIGN)
INSTALL_FILES += $(KSH_SIGN):bin/ksh-sign:0755

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

# The runtime directory kshc links against, staged in the build tree at
# $(BUILD)/lib/ksh (../lib/ksh from $(BUILD)/bin/kshc) and installed to
# $(LIBDIR) (../lib/ksh from $(BINDIR)/kshc), same layout in both:
#   libksh-kernel.a   the kernel (kernel/build.mk)
#   include/ksh/*.h   the table format and the headers tables.c may use
#   efi/              GNU-EFI start file, linker script and libraries, and
#                     BearSSL, so a sysroot can bring its own
KSH_RUNTIME := $(BUILD)/lib/ksh
IMAGE_EFI_FILES := $(EFI_LIB)/crt0-efi-x86_64.o $(EFI_LIB)/elf_x86_64_efi.lds \
	$(EFI_LIB)/libefi.a $(EFI_LIB)/libgnuefi.a \
	/usr/lib/x86_64-linux-gnu/libbearssl.a
IMAGE_RT_HEADERS := $(wildcard kernel/include/ksh/*.h)
IMAGE_RUNTIME_FILES := \
	$(addprefix $(KSH_RUNTIME)/efi/,$(notdir $(IMAGE_EFI_FILES))) \
	$(patsubst kernel/include/%,$(KSH_RUNTIME)/include/%,$(IMAGE_RT_HEADERS))
ifneq ($(KERNEL_LIB),)
IMAGE_RUNTIME_FILES += $(KSH_RUNTIME)/libksh-kernel.a
$(KSH_RUNTIME)/libksh-kernel.a: $(KERNEL_LIB)
	@mkdir -p $(@D)
	$(Q)cp $< $@
endif
define image_copy_rule
$(KSH_RUNTIME)/efi/$(notdir $(1)): $(1) | deps
	@mkdir -p $$(@D)
	$$(Q)cp $$< $$@
endef
$(foreach f,$(IMAGE_EFI_FILES),$(eval $(call image_copy_rule,$(f))))
$(KSH_RUNTIME)/include/%.h: kernel/include/%.h
	@mkdir -p $(@D)
	$(Q)cp $< $@

ALL += $(IMAGE_RUNTIME_FILES)
INSTALL_FILES += $(foreach f,$(IMAGE_RUNTIME_FILES),\
	$(f):lib/ksh/$(patsubst $(KSH_RUNTIME)/%,%,$(f)):0644)

IMAGE_FIND_BYTES := $(BUILD)/tests/image/find-bytes
$(IMAGE_FIND_BYTES): $(BUILD)/host/tests/image/find_bytes.o
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
ALL += $(IMAGE_FIND_BYTES)

# kshc links the image stage; the end-to-end suites and the benchmark need
# kshc and the kernel library (ksh-compiler/build.mk, kernel/build.mk).
ifneq ($(KSHC),)
$(KSHC): $(IMAGE_HOST_OBJS)
$(KSHC_SAN): $(patsubst %.c,$(BUILD)/san/%.o,$(IMAGE_SRCS))
ifneq ($(KERNEL_LIB),)
SUITES += tap:tests/image/kshc.sh:900
SUITES += tap:tests/image/kshc-secureboot.sh:900
BENCHES += tests/image/bench.sh
endif
endif
