// Core language: labels, native domains, both kinds of channel, a shared
// region with an explicit address, a flow machine and allow/deny rules.
system "core" {
	platform { cpus 1; memory 256M; iommu optional; }
	schedule {
		major 10ms;
		cpu 0 { ui 3ms; idle 1ms; store 3ms; logger 3ms; }
	}
}

level public < internal < secret;
category corp, personal;
type ui_t, store_t, log_t;
attribute trusted = store_t, log_t;
const RAM = 4M;

domain ui : native "hello.elf" {
	memory RAM; vcpus 1; affinity 0;
	type ui_t; level internal; categories corp;
}

domain store : native "hello.elf" {
	memory 6M; type store_t; level secret; categories corp, personal;
	affinity 0;
}

domain logger : native "hello.elf" {
	memory 2M; type log_t; level secret; categories corp, personal;
	affinity 0;
}

channel keys : message ui -> store {
	size 512; depth 8;
	methods { unlock(pin); sign(key_id, data); lock(); }
}

event log_ready : store -> logger;

channel journal : memory store -> logger {
	size 64K;
	event log_ready;
}

shared scratch {
	size 2M;
	map store rw;
	map logger r at 0x80000000;
}

policy {
	allow ui_t store_t : keys { unlock, sign, lock };
	deny ui store : keys { lock };
	neverflow trusted -> ui;
	neverallow * ui_t : keys;
	flow session on keys {
		states locked, unlocked;
		initial locked;
		locked -unlock-> unlocked;
		unlocked -lock-> locked;
		in locked allow unlock;
	}
}
