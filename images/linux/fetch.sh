#!/bin/bash
# Downloads every package of packages.lock into images/linux/cache/ (once,
# with `apt-get download`, the only network step of the image build) and
# checks each .deb against its recorded sha256. Prints the cached paths,
# one per line, in lock order.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${KSH_LINUX_CACHE:-$here/cache}
mkdir -p "$cache"

while read -r pkg ver sum; do
	case "$pkg" in '' | '#'* | '@'*) continue ;; esac
	deb=$cache/${pkg}_${ver//:/%3a}_amd64.deb
	if [ ! -f "$deb" ] || ! echo "$sum  $deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
		tmp=$(mktemp -d "$cache/dl.XXXXXX")
		if ! (cd "$tmp" && apt-get download -q "$pkg=$ver" >&2 2>/dev/null) ||
			[ "$(ls "$tmp" | wc -l)" -ne 1 ]; then
			rm -rf "$tmp"
			echo "fetch.sh: cannot download $pkg=$ver (is it still in the archive? see images/linux/README.md, 'Updating')" >&2
			exit 1
		fi
		mv "$tmp"/*.deb "$deb"
		rmdir "$tmp"
	fi
	if ! echo "$sum  $deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
		echo "fetch.sh: $deb does not match its sha256 in packages.lock" >&2
		rm -f "$deb"
		exit 1
	fi
	echo "$deb"
done <"$here/packages.lock"
