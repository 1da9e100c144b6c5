system "t" { platform { cpus 1; iommu required; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; passthrough 00:1f.2; }
domain b : native "hello.elf" { memory 2M; passthrough 00:1f.2; }
