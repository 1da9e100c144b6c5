// Intel VT-x without EPT (Bochs core2_penryn_t9600): the VMX backend's
// probe refuses by name and the machine stops instead of hanging.
// boot-expect: ksh: refusing to start: vmx: CPU lacks EPT
// boot-reject: [one]
system "no_ept" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
