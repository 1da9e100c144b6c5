// A domain flooding the console (4096-byte CONSOLE_WRITEs in a loop)
// beside a heartbeat domain that counts its frames and the time it ran
// in them (tests/guests/con_flood.c); checked by console_flood.sh.
system "console_flood" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 20ms; cpu 0 { flood 10ms; beat 10ms; } }
}
level low;
type t;
domain flood : native "con_flood.elf" { memory 2M; type t; level low; }
domain beat : native "con_flood.elf" { memory 2M; type t; level low; }
