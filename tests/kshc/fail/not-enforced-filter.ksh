// A network filter: no traffic is filtered, so the rules would be a lie.
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; }
network lan {
	filter {
		allow out tcp to 10.0.0.2 port 443;
		allow in udp from 10.0.0.0/24 port 53..54;
		allow icmp;
		deny 192.168.0.0/16;
		deny all;
	}
}
