# ksh-compiler/image: the image back end of kshc (compile, link and embed
# the generated tables, Authenticode signing), also built as the
# standalone `ksh-sign`.
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

# The runtime directory kshc links against, staged in the build tree at
# $(BUILD)/lib/ksh (../lib/ksh from $(BUILD)/bin/kshc) and installed to
# $(LIBDIR) (../lib/ksh from $(BINDIR)/kshc), same layout in both:
#   libksh-kernel.a   the kernel (kernel/build.mk)
#   include/ksh/*.h   the public ABI (include/ksh/), which tables.c uses
#   efi/              GNU-EFI start file, linker script and libraries, and
#                     BearSSL, so a sysroot can bring its own
KSH_RUNTIME := $(BUILD)/lib/ksh
IMAGE_EFI_FILES := $(EFI_LIB)/crt0-efi-x86_64.o $(EFI_LIB)/elf_x86_64_efi.lds \
	$(EFI_LIB)/libefi.a $(EFI_LIB)/libgnuefi.a \
	/usr/lib/x86_64-linux-gnu/libbearssl.a
IMAGE_RT_HEADERS := $(PUBLIC_HEADERS)
IMAGE_RUNTIME_FILES := \
	$(addprefix $(KSH_RUNTIME)/efi/,$(notdir $(IMAGE_EFI_FILES))) \
	$(patsubst include/%,$(KSH_RUNTIME)/include/%,$(IMAGE_RT_HEADERS))
IMAGE_RUNTIME_FILES += $(KSH_RUNTIME)/libksh-kernel.a
$(KSH_RUNTIME)/libksh-kernel.a: $(KERNEL_LIB)
	@mkdir -p $(@D)
	$(Q)cp $< $@
define image_copy_rule
$(KSH_RUNTIME)/efi/$(notdir $(1)): $(1) | deps
	@mkdir -p $$(@D)
	$$(Q)cp $$< $$@
endef
$(foreach f,$(IMAGE_EFI_FILES),$(eval $(call image_copy_rule,$(f))))
$(KSH_RUNTIME)/include/%.h: include/%.h
	@mkdir -p $(@D)
	$(Q)cp $< $@

ALL += $(IMAGE_RUNTIME_FILES)
INSTALL_FILES += $(foreach f,$(IMAGE_RUNTIME_FILES),\
	$(f):lib/ksh/$(patsubst $(KSH_RUNTIME)/%,%,$(f)):0644)

# kshc links the image stage (ksh-compiler/build.mk).
$(KSHC): $(IMAGE_HOST_OBJS)
$(KSHC_SAN): $(patsubst %.c,$(BUILD)/san/%.o,$(IMAGE_SRCS))
