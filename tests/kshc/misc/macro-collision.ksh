// Valid .ksh whose tables.h constants would collide: domain "a_b" with
// channel "c" and domain "a" with channel "b_c" both give
// KSH_HANDLE_A_B_C. kshc --emit-c must refuse it (tests/kshc/golden.sh).
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 3ms; a_b 3ms; x 4ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain a_b : native "hello.elf" { memory 2M; }
domain x : native "hello.elf" { memory 2M; }
channel c : memory a_b -> x { size 4K; }
channel b_c : memory a -> x { size 4K; }
