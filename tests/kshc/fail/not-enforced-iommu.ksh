// "iommu required": the kernel programs no IOMMU, so it must not promise one.
system "t" { platform { cpus 1; iommu required; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; }
