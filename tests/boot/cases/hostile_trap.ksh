// Exception and cache-flush storms (tests/guests/hostile_trap.c). #DB and
// #AC are intercepted on both vendors (a #DB or #AC raised while
// delivering itself would loop inside the CPU with the host's timer shut
// out: CVE-2015-8104, CVE-2015-5307) and reflected into the guest, which
// counts them; the kernel's count, printed when the domain ends, is the
// proof of the intercept: exactly 20000 single steps plus the one after a
// CPUID, which the kernel emulates and so must raise itself (QEMU 7.2
// raises #UD for ICEBP: the Bochs cases try that one). QEMU TCG does not
// model alignment checks: no #AC is raised here (the Bochs cases check
// #AC). WBINVD and WBNOINVD (16 each) exit and are dropped; RDPRU raises
// #UD (QEMU 7.2 does not know RDPRU, so this holds without the intercept
// too) and CPUID hides it. The witness keeps its frames throughout.
// boot-see: [trap] HOSTILE-TRAP step over cpuid=1 (expected 1)
// boot-see: [trap] HOSTILE-TRAP db=20001 (expected 20001)
// boot-see: [trap] HOSTILE-TRAP ac=0 of 40, error codes 0x0
// boot-see: [trap] HOSTILE-TRAP flushes done
// boot-see: [trap] HOSTILE-TRAP rdpru cpuid-bit=0 ud=1
// boot-see: [trap] HOSTILE-TRAP DONE
// boot-see: ksh: domain trap exited with status 0
// boot-see: reflected #DB 20001, #AC 0; WBINVD/WBNOINVD dropped 32
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-timeout: 300
system "hostile_trap" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { trap 20ms; witness 20ms; } }
}
level low;
type t;
domain trap : native "hostile_trap.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
