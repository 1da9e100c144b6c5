system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
level low < high;
domain a : native "hello.elf" { memory 2M; level high; }
domain b : native "hello.elf" { memory 2M; level low; }
shared s { size 4K; map a rw; map b r; }
