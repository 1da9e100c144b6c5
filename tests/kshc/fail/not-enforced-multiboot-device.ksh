// Devices in a Multiboot domain: none is attached either.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : multiboot "hello.elf" {
	memory 4M;
	device uart com1 { port 0x3f8; irq 4; }
}
