#!/bin/sh
# Install the Debian packages listed in scripts/deps.txt.
# As root: installs what is missing with apt-get (no-op when all present).
# Otherwise: prints exactly what to install and fails.
set -eu
here=$(dirname "$0")
missing=""
for p in $(grep -v '^[[:space:]]*#' "$here/deps.txt" | grep -v '^[[:space:]]*$'); do
	st=$(dpkg-query -W -f '${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
	exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: install them with: sudo apt-get install$missing" >&2
exit 1
