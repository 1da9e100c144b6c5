#!/bin/bash
# TAP suite: the editor syntax files in dsl/editors are what
# scripts/gen-editor-syntax.sh makes from the lexer's keyword list today
# (a keyword added to ksh-compiler/lexer.l without regenerating them
# fails here), the TextMate grammar is valid JSON that names every
# keyword, and Vim, given the files, detects a .ksh file and highlights a
# keyword, a reserved word, a number and a comment as such.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
tmp=$build/tests/editor-syntax
rm -rf "$tmp" && mkdir -p "$tmp"
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); echo "not ok $n - $*"; }
echo "1..5"

if scripts/gen-editor-syntax.sh "$tmp/gen" && diff -r --exclude=README.md "$tmp/gen" dsl/editors >&2; then
	ok "dsl/editors matches the lexer's keyword list"
else
	nok "dsl/editors is stale: run scripts/gen-editor-syntax.sh dsl/editors"
fi

kws=$(sed -nE 's/^"([a-z0-9_]+)"[[:space:]]+\{ KW\([A-Z0-9_]+\); \}$/\1/p' ksh-compiler/lexer.l)
if python3 - "$tmp/gen/ksh.tmLanguage.json" $kws <<'PY'
import json, re, sys
g = json.load(open(sys.argv[1]))
alts = set()
for p in g["patterns"]:
    if p["name"].startswith("keyword.") and "match" in p:
        m = re.match(r"\\b\((.*)\)\\b$", p["match"])
        if m:
            alts |= set(m.group(1).split("|"))
missing = [k for k in sys.argv[2:] if k not in alts]
sys.exit(1 if missing or len(sys.argv) < 12 else 0)
PY
then
	ok "TextMate grammar is JSON and names every keyword"
else
	nok "TextMate grammar is not JSON or misses a keyword"
fi

cat >"$tmp/probe.ksh" <<'KSH'
// comment
domain d : native "x.elf" { memory 2M; }
policy { flow f on c { states a, b; initial a; } }
KSH
probe() { # $1 pattern to find, prints the syntax group under it
	vim -N -u NONE -i NONE -Es -c "set rtp^=$PWD/$tmp/gen/vim" \
		-c 'filetype on' -c 'syntax enable' -c "edit $tmp/probe.ksh" \
		-c "call cursor(1,1)" -c "call search('$1')" \
		-c 'let g=synIDattr(synID(line("."),col("."),1),"name")' \
		-c "call writefile([&filetype . ' ' . g], '$tmp/out')" -c 'qa!' \
		</dev/null >/dev/null 2>&1
	cat "$tmp/out" 2>/dev/null
}
[ "$(probe '^domain')" = "ksh kshKeyword" ] && ok "vim: 'domain' is a keyword" ||
	nok "vim: 'domain' is not highlighted as a keyword ($(probe '^domain'))"
[ "$(probe 'states')" = "ksh kshReserved" ] && ok "vim: 'states' is a reserved word" ||
	nok "vim: 'states' is not highlighted as reserved ($(probe 'states'))"
[ "$(probe '2M')" = "ksh kshNumber" ] && [ "$(probe 'comment')" = "ksh kshComment" ] &&
	ok "vim: numbers with units and comments" ||
	nok "vim: number or comment not highlighted ($(probe '2M'), $(probe 'comment'))"
