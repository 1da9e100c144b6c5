system "t" { platform { cpus 1; memory 128M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : linux {
	memory 64M; kernel "vmlinuz";
	device uart com1 { port 0x3f8; irq 4; }
	device uart com2 { port 0x2f8; irq 4; }
}
domain b : native "hello.elf" { memory 2M; }
