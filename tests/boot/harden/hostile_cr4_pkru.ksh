// As hostile_cr4.ksh, on a CPU model with protection keys, XSAVE and PKS
// (QEMU -cpu max). PKRU is not switched between domains, so CR4.PKE is
// refused (#GP) and RDPKRU/WRPKRU stay #UD: the writer (pkw) cannot
// leave a PKRU value for the reader (pkr) in another domain. Without the
// CR4 write intercept both set PKE and the reader sees 0x5555555c.
// One kernel refusal line per refused bit, and per PKE attempt of the
// writer and the reader (one each round, 20 rounds).
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
// boot-count: 20 ksh: domain pkw: CR4 write 400020 refused (sets a bit the guest's CPUID does not offer, bits 400000)
// boot-count: 20 ksh: domain pkr: CR4 write 400020 refused (sets a bit the guest's CPUID does not offer, bits 400000)
// boot-count: 20 ksh: domain pkw: CR4 write
// boot-count: 20 ksh: domain pkr: CR4 write
// boot-see: [cr4] HOSTILE-CR4 DONE failures=0
// boot-see: [pkw] PKRU-W round 0 pke=13 wrpkru=6
// boot-see: [pkr] PKRU-R clean after 20 rounds pke=13 rdpkru=6
// boot-see: ksh: domain cr4 exited with status 0
// boot-see: ksh: domain pkw exited with status 0
// boot-see: ksh: domain pkr exited with status 0
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-cpu: max,+svm,+npt
// boot-timeout: 240
system "hostile_cr4_pkru" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 60ms; cpu 0 { cr4 20ms; pkw 20ms; pkr 20ms; } }
}
level low;
type t;
domain cr4 : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain pkw : native "hostile_cr4.elf" { memory 2M; type t; level low; }
domain pkr : native "hostile_cr4.elf" { memory 2M; type t; level low; }
