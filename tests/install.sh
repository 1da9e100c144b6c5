#!/bin/sh
# TAP suite: `make install DESTDIR=...` gives a usable tree (kshc runs and
# checks an example with nothing but the installed files), and
# `make uninstall` removes every file it installed.
cd "$(dirname "$0")/.." || exit 1
. tests/lib/tap.sh
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
tap_plan 4
if make -s install DESTDIR="$dest" PREFIX=/usr >"$dest.log" 2>&1; then
	tap_ok "make install DESTDIR"
else
	sed 's/^/# /' "$dest.log"; tap_fail "make install DESTDIR"
fi
rm -f "$dest.log"
if "$dest/usr/bin/kshc" --check examples/hello.ksh -L "${KSH_BUILD:-build}/guests" >/dev/null 2>&1 &&
	[ -f "$dest/usr/share/man/man1/kshc.1" ] && [ -f "$dest/usr/include/ksh/tables.h" ]; then
	tap_ok "installed kshc checks examples/hello.ksh; man page and headers present"
else
	tap_fail "installed kshc, man page or headers missing"
fi
n=$(find "$dest" -type f | wc -l)
if [ "$n" -gt 10 ] && [ -f "$dest/usr/lib/ksh/libksh-kernel.a" ]; then
	tap_ok "runtime libraries installed ($n files)"
else
	tap_fail "runtime incomplete ($n files)"
fi
make -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
left=$(find "$dest" -type f)
if [ -z "$left" ]; then
	tap_ok "make uninstall removes every installed file"
else
	tap_fail "files left after uninstall: $left"
fi
tap_done
