// keystore_linux: the secure-storage case of examples/keystore.ksh with a
// Linux client. The same native key store holds an ECDSA P-256 private
// key; the client is Debian's stock kernel with the busybox initramfs
// (make linux-image), which reaches its two channels through ksh channel
// devices (PCI functions, chandev_regs.h) with the `kshchan` tool from
// user space, no driver. The kernel's flow machine refuses a signature
// before an unlock; a third (native) domain holds a channel no rule grants.
//
// The client's commands (ksh.run=, percent-encoded, images/linux/README.md):
//   1. kshchan list                        the two channel functions
//   2. kshchan send crypto sign early      refused while locked: rc 4
//   3. kshchan send crypto unlock 1234; kshchan recv --timeout 20000 reply
//   4. kshchan send crypto sign ksh-linux-client-signs-this;
//      kshchan recv --timeout 20000 -x reply   -> signature, in hex
//   5. kshchan send crypto lock; recv       -> "locked"
//   6. unlock with 1111, 2222, 3333, then the right 1234, each answered:
//      two "wrong pin" answers, then "blocked", and "blocked" even for
//      the right PIN: three wrong PINs lock the key store until reset
//   7. kshchan send crypto sign too-late    the flow machine lets it pass
//      (an unlock was sent), the blocked key store refuses it
//   8. reboot -f                           stops the domain (i8042 reset)
//
// Build:  kshc examples/keystore_linux.ksh -L build/guests
//         -L build/images/linux -o build/keystore_linux.efi
// Test:   tests/kshchan/keystore_linux.sh (boots it, verifies the
//         signature on the host with openssl)

system "keystore_linux" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 12ms;
		cpu 0 { client 8ms; keystore 2ms; intruder 2ms; }
	}
}

level public < secret;
type client_t, keystore_t, untrusted_t;

domain client : linux {
	memory 128M; type client_t; level secret;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off ksh.run=kshchan%20list ksh.run=kshchan%20send%20crypto%20sign%20early ksh.run=kshchan%20send%20crypto%20unlock%201234%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=kshchan%20send%20crypto%20sign%20ksh-linux-client-signs-this%20%26%26%20kshchan%20recv%20--timeout%2020000%20-x%20reply ksh.run=kshchan%20send%20crypto%20lock%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=for%20p%20in%201111%202222%203333%201234%3B%20do%20kshchan%20send%20crypto%20unlock%20%24p%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply%3B%20done ksh.run=kshchan%20send%20crypto%20sign%20too-late%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=reboot%20-f";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
	device channel crypto_dev { channel crypto; irq 10; }
	device channel reply_dev { channel reply; irq 11; }
}

domain keystore : native "ks_keystore.elf" {
	memory 4M; type keystore_t; level secret;
	flags audit_reader;
}

domain intruder : native "ks_intruder.elf" {
	memory 2M; type untrusted_t; level public;
}

// The same channels, in the same order, as examples/keystore.ksh: the key
// store's handles (0 crypto, 1 reply) do not change.
channel crypto : message client -> keystore {
	size 4K;
	depth 4;
	methods { unlock(pin); sign(data); lock(); }
}

channel reply : message keystore -> client {
	size 256;
	depth 4;
	methods { status(text); signature(der); }
}

channel guest_crypto : message intruder -> keystore {
	size 4K;
	methods { sign(data); }
}

policy {
	allow client_t keystore_t : crypto { sign } audit;
	allow client_t keystore_t : crypto { unlock, lock };
	allow keystore_t client_t : reply { status, signature };
	flow session on crypto {
		states locked, unlocked;
		initial locked;
		locked -unlock-> unlocked;
		unlocked -lock-> locked;
		in locked deny sign;
	}
	neverallow untrusted_t keystore_t : * { * };
}
