// A domain whose closing brace is missing: the error names the block and
// where it opens, and the next domain is read as written.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "hello.elf" {
	memory 2M;
	vcpus 1;

domain b : native "hello.elf" {
	memory 2M;
}
