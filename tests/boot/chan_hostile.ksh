// Message channels under attack (tests/boot/chan_boot.sh boots it):
// alice greets bob over a granted channel while mallory tries every
// refused case on its own channels to bob: a handle it does not hold, a
// method the policy does not grant, the flow order broken, buffers
// outside its memory and wrapping, and a flooded queue. Each refusal is
// audited; bob reads the audit ring and checks it, then receives the
// messages the kernel accepted. Last, mallory writes into the memory
// channel alice shares with it read-only, and is stopped by nested
// paging. Guests: tests/guests/chan_*.c.

system "chan_hostile" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 6ms;
		cpu 0 { alice 2ms; bob 2ms; mallory 2ms; }
	}
}

level low;
type alice_t, bob_t, mallory_t;

domain alice : native "chan_alice.elf" {
	memory 2M; type alice_t; level low;
}

domain bob : native "chan_bob.elf" {
	memory 2M; type bob_t; level low;
	flags audit_reader;
}

domain mallory : native "chan_mallory.elf" {
	memory 2M; type mallory_t; level low;
}

channel greet : message alice -> bob {
	size 256;
	methods { hello(text); }
}

channel session : message mallory -> bob {
	size 64;
	methods { open; data(bytes); close; secret; }
}

channel flood : message mallory -> bob {
	size 16;
	depth 4;
	methods { spam(bytes); }
}

// alice writes, mallory may only read (read-only at the nested level).
channel board : memory alice -> mallory {
	size 4K;
	at alice 0x80000000;
	at mallory 0x80000000;
}

policy {
	allow alice_t bob_t : greet { hello };
	allow mallory_t bob_t : session { open, data, close };
	allow mallory_t bob_t : flood { spam };
	flow sess on session {
		states closed, opened;
		initial closed;
		closed -open-> opened;
		opened -close-> closed;
		in closed deny data;
	}
}
