// Hypercall round trip and copy speed inside one native domain, for the
// Bochs VMX/SVM benchmark (tests/bochs/bench-bochs.sh). Not a pass/fail
// case: the figures are read from the log.
// boot-expect: [bench] HCBENCH calls=
// boot-expect: [bench] HCBENCH DONE
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: PANIC
system "hcbench" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 100ms; cpu 0 { bench 100ms; } }
}
level low;
type t;
domain bench : native "hcbench.elf" { memory 4M; type t; level low; }
