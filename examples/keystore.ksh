// keystore: the secure-storage case. A native key-store domain holds an
// ECDSA P-256 private key; a client may ask it for signatures only after
// unlocking with a PIN, in an order the kernel's flow machine enforces;
// a third domain holds a channel to it that no rule grants. The key
// never leaves the key store's memory: no channel carries it and nested
// paging maps that memory into no other domain.
//
// Build:  kshc examples/keystore.ksh -L build/guests --emit-c DIR
//         (tests/kshc/payloads holds stand-in ELFs of the same names for
//         the compiler's own tests)
// Test:   tests/boot/chan_keystore.sh (boots it, verifies the signature
//         on the host with openssl)

system "keystore" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 6ms;
		cpu 0 { client 2ms; keystore 2ms; intruder 2ms; }
	}
}

level public < secret;
type client_t, keystore_t, untrusted_t;

// The client works with the key store at its level, so answers flow
// back without a write-down (Bell-LaPadula); the intruder sits below.
domain client : native "ks_client.elf" {
	memory 2M; type client_t; level secret;
}

domain keystore : native "ks_keystore.elf" {
	memory 4M; type keystore_t; level secret;
	flags audit_reader;
}

domain intruder : native "ks_intruder.elf" {
	memory 2M; type untrusted_t; level public;
}

// Requests: the PIN, data to sign, locking again.
channel crypto : message client -> keystore {
	size 4K;
	depth 4;
	methods { unlock(pin); sign(data); lock(); }
}

// Answers: a status text or a DER signature. Never the key.
channel reply : message keystore -> client {
	size 256;
	depth 4;
	methods { status(text); signature(der); }
}

// Declared, never granted: every call on it is refused and audited.
channel guest_crypto : message intruder -> keystore {
	size 4K;
	methods { sign(data); }
}

policy {
	// Signatures are audited even when granted (first allow decides).
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
