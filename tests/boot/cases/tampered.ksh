// A payload whose bytes do not match the digest in the tables is refused
// before loading; the other domain starts and runs.
// boot-tamper: 0
// boot-expect: ksh: domain bad refused: payload SHA-256 does not match the digest in the tables
// boot-expect: ksh: domain good: payload hello.elf verified (SHA-256) and loaded
// boot-expect: [good] DONE good
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: [bad]
system "tampered" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { bad 20ms; good 20ms; } }
}
level low;
type t;
domain bad : native "hello.elf" { memory 2M; type t; level low; }
domain good : native "hello.elf" { memory 2M; type t; level low; }
