// Memory channel streaming through the ring library (tests/boot/
// ev_stream.sh boots it): ev_producer writes 1 MiB in records into a
// 64 KiB window and rings the doorbell; ev_consumer blocks on the
// doorbell, reads read-only, checks every byte and reports its position
// back on a message channel for flow control.
// Guests: tests/guests/ev_producer.c, ev_consumer.c.

system "ev_stream" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 4ms;
		cpu 0 { producer 2ms; consumer 2ms; }
	}
}

level low;
type ev_t;

domain producer : native "ev_producer.elf" {
	memory 4M; type ev_t; level low;
}

domain consumer : native "ev_consumer.elf" {
	memory 4M; type ev_t; level low;
}

event bell : producer -> consumer;

channel pipe : memory producer -> consumer {
	size 64K;
	event bell;
	at producer 0x40000000;
	at consumer 0x40000000;
}

channel credit : message consumer -> producer {
	size 16;
	methods { pos(bytes); }
}

policy {
	allow ev_t ev_t : credit { pos };
}
