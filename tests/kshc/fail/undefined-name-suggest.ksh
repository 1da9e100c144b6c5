// A near-miss channel name: the suggestion and where that channel is.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
channel greet : message a -> b { size 64; methods { hi(); } }
policy { allow a b : gret { hi }; }
