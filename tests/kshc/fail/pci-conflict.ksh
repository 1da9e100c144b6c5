system "t" { platform { cpus 1; memory 128M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
channel c0 : message a -> b { methods { m(); } }
channel c1 : message b -> a { methods { m(); } }
domain a : linux {
	memory 64M; kernel "vmlinuz";
	device pci_host pci0;
	device channel d0 { channel c0; pci 00:03.0; }
	device channel d1 { channel c1; pci 00:03.0; }
}
domain b : native "hello.elf" { memory 2M; }
