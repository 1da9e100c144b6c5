// A network: no switch joins emulated NICs.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; }
network lan { }
