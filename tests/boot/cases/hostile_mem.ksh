// Reads and writes outside a domain's memory (beyond its RAM, the local
// APIC page, the top of the physical address space) are caught by nested
// paging: each domain is stopped and the violation logged at its first
// attempt, and the well-behaved domain runs to its end.
// boot-see: [mem] HOSTILE-MEM attempt 0 read
// boot-see: ksh: domain mem stopped: violation: memory access outside its grants: read gpa 40400000 (not mapped)
// boot-see: [mem_write] HOSTILE-MEM attempt 1 write
// boot-see: ksh: domain mem_write stopped: violation: memory access outside its grants: write gpa 40400000 (not mapped)
// boot-see: [mem_lapic] HOSTILE-MEM attempt 2 read 0xfee00000
// boot-see: ksh: domain mem_lapic stopped: violation: memory access outside its grants: read gpa fee00000
// boot-see: [mem_high_write] HOSTILE-MEM attempt 5 write
// boot-see: ksh: domain mem_high_write stopped: violation: memory access outside its grants: write gpa
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: HOSTILE-MEM FAIL
// boot-reject: PANIC
system "hostile_mem" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 100ms;
		cpu 0 { mem 20ms; mem_write 20ms; mem_lapic 20ms;
			mem_high_write 20ms; witness 20ms; }
	}
}
level low;
type t;
domain mem : native "hostile_mem.elf" { memory 4M; type t; level low; }
domain mem_write : native "hostile_mem.elf" { memory 4M; type t; level low; }
domain mem_lapic : native "hostile_mem.elf" { memory 4M; type t; level low; }
domain mem_high_write : native "hostile_mem.elf" { memory 4M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
