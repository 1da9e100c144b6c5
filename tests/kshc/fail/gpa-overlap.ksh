system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
shared s1 { size 2M; map a rw at 0x40000000; }
shared s2 { size 2M; map a r at 0x40000000; map b rw; }
