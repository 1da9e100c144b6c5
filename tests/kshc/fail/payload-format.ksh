system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "bzImage" { memory 2M; }
domain b : linux { memory 8M; kernel "hello.elf"; }
