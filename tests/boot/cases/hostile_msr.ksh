// MSRs outside the small set whose guest copy lives in the VMCB are
// intercepted (deny by default): writing EFER, reading the APIC base,
// reading the host save area address each stop the domain with a log line.
// boot-see: [msr] HOSTILE-MSR attempt 0 wrmsr 0xc0000080
// boot-see: ksh: domain msr stopped: violation: forbidden MSR write c0000080
// boot-see: [msr_apic] HOSTILE-MSR attempt 1 rdmsr 0x1b
// boot-see: ksh: domain msr_apic stopped: violation: forbidden MSR read 1b
// boot-see: [msr_hsave] HOSTILE-MSR attempt 3 rdmsr 0xc0010117
// boot-see: ksh: domain msr_hsave stopped: violation: forbidden MSR read c0010117
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: HOSTILE-MSR FAIL
// boot-reject: PANIC
system "hostile_msr" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 80ms;
		cpu 0 { msr 20ms; msr_apic 20ms; msr_hsave 20ms; witness 20ms; }
	}
}
level low;
type t;
domain msr : native "hostile_msr.elf" { memory 2M; type t; level low; }
domain msr_apic : native "hostile_msr.elf" { memory 2M; type t; level low; }
domain msr_hsave : native "hostile_msr.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
