system "t" { platform { cpus 2; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; affinity 1; }
domain b : native "hello.elf" { memory 2M; }
