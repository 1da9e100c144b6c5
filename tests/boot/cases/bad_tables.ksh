// Tables whose format version is not the kernel's are refused before
// anything is allocated, with the reason.
// boot-sed: s/\.version = KSH_TABLES_VERSION/.version = 99/
// boot-expect: ksh: refusing to boot: the generated tables are invalid: table format version differs from the kernel's
// boot-reject: allocated
system "bad_tables" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
