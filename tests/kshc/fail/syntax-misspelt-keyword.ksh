// A misspelt keyword at the start of a declaration: one error, with the
// keyword it is one typo away from; nothing of the broken declaration is
// read as top-level statements (its "type t;" is not a second type).
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
type t;
domain a : native "hello.elf" { memory 2M; type t; }
domian b : native "hello.elf" { memory 2M; type t; }
