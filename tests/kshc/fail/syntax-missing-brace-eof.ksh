// The file ends inside a block: named, with where it opens.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" {
	memory 2M;
