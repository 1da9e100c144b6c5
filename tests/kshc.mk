# kshc's suites (tests/kshc/).
# The emit-c output compiles, links with the kernel's validator and passes
# it, for every example and pass case; output is byte-identical.
SUITES += tap:tests/kshc/emit-validate.sh:300

# Pass/fail corpora with exact diagnostics, robustness inputs; run with
# the sanitizer build.
SUITES += tap:tests/kshc/corpus.sh:300

# Golden outputs of the examples, JSON schema, Graphviz, -M, exit codes.
SUITES += tap:tests/kshc/golden.sh:300

# make bench: kshc time, peak RSS and table sizes on synthetic systems.
BENCHES += tests/kshc/bench.sh

# kshc -o against the runtime's contract.json (needs kshc and the kernel).
SUITES += tap:tests/kshc/contract.sh:300

# Editor syntax files (dsl/editors) against the lexer's keyword list.
SUITES += tap:tests/kshc/editor-syntax.sh:120

# kshc --help, the man page and README agree on options and exit codes.
SUITES += tap:tests/kshc/docs-agree.sh:60
