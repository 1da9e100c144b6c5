// SVM without nested paging (CPUID Fn8000_000A EDX[0] clear; QEMU still
// emulates NPT, so only the CPUID check can catch it): refused by name.
// boot-cpu: qemu64,+svm,-npt
// boot-expect: ksh: refusing to start: svm: CPU lacks NPT
// boot-reject: [one]
system "no_npt" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
