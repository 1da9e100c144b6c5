// Channel benchmark (tests/boot/chan_bench.sh, make bench): message
// round trips between two native domains, and a 2 MiB memory channel's
// copy bandwidth against memcpy inside each domain.

system "chan_bench" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 2ms;
		cpu 0 { bping 1ms; bpong 1ms; }
	}
}

level low;
type bench_t;

domain bping : native "chan_bping.elf" {
	memory 4M; type bench_t; level low;
}

domain bpong : native "chan_bpong.elf" {
	memory 4M; type bench_t; level low;
}

channel ping : message bping -> bpong {
	size 64;
	methods { ping(bytes); }
}

channel pong : message bpong -> bping {
	size 64;
	methods { pong(bytes); }
}

channel win : memory bping -> bpong {
	size 2M;
	at bping 0x40000000;
	at bpong 0x40000000;
}

policy {
	allow bench_t bench_t : ping { ping };
	allow bench_t bench_t : pong { pong };
}
