#!/bin/sh
# TAP suite: the include folders each kind of build sees (ARCHITECTURE.md,
# mk/config.mk). A native guest compiles against the public ABI and the
# native runtime but not against a kernel-internal header; kernel code
# sees the internals; kshc's objects are compiled without the kernel's
# include folder.
cd "$(dirname "$0")/.." || exit 1
b=${KSH_BUILD:-build}
echo "1..4"
# Objects are removed first: a stale one must not pass for a build.
rm -f "$b/guest/tests/layout/probe_public.o" \
	"$b/guest/tests/layout/probe_internal.o" \
	"$b/efi/tests/layout/probe_internal.o"
if make -s BUILD="$b" "$b/guest/tests/layout/probe_public.o" >/dev/null 2>&1; then
	echo "ok 1 - a native guest compiles against include/ksh and ksh/rt"
else
	echo "not ok 1 - a native guest cannot include the public ABI"
fi
if out=$(make -s BUILD="$b" "$b/guest/tests/layout/probe_internal.o" 2>&1); then
	echo "not ok 2 - a native guest compiled against a kernel-internal header"
elif echo "$out" | grep -q 'ksh/domain.h: No such file'; then
	echo "ok 2 - a native guest cannot include a kernel-internal header"
else
	echo "$out" | sed 's/^/# /'
	echo "not ok 2 - the guest probe failed for another reason"
fi
if make -s BUILD="$b" "$b/efi/tests/layout/probe_internal.o" >/dev/null 2>&1; then
	echo "ok 3 - kernel code compiles against the kernel's internal headers"
else
	echo "not ok 3 - kernel code cannot include its internal headers"
fi
cmd=$(make -n -B BUILD="$b" "$b/host/ksh-compiler/kshc.o" 2>/dev/null | grep -- ' -c ksh-compiler/kshc.c')
if [ -n "$cmd" ] && ! echo "$cmd" | grep -q -- '-Ikernel/include' &&
	echo "$cmd" | grep -q -- '-Iinclude'; then
	echo "ok 4 - kshc is compiled against include/ only"
else
	echo "# $cmd"
	echo "not ok 4 - kshc's compile line names kernel/include (or not include/)"
fi
