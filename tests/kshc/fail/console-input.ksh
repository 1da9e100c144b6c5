system "t" { platform { cpus 1; memory 512M; } schedule { major 30ms; cpu 0 { a 10ms; b 10ms; n 10ms; } } }
domain a : linux { memory 64M; kernel "vmlinuz"; device uart com1 { port 0x3f8; irq 4; console; } }
domain b : linux { memory 64M; kernel "vmlinuz"; device uart com1 { port 0x3f8; irq 4; console; } }
domain n : native "hello.elf" { memory 2M; device uart com1 { console; } }
