// "idle" is reserved everywhere (it names the idle slot of a plan), so it
// cannot be a type's name: said as such.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
type t, idle;
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
