#!/bin/sh
# TAP suite: `make install DESTDIR=...` gives a usable tree (kshc runs and
# checks an example with nothing but the installed files), the runtime's
# contract (lib/ksh/contract.json) is installed beside the kernel library
# and is what the installed kshc -o reads, and `make uninstall` removes
# every file it installed. Headers: exactly the public ABI
# (include/ksh/*.h) and the native runtime (ksh/rt/*.h), never a
# kernel-internal one.
cd "$(dirname "$0")/.." || exit 1
. tests/lib/tap.sh
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
tap_plan 6
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
want=$(cd include && ls ksh/*.h; cd ../runtime/include && ls ksh/rt/*.h)
got=$(cd "$dest/usr/include" 2>/dev/null && find ksh -name '*.h' | sort)
rt=$(cd "$dest/usr/lib/ksh/include" 2>/dev/null && find ksh -name '*.h' | sort)
if [ "$got" = "$(echo "$want" | sort)" ] && [ "$rt" = "$(cd include && ls ksh/*.h | sort)" ]; then
	tap_ok "only the public headers are installed"
else
	tap_fail "installed headers are not the public set"
	printf '# include: %s\n' $got
	printf '# lib/ksh/include: %s\n' $rt
fi
c=$dest/usr/lib/ksh/contract.json
if [ -f "$c" ] && cmp -s "$c" "${KSH_BUILD:-build}/lib/ksh/contract.json" &&
	grep -q "\"version\": \"$(cat VERSION)\"" "$c" &&
	grep -q '"name": "device-uart-linux", "bit": 17, "enforced": true' "$c" &&
	grep -q '"name": "passthrough", "bit": 4, "enforced": false' "$c"; then
	# the installed kshc -o reads it: corrupted, the build stops (3)
	echo '{' >"$c"
	"$dest/usr/bin/kshc" examples/hello.ksh -L "${KSH_BUILD:-build}/guests" \
		-o "$dest/x.efi" >/dev/null 2>"$dest/err"
	rc=$?
	if [ $rc -eq 3 ] && grep -q "$c" "$dest/err"; then
		tap_ok "contract.json installed beside the kernel library; the installed kshc -o reads it"
	else
		tap_fail "installed kshc -o with a corrupt contract exited $rc"
	fi
	rm -f "$dest/err"
else
	tap_fail "lib/ksh/contract.json missing or not the runtime's"
fi
make -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
left=$(find "$dest" -type f)
if [ -z "$left" ]; then
	tap_ok "make uninstall removes every installed file"
else
	tap_fail "files left after uninstall: $left"
fi
tap_done
