// A CPU without SVM gets a refusal naming the missing feature, and the
// machine stops instead of hanging.
// boot-cpu: qemu64,-svm
// boot-expect: ksh: refusing to start: svm: CPU lacks SVM
// boot-reject: [one]
system "no_svm" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
