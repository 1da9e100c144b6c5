# shellcheck shell=bash
# The checks of examples/linux.ksh's boot, shared by the QEMU/SVM suite
# (tests/boot/linux_dom.sh) and the Bochs/VMX one (tests/bochs/linux-bochs.sh):
#
#   linux_example_checks SERIAL_LOG IMAGE_DIR [LABEL]
#
# SERIAL_LOG is the serial log without CRs, IMAGE_DIR the Linux image
# (for kernel-release), LABEL a prefix for the first check's text. Prints
# seven TAP lines through tests/lib/tap.sh (tap_check), which the caller
# sources.

# The output of ksh.run command N, without the domain prefix.
linux_run_out() { # LOG N
	sed -n "/^\[linux\] KSH-RUN-BEGIN $2\$/,/^\[linux\] KSH-RUN-END $2 /p" \
		"$1" | sed -e '1d' -e 's/^\[linux\] //'
}

linux_example_checks() { # LOG IMAGE_DIR [LABEL]
	local clean=$1 img=$2 label=${3:-} rel
	grep -q '^\[linux\] KSH-LINUX-READY$' "$clean"
	tap_check $? "${label}the stock kernel reaches its initramfs (KSH-LINUX-READY)"
	rel=$(cat "$img/kernel-release" 2>/dev/null)
	linux_run_out "$clean" 1 |
		grep -q "^Linux (none) ${rel:-none} .* x86_64 GNU/Linux\$" &&
		linux_run_out "$clean" 1 | grep -qx 'KSH-RUN-END 1 rc=0'
	tap_check $? "uname -a names the kernel release of the image ($rel)"
	[ "$(linux_run_out "$clean" 2)" = "42
KSH-RUN-END 2 rc=0" ]
	tap_check $? "busybox arithmetic: echo \$((6*7)) gives 42"
	[ "$(linux_run_out "$clean" 3)" = "KSH-RUN-END 3 rc=1" ]
	tap_check $? "/proc/cpuinfo shows no apic, x2apic, mtrr, monitor, svm or vmx flag"
	! grep -Ei 'Oops|BUG:|Call Trace|Kernel panic|unchecked MSR' "$clean" >&2
	tap_check $? "no oops, BUG, call trace, panic or unchecked MSR access in the log"
	grep -q '^ksh: domain linux stopped: the guest asked for a system reset' \
		"$clean" && grep -q '^\[linux\] .*reboot: Restarting system' "$clean"
	tap_check $? "reboot -f reaches ksh as a reset request that stops the domain"
	grep -q '^ksh: domain linux: [0-9]* ms, exits: .*io=[0-9]*.*interrupts injected [1-9]' \
		"$clean" && grep -q '^ksh: no domain left to run' "$clean"
	tap_check $? "exit counts by reason logged; the machine stops after the domain"
	grep '^ksh: domain linux: [0-9]* ms, exits' "$clean" | sed 's/^/# /'
	grep -q KSH-LINUX-READY "$clean" || tail -n 30 "$clean" | sed 's/^/# /' >&2
}
