// Affinity to CPU 1: domains run on CPU 0 only.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; affinity 0, 1; }
