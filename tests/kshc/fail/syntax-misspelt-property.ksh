// A misspelt property inside a domain: the suggestion comes from the
// statements a domain block accepts.
system "t" {
	platform { cpus 1; memory 64M; }
	schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } }
}
domain a : native "hello.elf" { memroy 2M; }
domain b : native "hello.elf" { memory 2M; }
