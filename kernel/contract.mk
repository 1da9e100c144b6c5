# The runtime's contract: $(BUILD)/lib/ksh/contract.json, written at build
# time from include/ksh/features.h (the list the kernel's table
# validator is compiled with) and installed beside the kernel library as
# PREFIX/lib/ksh/contract.json. `kshc -o` reads it from the runtime it
# links against (dsl/reference.md, "What the runtime enforces"). The
# generator is a host tool, mk/gen_contract.c: every C file under kernel/
# goes into the kernel library.
KSH_CONTRACT_GEN := $(BUILD)/tools/gen_contract
KSH_CONTRACT := $(BUILD)/lib/ksh/contract.json

$(KSH_CONTRACT_GEN): $(BUILD)/host/mk/gen_contract.o
	@mkdir -p $(@D)
	$(Q)$(HOST_CC) -o $@ $^
$(KSH_CONTRACT): $(KSH_CONTRACT_GEN) VERSION
	@mkdir -p $(@D)
	$(Q)$< $(VERSION) >$@.tmp && mv $@.tmp $@

ALL += $(KSH_CONTRACT)
INSTALL_FILES += $(KSH_CONTRACT):lib/ksh/contract.json:0644

# kshc -o against the runtime's contract.json (needs kshc and the kernel).
ifneq ($(KERNEL_LIB),)
SUITES += tap:tests/kshc/contract.sh:300
endif
