// A payload file name one typo away from a file in a searched directory.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "helo.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
