// Devices in a native domain: the kernel attaches no device model to one,
// so its ports would only stop the domain.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" {
	memory 2M;
	device uart com1 { port 0x3f8; irq 4; }
	device pit pit0;
}
