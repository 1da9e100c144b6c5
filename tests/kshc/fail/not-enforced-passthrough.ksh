// Pass-through of a physical PCI function: the kernel hands out none.
system "t" { platform { cpus 1; iommu required; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; passthrough 00:1f.3; }
