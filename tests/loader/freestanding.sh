#!/bin/bash
# TAP suite: the loaders stay freestanding. Their kernel (UEFI) objects may
# call nothing outside kernel/loader/ but the four string functions
# lstring.h declares, so they link into the kernel without libc.
cd "$(dirname "$0")/../.." || exit 1
dir=${KSH_BUILD:-build}/efi/kernel/loader
echo "1..2"
objs=$(ls "$dir"/*.o 2>/dev/null)
if [ -z "$objs" ]; then
	echo "not ok 1 - no loader objects in $dir"
	echo "not ok 2 - no loader objects in $dir"
	exit 0
fi
n=$(ls kernel/loader/*.c | wc -l)
if [ "$(echo "$objs" | wc -l)" -eq "$n" ]; then
	echo "ok 1 - all $n loader sources compiled with the kernel's flags"
else
	echo "not ok 1 - $n sources but $(echo "$objs" | wc -l) objects"
fi
defined=$(nm --defined-only $objs | awk 'NF == 3 { print $3 }' | sort -u)
extra=$(nm -u $objs | awk 'NF == 2 { print $2 }' | sort -u |
	grep -vxF -e memcpy -e memset -e memcmp -e strlen |
	grep -vxF -f <(echo "$defined"))
if [ -z "$extra" ]; then
	echo "ok 2 - external references limited to memcpy/memset/memcmp/strlen"
else
	echo "not ok 2 - loaders reference: $(echo $extra)"
fi
