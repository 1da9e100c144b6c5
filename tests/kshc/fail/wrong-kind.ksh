system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
type t;
domain a : native "hello.elf" { memory 2M; level t; }
domain b : native "hello.elf" { memory 2M; type t; }
