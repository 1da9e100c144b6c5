// An event as a virtual interrupt: events reach their waiter through
// EVENT_WAIT only.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }
domain a : native "hello.elf" { memory 2M; }
domain b : native "hello.elf" { memory 2M; }
event ready : a -> b { vector 0x41; }
