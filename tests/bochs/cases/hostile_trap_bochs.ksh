// Exception and cache-flush storms (tests/guests/hostile_trap.c) under
// Bochs's VMX (corei7_skylake_x), which models alignment checks: #DB and
// #AC are in the exception bitmap (SDM 25.6.3), so each is an exit,
// reflected into the guest (same vector; #AC with error code 0), and one
// raised while delivering itself can no longer loop inside the CPU
// (CVE-2015-8104, CVE-2015-5307). The kernel's counts match the guest's
// exactly: 20000 single steps, one after a CPUID (emulated, so raised by
// the kernel), 5 ICEBPs (the domain's name asks for them;
// INT1 exits as a privileged software exception and is delivered after
// the instruction), 40 #AC at CPL 3. WBINVD/WBNOINVD exit (WBINVD exiting,
// SDM 25.6.2) and are dropped. RDPRU is AMD's: #UD here by itself; CPUID
// hides it. The SVM run is hostile_trap_ryzen.ksh, the QEMU one
// tests/boot/cases/hostile_trap.ksh.
// (Checked in order per domain: tests/bochs/boot-bochs.sh.)
// boot-expect: [trap_icebp] HOSTILE-TRAP step over cpuid=1 (expected 1)
// boot-expect: [trap_icebp] HOSTILE-TRAP db=20006 (expected 20006)
// boot-expect: [trap_icebp] HOSTILE-TRAP ac=40 of 40, error codes 0x0
// boot-expect: [trap_icebp] HOSTILE-TRAP flushes done
// boot-expect: [trap_icebp] HOSTILE-TRAP rdpru cpuid-bit=0 ud=1
// boot-expect: [trap_icebp] HOSTILE-TRAP DONE
// boot-expect: ksh: domain trap_icebp exited with status 0
// boot-expect: reflected #DB 20006, #AC 40; WBINVD/WBNOINVD dropped 32
// boot-expect: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "hostile_trap_bochs" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { trap_icebp 20ms; witness 20ms; } }
}
level low;
type t;
domain trap_icebp : native "hostile_trap.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
