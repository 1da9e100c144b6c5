#!/bin/bash
# Builds the Linux guest payload into OUT (default build/images/linux):
#   OUT/vmlinuz            Debian's bzImage, byte for byte as packaged
#   OUT/initramfs.cpio.gz  busybox-static, /init, the modules of
#                          modules.list; deterministic (README.md)
# Inputs: packages.lock (exact .debs, fetched by fetch.sh), modules.list,
# init, and the static `kshchan` tool built by make (KSHCHAN_BIN, default
# ${KSH_BUILD:-build}/images/kshchan/kshchan under the checkout). SOURCE_DATE_EPOCH sets every mtime in the archive (default: the
# @source-date-epoch line of packages.lock, so the output depends on
# tracked inputs only, never on when or from which checkout it is built).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-build/images/linux}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(sed -n 's/^@source-date-epoch //p' "$here/packages.lock")
	SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
fi
export LC_ALL=C TZ=UTC

kshchan=${KSHCHAN_BIN:-$here/../../${KSH_BUILD:-build}/images/kshchan/kshchan}
if [ ! -x "$kshchan" ]; then
	echo "build.sh: $kshchan missing: run make kshchan first" >&2
	exit 1
fi

mapfile -t debs < <("$here/fetch.sh")
kdeb=${debs[0]}
bdeb=${debs[1]}
kpkg=$(sed -n '/^linux-image-/{s/ .*//;p;q}' "$here/packages.lock")
kabi=${kpkg#linux-image-}

work=$(mktemp -d "$out/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT
mapfile -t mods < <(sed '/^#/d;/^$/d' "$here/modules.list")

# One pass over the kernel package: the bzImage and the listed modules.
paths=("./boot/vmlinuz-$kabi")
for m in "${mods[@]}"; do paths+=("./lib/modules/$kabi/$m"); done
mkdir "$work/k" "$work/b"
dpkg-deb --fsys-tarfile "$kdeb" | tar -x -C "$work/k" "${paths[@]}"
dpkg-deb --fsys-tarfile "$bdeb" | tar -x -C "$work/b" ./bin/busybox

# The list must be closed under dependencies, in load order: each
# module's depends= names must come earlier.
loaded=" "
for m in "${mods[@]}"; do
	for dep in $("$here/modinfo.sh" "$work/k/lib/modules/$kabi/$m"); do
		case "$loaded" in *" $dep "*) ;; *)
			echo "build.sh: $m needs $dep, which modules.list does not load before it (run update-lock.sh)" >&2
			exit 1 ;;
		esac
	done
	n=${m##*/}
	n=${n%.ko}
	loaded="$loaded${n//-/_} "
done

# Staging tree: fixed modes, fixed mtimes, sorted archive order.
r=$work/root
umask 022
mkdir -p "$r"/{bin,dev,etc,lib/modules,proc,root,sbin,sys,tmp,usr/bin,usr/sbin}
install -m 0755 "$work/b/bin/busybox" "$r/bin/busybox"
ln -s busybox "$r/bin/sh"
install -m 0755 "$here/init" "$r/init"
install -m 0755 "$kshchan" "$r/bin/kshchan"
: >"$r/etc/modules.load"
for m in "${mods[@]}"; do
	install -m 0644 "$work/k/lib/modules/$kabi/$m" "$r/lib/modules/"
	echo "${m##*/}" >>"$r/etc/modules.load"
done
chmod 0644 "$r/etc/modules.load"
chmod 1777 "$r/tmp"
chmod 0700 "$r/root"
find "$r" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$r" && find . -mindepth 1 -print0 | sort -z |
	cpio --null --create --format=newc --owner=0:0 --reproducible --quiet) |
	gzip -n -9 >"$work/initramfs.cpio.gz"

cp "$work/k/boot/vmlinuz-$kabi" "$work/vmlinuz"
mv "$work/vmlinuz" "$out/vmlinuz"
mv "$work/initramfs.cpio.gz" "$out/initramfs.cpio.gz"
echo "$kabi" >"$out/kernel-release"
