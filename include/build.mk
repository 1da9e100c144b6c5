# The public ABI (include/ksh/): what kshc, native domains and Linux user
# space share with the kernel. Installed to $(INCDIR) and, as the headers
# tables.c is compiled against, into kshc's runtime directory
# (ksh-compiler/image/build.mk). Kernel internals (kernel/include/) are
# never installed.
PUBLIC_HEADERS := $(sort $(wildcard include/ksh/*.h))
INSTALL_FILES += $(foreach h,$(PUBLIC_HEADERS),$(h):$(h):0644)
