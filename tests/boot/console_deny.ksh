// A domain alternating two refused channel calls 2000 times (so no two
// denials in a row are the same) beside a well-behaved one
// (tests/guests/con_flood.c, hello.c); checked by console_flood.sh.
system "console_deny" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 20ms; cpu 0 { deny 10ms; witness 10ms; } }
}
level low;
type t;
domain deny : native "con_flood.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
