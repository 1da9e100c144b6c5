system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
type ta, tb;
domain a : native "hello.elf" { memory 2M; type ta; }
domain b : native "hello.elf" { memory 2M; type tb; }
channel c : message a -> b { methods { read(); write(); } }
policy {
	allow ta tb : c;
	neverallow ta tb : c { write };
}
