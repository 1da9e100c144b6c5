// Bad hypercall numbers and arguments (unknown numbers, buffers outside
// RAM or wrapping around, short DOMAIN_INFO buffers, calls from CPL 3)
// get the documented errors; the domain and the kernel carry on.
// boot-expect: [hc] PASS enosys-0
// boot-expect: [hc] PASS efault-len-wrap
// boot-expect: [hc] PASS cpl3-eperm
// boot-expect: [hc] PASS alive-after
// boot-expect: [hc] HOSTILE-HC DONE failures=0
// boot-expect: ksh: domain hc exited with status 0
// boot-expect: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: stopped
// boot-reject: PANIC
system "hostile_hypercall" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { hc 20ms; witness 20ms; } }
}
level low;
type t;
domain hc : native "hostile_hypercall.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
