system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 3ms; b 3ms; x 4ms; } } }
level low < high;
domain a : native "hello.elf" { memory 2M; level high; }
domain x : native "hello.elf" { memory 2M; level high; }
domain b : native "hello.elf" { memory 2M; level high; }
channel c1 : memory a -> x { size 4K; }
channel c2 : message x -> b { methods { m(); } }
policy {
	allow x b : c2;
	neverflow a -> b;
}
