#!/bin/sh
# TAP suite: `make install DESTDIR=...` gives a usable tree (kshc runs and
# checks an example with nothing but the installed files), and
# `make uninstall` removes every file it installed. Headers: exactly the
# public ABI (include/ksh/*.h) and the native runtime (ksh/rt/*.h), never
# a kernel-internal one.
cd "$(dirname "$0")/.." || exit 1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
echo "1..5"
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
want=$(cd include && ls ksh/*.h; cd ../runtime/include && ls ksh/rt/*.h)
got=$(cd "$dest/usr/include" 2>/dev/null && find ksh -name '*.h' | sort)
rt=$(cd "$dest/usr/lib/ksh/include" 2>/dev/null && find ksh -name '*.h' | sort)
if [ "$got" = "$(echo "$want" | sort)" ] && [ "$rt" = "$(cd include && ls ksh/*.h | sort)" ]; then
	echo "ok 4 - only the public headers are installed"
else
	echo "not ok 4 - installed headers are not the public set"
	printf '# include: %s\n' $got
	printf '# lib/ksh/include: %s\n' $rt
fi
make -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
left=$(find "$dest" -type f)
if [ -z "$left" ]; then
	echo "ok 5 - make uninstall removes every installed file"
else
	echo "not ok 5 - files left after uninstall: $left"
fi
