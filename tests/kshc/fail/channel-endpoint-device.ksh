// A channel device in a domain that holds no end of its channel: the
// kernel would refuse the domain at boot; kshc says so at the device.
system "t" {
	platform { cpus 1; memory 256M; }
	schedule { major 10ms; cpu 0 { a 3ms; b 3ms; l 4ms; } }
}
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
domain l : linux {
	memory 64M;
	kernel "bzImage";
	device channel ch0 { channel greet; irq 11; }
}
channel greet : message a -> b { size 64; methods { hi(); } }
policy { allow a b : greet { hi }; }
