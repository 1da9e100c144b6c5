// Port I/O the domain was not given (PCI configuration, the keyboard
// controller's reset, QEMU's exit port) exits through the I/O permission
// map: each domain is stopped and logged at its first attempt, the machine
// is neither reset nor ended, and the witness runs to its end. io_fault's
// policy asks for a fault instead: it gets #GP(0), and having no IDT, it
// double- or triple-faults and is stopped for that.
// boot-see: [io] HOSTILE-IO attempt 0 out 0xcf8
// boot-see: ksh: domain io stopped: violation: forbidden port I/O: out port cf8 size 4
// boot-see: [io_cfc] HOSTILE-IO attempt 1 in 0xcfc
// boot-see: ksh: domain io_cfc stopped: violation: forbidden port I/O: in port cfc size 4
// boot-see: [io_kbd] HOSTILE-IO attempt 2 out 0x64
// boot-see: ksh: domain io_kbd stopped: violation: forbidden port I/O: out port 64 size 1
// boot-see: [io_exit] HOSTILE-IO attempt 3 out 0xf4
// boot-see: ksh: domain io_exit stopped: violation: forbidden port I/O: out port f4 size 1
// boot-see: ksh: domain io_fault violation: forbidden port I/O: out port cf8 size 4
// boot-see: #GP injected
// boot-see: ksh: domain io_fault stopped
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: HOSTILE-IO FAIL
// boot-reject: PANIC
system "hostile_io" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 100ms;
		cpu 0 { io 20ms; io_cfc 20ms; io_kbd 20ms; io_exit 20ms;
			io_fault 10ms; witness 10ms; }
	}
}
level low;
type t;
domain io : native "hostile_io.elf" { memory 2M; type t; level low; }
domain io_cfc : native "hostile_io.elf" { memory 2M; type t; level low; }
domain io_kbd : native "hostile_io.elf" { memory 2M; type t; level low; }
domain io_exit : native "hostile_io.elf" { memory 2M; type t; level low; }
domain io_fault : native "hostile_io.elf" {
	memory 2M; type t; level low; flags fault_on_violation;
}
domain witness : native "hello.elf" { memory 2M; type t; level low; }
