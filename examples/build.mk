# make demo: builds everything, then scripts/demo.sh compiles
# examples/hello.ksh with kshc and boots the image under QEMU (SVM + NPT,
# OVMF), showing the domains' output; it ends by itself, with status 0
# when every domain ran to its end.
demo: all
	$(Q)KSH_BUILD=$(BUILD) scripts/demo.sh
