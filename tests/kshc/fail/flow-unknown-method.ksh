system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
channel c : message a -> b { methods { open(); close(); } }
policy {
	allow a b : c;
	flow f on c { states s0, s1; initial s0; s0 -opn-> s1; s1 -close-> s0; }
}
