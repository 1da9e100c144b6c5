// `make bench`: the hypercall benchmark guest in a 64 MiB domain beside a
// small 2 MiB one, to read per-domain and nested-paging costs at two
// sizes.
system "bench" {
	platform { cpus 1; memory 128M; iommu optional; }
	schedule { major 100ms; cpu 0 { bench 90ms; small 10ms; } }
}
level low;
type t;
domain bench : native "hcbench.elf" { memory 64M; type t; level low; }
domain small : native "hello.elf" { memory 2M; type t; level low; }
