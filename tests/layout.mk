# The include rules per kind of build (tests/layout.sh, probes in
# tests/layout/).
SUITES += tap:tests/layout.sh:300
