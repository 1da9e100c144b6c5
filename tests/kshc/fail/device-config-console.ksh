system "t" { platform { cpus 1; memory 256M; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : linux {
	memory 64M;
	kernel "vmlinuz";
	device pit pit0 { console; }
	device uart com1 { console; }
}
