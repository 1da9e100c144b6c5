#!/bin/sh
# TAP suite: `make install DESTDIR=...` gives a usable tree (kshc runs and
# checks an example with nothing but the installed files), and
# `make uninstall` removes every file it installed.
cd "$(dirname "$0")/.." || exit 1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
echo "1..4"
if make -s install DESTDIR="$dest" PREFIX=/usr >"$dest.log" 2>&1; then
	echo "ok 1 - make install DESTDIR"
else
	sed 's/^/# /' "$dest.log"; echo "not ok 1 - make install DESTDIR"
fi
rm -f "$dest.log"
if "$dest/usr/bin/kshc" --check examples/hello.ksh -L "${KSH_BUILD:-build}/guests" >/dev/null 2>&1 &&
	[ -f "$dest/usr/share/man/man1/kshc.1" ] && [ -f "$dest/usr/include/ksh/tables.h" ]; then
	echo "ok 2 - installed kshc checks examples/hello.ksh; man page and headers present"
else
	echo "not ok 2 - installed kshc, man page or headers missing"
fi
n=$(find "$dest" -type f | wc -l)
if [ "$n" -gt 10 ] && [ -f "$dest/usr/lib/ksh/libksh-kernel.a" ]; then
	echo "ok 3 - runtime libraries installed ($n files)"
else
	echo "not ok 3 - runtime incomplete ($n files)"
fi
make -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
left=$(find "$dest" -type f)
if [ -z "$left" ]; then
	echo "ok 4 - make uninstall removes every installed file"
else
	echo "not ok 4 - files left after uninstall: $left"
fi
