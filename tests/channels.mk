# Channel test guests (tests/guests/chan_*.c, built by tests/guests.mk's
# pattern rule with the native runtime) and the channel boot suites
# (tests/boot/chan_*.sh, each booting tests/boot/chan_*.ksh under QEMU).
CHAN_GUEST_NAMES := chan_alice chan_bob chan_mallory chan_bping chan_bpong
CHAN_GUEST_ELFS := $(CHAN_GUEST_NAMES:%=$(GUESTS_DIR)/%.elf)
ALL += $(CHAN_GUEST_ELFS)
# Guests that map a memory channel window beyond their RAM.
$(GUESTS_DIR)/chan_bping.elf $(GUESTS_DIR)/chan_bpong.elf \
	$(GUESTS_DIR)/chan_mallory.elf $(GUESTS_DIR)/chan_alice.elf: \
	$(GUEST_OBJ)/guest_paging.o
.SECONDARY: $(CHAN_GUEST_NAMES:%=$(GUEST_OBJ)/%.o)

SUITES += tap:tests/boot/chan_hostile.sh:300

# The key store (examples/keystore.ksh): ks_keystore links Debian's
# libbearssl.a (built with stack protector, _FORTIFY_SOURCE and SSE:
# tests/guests/bearssl_glue.c supplies what it needs) and the raw P-256
# scalar of the test key examples/keystore-test-key.pem, cut from its
# ECPrivateKey DER (30 31 02 01 01 04 20 <32 bytes d> ..., RFC 5915).
KS_GUEST_NAMES := ks_keystore ks_client ks_intruder
KS_KEY_PEM := examples/keystore-test-key.pem
KS_KEY_BIN := $(BUILD)/guests/ks_key.bin
KS_KEY_OBJ := $(BUILD)/guest/ks_key.o
BEARSSL_LIB := /usr/lib/x86_64-linux-gnu/libbearssl.a

$(KS_KEY_BIN): $(KS_KEY_PEM) | deps
	@mkdir -p $(@D)
	$(Q)der=$$(openssl ec -in $< -no_public -outform DER 2>/dev/null | \
		od -An -v -tx1 | tr -d ' \n'); \
	case $$der in 3031020101042*) ;; \
	*) echo "$<: not a P-256 ECPrivateKey" >&2; exit 1;; esac; \
	printf '%s' "$$der" | cut -c15-78 | xxd -r -p >$@; \
	[ "$$(wc -c <$@)" -eq 32 ]
$(KS_KEY_OBJ): $(KS_KEY_BIN)
	@mkdir -p $(@D)
	$(Q)printf '%s\n' '.section .rodata' '.globl ks_private_key' \
		'ks_private_key:' '.incbin "$<"' \
		'.section .note.GNU-stack,"",@progbits' | \
		$(CC) -c -x assembler - -o $@

# bearssl.h from /usr/include, its <string.h> from the shim.
$(GUEST_OBJ)/ks_keystore.o $(GUEST_OBJ)/bearssl_glue.o: GUEST_ALL_CFLAGS += \
	-Itests/guests/bearssl-shim -idirafter /usr/include
$(GUESTS_DIR)/ks_keystore.elf: $(GUEST_OBJ)/ks_keystore.o \
	$(GUEST_OBJ)/bearssl_glue.o $(KS_KEY_OBJ) $(RT_NATIVE_LIB) \
	$(BEARSSL_LIB)
	@mkdir -p $(@D)
	$(Q)$(LD) $(RT_NATIVE_LDFLAGS) -o $@ $(filter %.o,$^) $(RT_NATIVE_LIB) \
		$(BEARSSL_LIB) $(RT_NATIVE_LIB)

ALL += $(KS_GUEST_NAMES:%=$(GUESTS_DIR)/%.elf)
.SECONDARY: $(KS_GUEST_NAMES:%=$(GUEST_OBJ)/%.o) $(GUEST_OBJ)/bearssl_glue.o
SUITES += tap:tests/boot/chan_keystore.sh:400

# make bench: message round trip and memory-channel bandwidth.
BENCHES += tests/boot/chan_bench.sh
