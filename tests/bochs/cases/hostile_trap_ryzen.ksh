// Exception and cache-flush storms (tests/guests/hostile_trap.c) under
// Bochs's SVM (ryzen), which models alignment checks: the #DB and #AC
// exception intercepts (APM 15.12) make each delivery an exit, reflected
// into the guest (same vector; #AC with error code 0), so one raised while
// delivering itself can no longer loop inside the CPU (CVE-2015-8104,
// CVE-2015-5307). The kernel's counts match the guest's exactly: 20000
// single steps, one after a CPUID (emulated, so raised by the kernel), 5
// ICEBPs (intercepted, APM 15.9, so that their #DB is delivered after the
// instruction), 40 #AC at CPL 3. WBINVD/WBNOINVD are intercepted and
// dropped. CPUID hides RDPRU. Bochs 2.7 runs RDPRU on this model without
// honouring the RDPRU intercept (VMCB offset 0x10 bit 14), so its #UD is
// checked only where the CPU gives it (QEMU, Bochs VMX).
// (Checked in order per domain: tests/bochs/boot-bochs.sh.)
// boot-expect: [trap_icebp] HOSTILE-TRAP step over cpuid=1 (expected 1)
// boot-expect: [trap_icebp] HOSTILE-TRAP db=20006 (expected 20006)
// boot-expect: [trap_icebp] HOSTILE-TRAP ac=40 of 40, error codes 0x0
// boot-expect: [trap_icebp] HOSTILE-TRAP flushes done
// boot-expect: [trap_icebp] HOSTILE-TRAP rdpru cpuid-bit=0
// boot-expect: [trap_icebp] HOSTILE-TRAP DONE
// boot-expect: ksh: domain trap_icebp exited with status 0
// boot-expect: reflected #DB 20006, #AC 40; WBINVD/WBNOINVD dropped 32
// boot-expect: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "hostile_trap_ryzen" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { trap_icebp 20ms; witness 20ms; } }
}
level low;
type t;
domain trap_icebp : native "hostile_trap.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
