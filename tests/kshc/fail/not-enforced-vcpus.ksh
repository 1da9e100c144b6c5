// Two vCPUs: every domain runs on one.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; vcpus 2; }
