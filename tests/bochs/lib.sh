# Shared by the Bochs boot suite and benchmark (sourced, bash).
#
# Cases are .ksh systems with the directives of tests/boot/boot-tests.sh
# in their comments (boot-expect, boot-reject, boot-until). boot-cpu and
# boot-timeout are QEMU's and ignored here: the Bochs CPU model is the
# caller's choice, and a Bochs boot takes 20-30 s of CPU (KSH_BOCHS_TIMEOUT
# bounds each, default 1200 s of wall time for loaded machines). Images are built as kshc -o will: kshc --emit-c, then
# scripts/link-image.sh.

bochs_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bochs_root=$(cd "$bochs_here/../.." && pwd)
build=${KSH_BUILD:-build}
case $build in /*) ;; *) build=$bochs_root/$build ;; esac
kshc=$build/bin/kshc

bochs_directive() { # FILE NAME -> values, one per line
	sed -n "s|^[[:space:]]*// $2:[[:space:]]*||p" "$1"
}

# bochs_build CASE.ksh DIR: writes DIR/image.efi; 0 or 1 (DIR/build.log).
bochs_build() {
	local ksh=$1 dir=$2
	rm -rf "$dir" && mkdir -p "$dir"
	{ "$kshc" "$ksh" -L "$build/guests" --emit-c "$dir" &&
		KSH_KERNEL_LIB=$build/lib/libksh-kernel.a \
			"$bochs_root/scripts/link-image.sh" "$dir/image.efi" \
			"$dir/tables.c" "$dir/payloads.S"; } >"$dir/build.log" 2>&1
}

# bochs_boot CASE.ksh MODEL DIR: boots DIR/image.efi under MODEL until the
# kernel's last line (or the case's boot-until text, or the timeout).
# Serial log in DIR/run/com1.txt; returns bochs-run.sh's status.
bochs_boot() {
	local ksh=$1 model=$2 dir=$3 until
	until=$(bochs_directive "$ksh" boot-until | head -n 1)
	# The kernel's last words: all domains done, a refusal, a panic.
	local re='ksh: no domain left to run|ksh: refusing to start|PANIC'
	[ -n "$until" ] && re="$re|$(printf '%s' "$until" | sed 's/[][\.*^$|(){}+?]/\\&/g')"
	"$bochs_here/bochs-run.sh" -m "$model" -e "$dir/image.efi" \
		-d "$dir/run" -t "${KSH_BOCHS_TIMEOUT:-1200}" -u "$re" \
		>/dev/null 2>&1
}

# The domain a serial line speaks for: "[name] ..." or "ksh: domain name
# ...", else the kernel ("ksh").
bochs_stream() {
	local s
	case $1 in
	\[*\]*) s=${1#[}; echo "${s%%]*}" ;;
	"ksh: domain "*) s=${1#ksh: domain }; echo "${s%% *}" ;;
	*) echo ksh ;;
	esac
}

# bochs_check CASE.ksh LOG [per-domain]: prints "ok" or "not ok: why".
# boot-expect lines must appear in order; with "per-domain", in order
# within each domain's lines (and the kernel's), for cases whose domains
# race each other to the end at a speed the emulator, not the kernel,
# decides.
bochs_check() {
	local ksh=$1 log=$2 mode=${3:-} clean=$2.clean line=0 want n key
	declare -A at=()
	tr -d '\r' <"$log" >"$clean"
	while IFS= read -r want; do
		key=all
		[ "$mode" = per-domain ] && key=$(bochs_stream "$want")
		line=${at[$key]:-0}
		n=$(tail -n +$((line + 1)) "$clean" | grep -anF -m 1 -- "$want" |
			cut -d: -f1)
		if [ -z "$n" ]; then
			echo "not ok: missing (in order) \"$want\" (log $log)"
			return
		fi
		at[$key]=$((line + n))
	done < <(bochs_directive "$ksh" boot-expect)
	while IFS= read -r want; do
		if grep -aqF -- "$want" "$clean"; then
			echo "not ok: unexpected \"$want\" (log $log)"
			return
		fi
	done < <(bochs_directive "$ksh" boot-reject)
	echo ok
}
