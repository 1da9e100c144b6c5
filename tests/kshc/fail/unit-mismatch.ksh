system "t" { platform { cpus 1; } schedule { major 10M; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
