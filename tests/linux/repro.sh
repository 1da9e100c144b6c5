#!/bin/bash
# TAP suite: the initramfs build is deterministic. A fresh build (with
# another umask and time zone than make's) gives an archive byte-identical
# to the one make built, and vmlinuz is Debian's file unchanged.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
b=${KSH_BUILD:-build}
tap_plan 3
t=$(mktemp -d "$b/repro.XXXXXX")
trap 'rm -rf "$t"' EXIT
(umask 077; TZ=Asia/Tokyo images/linux/build.sh "$t/a" >/dev/null 2>"$t/err") ||
	cat "$t/err" >&2
if [ -s "$t/a/initramfs.cpio.gz" ] &&
	cmp -s "$t/a/initramfs.cpio.gz" "$b/images/linux/initramfs.cpio.gz"; then
	tap_ok "two builds give byte-identical initramfs ($(stat -c %s "$t/a/initramfs.cpio.gz") bytes, sha256 $(sha256sum <"$t/a/initramfs.cpio.gz" | cut -c1-16))"
else
	tap_fail "a second build gives a different initramfs"
fi
# Every archive entry is owned by root (the build may run as anyone).
owners=$(zcat "$t/a/initramfs.cpio.gz" | cpio -t -v --quiet 2>/dev/null |
	awk '$3 != "root" || $4 != "root" { bad = 1 } END { print bad ? "bad" : "ok" }')
if [ "$owners" = ok ]; then
	tap_ok "archive entries owned by root:root"
else
	tap_fail "archive entries with other owners"
fi
# The bzImage inside the locked .deb, compared byte for byte.
kpkg=$(sed -n '/^linux-image-/{s/ .*//;p;q}' images/linux/packages.lock)
deb=$(images/linux/fetch.sh | head -n1)
if dpkg-deb --fsys-tarfile "$deb" | tar -xO "./boot/vmlinuz-${kpkg#linux-image-}" |
	cmp -s - "$t/a/vmlinuz"; then
	tap_ok "vmlinuz is the packaged bzImage unchanged"
else
	tap_fail "vmlinuz differs from the package's"
fi
tap_done
