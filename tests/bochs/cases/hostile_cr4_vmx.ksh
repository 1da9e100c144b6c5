// hostile_cr4 under VMX (Bochs corei7_skylake_x): CR4 bits the guest's
// CPUID hides are host-owned in the CR4 guest/host mask (SDM vol. 3C
// 25.6.6), so setting one exits (reason 28, control-register access); the
// VMX backend checks it against the same policy as SVM (ksh/cr4_policy.h,
// vmx_emul.c) and injects #GP(0), leaving CR4 as it was. OSXSAVE is the
// interesting one: this CPU model has it, so only the kernel's mask
// refuses it. The guest-owned bits (OSFXSR, PGE) are written without an
// exit. Same answers as the SVM case (tests/boot/harden/hostile_cr4.ksh).
// boot-see: ksh: W^X: kernel code
// boot-see: [cr4] HOSTILE-CR4 legal OSFXSR applied
// boot-see: [cr4] HOSTILE-CR4 legal PGE applied
// boot-see: [cr4] HOSTILE-CR4 legal PGE off applied
// Each refused bit: #GP in the guest and one kernel line naming it (the
// guest/host mask owns every bit not offered, so each such write exits,
// reserved bits included), ten and no other CR4 line.
// boot-see: [cr4] HOSTILE-CR4 refused OSXSAVE (#GP)
// boot-see: ksh: domain cr4: CR4 write 40220 refused (bits 40000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused PKE (#GP)
// boot-see: ksh: domain cr4: CR4 write 400220 refused (bits 400000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused VMXE (#GP)
// boot-see: ksh: domain cr4: CR4 write 2220 refused (bits 2000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused SMXE (#GP)
// boot-see: ksh: domain cr4: CR4 write 4220 refused (bits 4000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused CET (#GP)
// boot-see: ksh: domain cr4: CR4 write 800220 refused (bits 800000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused PKS (#GP)
// boot-see: ksh: domain cr4: CR4 write 1000220 refused (bits 1000000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused KL (#GP)
// boot-see: ksh: domain cr4: CR4 write 80220 refused (bits 80000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused MCE (#GP)
// boot-see: ksh: domain cr4: CR4 write 260 refused (bits 40 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused bit15 (#GP)
// boot-see: ksh: domain cr4: CR4 write 8220 refused (bits 8000 not offered): #GP injected
// boot-see: [cr4] HOSTILE-CR4 refused bit63 (#GP)
// boot-see: ksh: domain cr4: CR4 write 8000000000000220 refused (bits 8000000000000000 not offered): #GP injected
// boot-count: 10 ksh: domain cr4: CR4 write
// boot-see: [cr4] HOSTILE-CR4 wrpkru #UD
// boot-see: [cr4] HOSTILE-CR4 DONE failures=0
// boot-see: ksh: domain cr4 exited with status 0
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-reject: unhandled exit
system "hostile_cr4_vmx" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { cr4 20ms; witness 20ms; } }
}
level low;
type t;
domain cr4 : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
