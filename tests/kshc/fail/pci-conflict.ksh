system "t" { platform { cpus 1; memory 64M; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
network lan { filter { deny all; } }
domain a : native "hello.elf" {
	memory 2M;
	device ne2000 n0 { network lan; pci 00:03.0; }
	device ne2000 n1 { network lan; pci 00:03.0; }
}
domain b : native "hello.elf" { memory 2M; }
