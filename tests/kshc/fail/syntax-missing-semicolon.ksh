// A ';' forgotten at the end of a line is reported after the token it
// should follow, not at the start of the next line.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "hello.elf" {
	memory 2M
	vcpus 1;
}
domain b : native "hello.elf" { memory 2M; }
