// A second CPU: the kernel starts on CPU 0 and never brings up another.
system "t" { platform { cpus 2; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; affinity 0; }
