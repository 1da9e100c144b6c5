#!/bin/bash
# Regenerates packages.lock (exact versions and sha256 of the kernel that
# Debian's linux-image-amd64 currently depends on, and of busybox-static)
# and modules.list (the guest driver modules and everything they depend on,
# dependencies first). Run it, rebuild with `make linux-image`, run
# `make check`, and commit the two files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# The driver modules a guest needs (emulated NE2000, IDE/SATA, UIO).
wanted="ne2k_pci 8390 ata_piix pata_legacy ahci uio_pci_generic"

kpkg=$(apt-cache depends linux-image-amd64 |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n1)
[ -n "$kpkg" ] || { echo "update-lock.sh: no linux-image-amd64 dependency" >&2; exit 1; }
candidate() { apt-cache policy "$1" | sed -n 's/^ *Candidate: //p'; }
kver=$(candidate "$kpkg")
bver=$(candidate busybox-static)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -q "$kpkg=$kver" "busybox-static=$bver" >&2)
sum() { sha256sum "$tmp"/"$1"_*.deb | cut -d' ' -f1; }
{
	sed -n '/^#/p' "$here/packages.lock"
	# Archive mtimes (build.sh): fixed when the lock changes.
	echo "@source-date-epoch $(date +%s)"
	echo "$kpkg $kver $(sum "$kpkg")"
	echo "busybox-static $bver $(sum busybox-static)"
} >"$tmp/lock"

# Module closure, from the modules' own .modinfo depends= lists.
kabi=${kpkg#linux-image-}
mkdir "$tmp/x"
dpkg-deb --fsys-tarfile "$tmp/${kpkg}"_*.deb |
	tar -x -C "$tmp/x" --wildcards "./lib/modules/$kabi/kernel/*"
moddir=$tmp/x/lib/modules/$kabi
(cd "$moddir" && find kernel -name '*.ko' | LC_ALL=C sort) |
	awk '{ n = $0; sub(/.*\//, "", n); sub(/\.ko$/, "", n); gsub(/-/, "_", n); print n, $0 }' \
		>"$tmp/index"
order=()
seen=" "
visit() {
	local name=$1 path dep
	case "$seen" in *" $name "*) return ;; esac
	seen="$seen$name "
	path=$(awk -v n="$name" '$1 == n { print $2 }' "$tmp/index")
	[ -n "$path" ] || { echo "update-lock.sh: module $name not in $kpkg" >&2; exit 1; }
	for dep in $("$here/modinfo.sh" "$moddir/$path"); do
		visit "$dep"
	done
	order+=("$path")
}
for m in $wanted; do visit "$m"; done
{
	echo "# Kernel modules put into the initramfs, paths under"
	echo "# /lib/modules/<version>/, dependencies first (update-lock.sh)."
	printf '%s\n' "${order[@]}"
} >"$tmp/modules"

cp "$tmp/lock" "$here/packages.lock"
cp "$tmp/modules" "$here/modules.list"
echo "packages.lock and modules.list updated: $kpkg $kver, busybox-static $bver"
