// hello: the smallest useful ksh system. Two native domains share the one
// CPU half and half; hello_a sends hello_b a greeting over a message
// channel, which the policy allows and nothing else.
//
// Build:  kshc examples/hello.ksh -L build/guests --emit-c build/hello

system "hello" {
	platform {
		cpus 1;
		memory 64M;
		iommu optional;
	}
	schedule {
		major 10ms;
		cpu 0 {
			hello_a 5ms;
			hello_b 5ms;
		}
	}
}

level low;
type hello_t;

domain hello_a : native "hello.elf" {
	memory 2M;
	vcpus 1;
	type hello_t;
	level low;
}

domain hello_b : native "hello.elf" {
	memory 2M;
	vcpus 1;
	type hello_t;
	level low;
}

channel greet : message hello_a -> hello_b {
	size 256;
	methods {
		hello(text);
	}
}

policy {
	allow hello_a hello_b : greet { hello };
}
