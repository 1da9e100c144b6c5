// A plan for CPU 1: the kernel runs CPU 0's plan only, so b would never run.
system "t" {
	platform { cpus 2; }
	schedule { major 10ms; cpu 0 { a 10ms; } cpu 1 { b 10ms; } }
}
domain a : native "hello.elf" { memory 2M; affinity 0; }
domain b : native "hello.elf" { memory 2M; affinity 1; }
