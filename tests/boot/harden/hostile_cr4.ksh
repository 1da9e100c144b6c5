// A guest sets CR4 bits its CPUID does not offer: each MOV to CR4 exits
// (SVM CR4 write intercept, AMD APM vol. 2 15.9), is checked against the
// filtered CPUID (ksh/cr4_policy.h) and answered with #GP(0), leaving CR4
// as it was; legal writes (OSFXSR, PGE on and off) are applied. Without
// the intercept the CPU itself would accept MCE, and on a CPU with them
// PKE and OSXSAVE (see hostile_cr4_pkru.ksh for that CPU).
// boot-see: ksh: W^X: kernel code
// boot-see: [cr4] HOSTILE-CR4 legal OSFXSR applied
// boot-see: [cr4] HOSTILE-CR4 legal PGE applied
// boot-see: [cr4] HOSTILE-CR4 legal PGE off applied
// Each refused bit: the guest saw #GP, and the kernel logged the refusal
// naming that bit (CR4 was 0x220 after the legal writes), ten refusals
// and no other CR4 line.
// boot-see: [cr4] HOSTILE-CR4 refused OSXSAVE (#GP)
// boot-see: ksh: domain cr4: CR4 write 40220 refused (sets a bit the guest's CPUID does not offer, bits 40000)
// boot-see: [cr4] HOSTILE-CR4 refused PKE (#GP)
// boot-see: ksh: domain cr4: CR4 write 400220 refused (sets a bit the guest's CPUID does not offer, bits 400000)
// boot-see: [cr4] HOSTILE-CR4 refused VMXE (#GP)
// boot-see: ksh: domain cr4: CR4 write 2220 refused (sets a bit the guest's CPUID does not offer, bits 2000)
// boot-see: [cr4] HOSTILE-CR4 refused SMXE (#GP)
// boot-see: ksh: domain cr4: CR4 write 4220 refused (sets a bit the guest's CPUID does not offer, bits 4000)
// boot-see: [cr4] HOSTILE-CR4 refused CET (#GP)
// boot-see: ksh: domain cr4: CR4 write 800220 refused (sets a bit the guest's CPUID does not offer, bits 800000)
// boot-see: [cr4] HOSTILE-CR4 refused PKS (#GP)
// boot-see: ksh: domain cr4: CR4 write 1000220 refused (sets a bit the guest's CPUID does not offer, bits 1000000)
// boot-see: [cr4] HOSTILE-CR4 refused KL (#GP)
// boot-see: ksh: domain cr4: CR4 write 80220 refused (sets a bit the guest's CPUID does not offer, bits 80000)
// boot-see: [cr4] HOSTILE-CR4 refused MCE (#GP)
// boot-see: ksh: domain cr4: CR4 write 260 refused (sets a bit the guest's CPUID does not offer, bits 40)
// boot-see: [cr4] HOSTILE-CR4 refused bit15 (#GP)
// boot-see: ksh: domain cr4: CR4 write 8220 refused (sets a bit the guest's CPUID does not offer, bits 8000)
// boot-see: [cr4] HOSTILE-CR4 refused bit63 (#GP)
// boot-see: ksh: domain cr4: CR4 write 8000000000000220 refused (sets a bit the guest's CPUID does not offer, bits 8000000000000000)
// boot-count: 10 ksh: domain cr4: CR4 write
// boot-see: [cr4] HOSTILE-CR4 wrpkru #UD
// boot-see: [cr4] HOSTILE-CR4 DONE failures=0
// boot-see: ksh: domain cr4 exited with status 0
// A second domain loads CR3 with a root outside its RAM: the walk that
// follows needs guest-physical memory nested paging does not map.
// boot-see: [cr3] HOSTILE-CR4 cr3 -> 0x40200000
// (The walk sets Accessed bits, so NPT reports it as a write.)
// boot-see: ksh: domain cr3 stopped: violation: memory access outside its grants: write gpa 40200000 (not mapped)
// boot-see: [witness] DONE witness
// (The W^X line is the kernel's boot self-test, kernel/arch/x86_64/
// wx_selftest.c: without read-only code or NX data it refuses to start.)
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "hostile_cr4" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 60ms; cpu 0 { cr4 20ms; cr3 20ms; witness 20ms; } }
}
level low;
type t;
domain cr4 : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain cr3 : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
