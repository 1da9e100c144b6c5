// XSETBV from a guest cannot change XCR0, which neither VMRUN nor VM
// entry switches and the host pins to x87|SSE (kernel/arch/x86_64/fpu.c):
// a guest that widened it would hold register state the FXSAVE switch
// misses. On a CPU model with XSAVE (QEMU -cpu max) the guest tries XCR0
// = x87|SSE|AVX. CR4.OSXSAVE is never granted, so the CPU raises #UD
// before the intercept (SDM vol. 3C 26.1.1, AMD APM vol. 2 15.7); the
// intercept, which would stop the domain, is the second wall. The guest
// sees the #UD and exits 0 (tests/guests/hostile_virt.c); the witness
// goes on.
// boot-see: [xsetbv] HOSTILE-VIRT attempt xsetbv
// boot-see: [xsetbv] HOSTILE-VIRT xsetbv #UD, XCR0 unchanged
// boot-see: ksh: domain xsetbv exited with status 0
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-cpu: max,+svm,+npt
// boot-timeout: 240
system "hostile_xsetbv" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 20ms; cpu 0 { xsetbv 10ms; witness 10ms; } }
}
level low;
type t;
domain xsetbv : native "hostile_virt.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
