# shellcheck shell=bash
# Matching evidence in a serial log (sourced; no other dependency, so
# tests/boot/qemu-boot.sh can use it too).
#
# Only the kernel writes a line that starts with "ksh:": a guest's console
# output reaches the log one whole line at a time behind "[domain] ", with
# control characters (CR included) replaced (kernel/core/domain.c,
# dom_console). So a text is looked for where only its author can put it:
#
#   "ksh: ..."   a line that starts with the text (a kernel line);
#   "[name] ..." a line that starts with the text (that domain's output);
#   other text   a kernel line ("ksh: ...") that contains the text, or a
#                line that starts with it and is no domain's (the
#                firmware's own lines, e.g. "BdsDxe: failed to start ..."
#                after an image returns to it; a guest's line always
#                starts with "[").
#
# A guest printing "ksh: domain x exited" or "[witness] DONE" therefore
# matches nothing: its line starts with its own "[name] ". Refusals
# (log_any) stay plain substrings anywhere: for those, broader is stricter.

# log_find LOG TEXT [AFTER]: the number of the first line after line AFTER
# (default 0) that carries TEXT as above; status 1 if there is none.
log_find() {
	LOG_T=$2 awk -v after="${3:-0}" '
	function carries(l) {
		if (anchored) return substr(l, 1, n) == t
		if (substr(l, 1, 1) != "[" && substr(l, 1, n) == t) return 1
		return substr(l, 1, 4) == "ksh:" && index(l, t) > 0
	}
	BEGIN {
		t = ENVIRON["LOG_T"]; n = length(t)
		anchored = substr(t, 1, 4) == "ksh:" || substr(t, 1, 1) == "["
	}
	NR > after {
		sub(/\r$/, "")
		if (carries($0)) { print NR; found = 1; exit }
	}
	END { exit !found }' "$1" 2>/dev/null
}

# log_has LOG TEXT: LOG carries TEXT (log_find).
log_has() { log_find "$1" "$2" >/dev/null; }

# log_count LOG TEXT: how many lines of LOG carry TEXT.
log_count() {
	LOG_T=$2 awk '
	function carries(l) {
		if (anchored) return substr(l, 1, n) == t
		if (substr(l, 1, 1) != "[" && substr(l, 1, n) == t) return 1
		return substr(l, 1, 4) == "ksh:" && index(l, t) > 0
	}
	BEGIN {
		t = ENVIRON["LOG_T"]; n = length(t)
		anchored = substr(t, 1, 4) == "ksh:" || substr(t, 1, 1) == "["
	}
	{
		sub(/\r$/, "")
		if (carries($0)) c++
	}
	END { print c + 0 }' "$1" 2>/dev/null
}

# log_any LOG TEXT: some line of LOG contains TEXT anywhere (refusals).
log_any() { grep -aqF -- "$2" "$1" 2>/dev/null; }

# log_in_order LOG TEXT...: each TEXT carried by a line after the previous
# one's.
log_in_order() {
	local log=$1 at=0 n
	shift
	for t in "$@"; do
		n=$(log_find "$log" "$t" "$at") || return 1
		at=$n
	done
}
