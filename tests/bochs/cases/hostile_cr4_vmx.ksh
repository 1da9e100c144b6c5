// hostile_cr4 under VMX (Bochs corei7_skylake_x): CR4 bits the guest's
// CPUID hides are host-owned in the CR4 guest/host mask (SDM vol. 3C
// 25.6.6), so the first such write (OSXSAVE, which this CPU model has, so
// only the kernel's mask refuses it) exits and the domain is stopped
// (exit reason 28, control-register access); the guest-owned bits it may
// set (OSFXSR, PGE) are written without an exit. The SVM backend answers
// the same writes with #GP (tests/boot/cases/hostile_cr4.ksh).
// boot-see: ksh: W^X: kernel code
// boot-see: [cr4] HOSTILE-CR4 legal OSFXSR applied
// boot-see: [cr4] HOSTILE-CR4 legal PGE off applied
// boot-see: [cr4] HOSTILE-CR4 try OSXSAVE
// boot-see: ksh: domain cr4 stopped: unhandled exit 1c
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-reject: refused OSXSAVE
system "hostile_cr4_vmx" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { cr4 20ms; witness 20ms; } }
}
level low;
type t;
domain cr4 : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
