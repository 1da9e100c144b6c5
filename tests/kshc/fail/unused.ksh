system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
type spare;
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
