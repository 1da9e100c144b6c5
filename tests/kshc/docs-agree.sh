#!/bin/bash
# TAP suite: kshc's own --help, its man page and README say the same
# thing. Every option --help lists is documented in kshc.1 and named in
# README.md; every exit status --help gives is in the man page's EXIT
# STATUS section and in README's exit-status sentence, and neither
# documents one --help does not give.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
kshc=$build/bin/kshc
man=ksh-compiler/kshc.1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); echo "not ok $n - $*"; }

help=$("$kshc" --help) || { echo "not ok 1 - kshc --help failed"; exit 1; }
# Options: the first word of each option line of --help, and the second
# option of "--sign-key KEY.pem --sign-cert CERT.pem".
opts=$(echo "$help" | sed -nE 's/^  +(-[-A-Za-z]+).*/\1/p; s/^  +-[-a-z]+ [A-Z.]+ (--[-a-z]+) .*/\1/p' | sort -u)
[ "$(echo "$opts" | wc -l)" -ge 20 ] || { echo "not ok 1 - found only $(echo "$opts" | wc -l) options in --help"; exit 1; }
codes=$(echo "$help" | tr ',' '\n' | sed -nE 's/.*(^|[ :]) ?([0-9]) (success|errors|usage|image|build|signing|cannot).*/\2/p' | sort -u)

missing_man= missing_readme=
for o in $opts; do
	roff=$(echo "$o" | sed 's/-/\\\\-/g')
	grep -qE "^\.B[I]? $roff( |$)" "$man" || missing_man="$missing_man $o"
	grep -qF -- "$o" README.md || missing_readme="$missing_readme $o"
done
[ -z "$missing_man" ] && ok "every --help option is in kshc.1 ($(echo $opts | wc -w))" ||
	nok "kshc.1 lacks:$missing_man"
[ -z "$missing_readme" ] && ok "every --help option is named in README.md" ||
	nok "README.md lacks:$missing_readme"

man_codes=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$man" | sed -nE '/^\.TP/{n;s/^\.B ([0-9])$/\1/p}' | sort -u)
[ "$(echo $codes)" = "0 1 2 3 4 5" ] && ok "--help gives exit statuses 0-5" ||
	nok "--help exit statuses are '$(echo $codes)'"
[ "$(echo $man_codes)" = "$(echo $codes)" ] && ok "kshc.1 EXIT STATUS matches --help ($(echo $man_codes))" ||
	nok "kshc.1 EXIT STATUS has '$(echo $man_codes)', --help '$(echo $codes)'"
readme_line=$(grep -A3 'Exit status:' README.md | tr '\n' ' ')
readme_codes=$(echo "$readme_line" | grep -oE '[0-9] [a-z]' | cut -c1 | sort -u)
[ "$(echo $readme_codes)" = "$(echo $codes)" ] && ok "README's exit statuses match --help" ||
	nok "README exit statuses '$(echo $readme_codes)', --help '$(echo $codes)'"
echo "1..$n"
