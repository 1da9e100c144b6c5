#!/bin/bash
# Prints the dependencies (module names, one per line, '-' folded to '_')
# of a kernel module file, read from its .modinfo section: the host's
# modinfo is not needed, and the module need not match the host kernel.
set -euo pipefail
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
objcopy -O binary --only-section=.modinfo "$1" "$tmp"
tr '\0' '\n' <"$tmp" | sed -n 's/^depends=//p' | tr ',' '\n' | tr '-' '_' | sed '/^$/d'
