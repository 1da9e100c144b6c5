// SPDX-License-Identifier: MIT
/* libkshchan against the fake device (kshchan_fake.h): the contract
 * checks of kshchan_attach, method names, and the SEND / RECV / SIGNAL
 * sequences of chandev_regs.h, including waiting with a timeout. */
#include <criterion/criterion.h>
#include <string.h>

#include <ksh/tables.h>

#include "kshchan.h"
#include "kshchan_fake.h"

static const char *const ks_methods[] = {"unlock", "sign", "lock"};
static struct fake_dev f;
static struct kshchan ch;

static void sender(void)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 4096);
	cr_assert_eq(fake_attach(&f, &ch), 0);
}

static void receiver(void)
{
	fake_init_message(&f, KSH_ROLE_RECEIVER, ks_methods, 3, 256);
	cr_assert_eq(fake_attach(&f, &ch), 0);
}

Test(kshchan_attach, fills_the_endpoint_from_the_device)
{
	sender();
	cr_assert_str_eq(ch.channel, "crypto");
	cr_assert_str_eq(ch.device, "keys");
	cr_assert_eq(ch.kind, KSH_CHANDEV_KIND_MESSAGE);
	cr_assert_eq(ch.role, KSH_ROLE_SENDER);
	cr_assert_eq(ch.max_msg, 4096);
	cr_assert_eq(ch.n_methods, 3);
	cr_assert_eq(ch.buf, f.bar1 + KSH_CHANDEV_DESC_SIZE);
	cr_assert_eq(ch.buf_size, FAKE_BUF_SIZE);
	cr_assert_null(ch.window);
	cr_assert_eq(f.bad_accesses, 0);
}

/* Every way the device may break the contract is refused before use. */
static void expect_baddev(void)
{
	cr_assert_eq(fake_attach(&f, &ch), -KSHCHAN_EBADDEV);
}

Test(kshchan_attach, refuses_a_wrong_id_register)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	f.id = 0x12345678;
	expect_baddev();
}

Test(kshchan_attach, refuses_another_version)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->version = 2;
	expect_baddev();
}

Test(kshchan_attach, refuses_a_descriptor_that_disagrees_with_info)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->role = KSH_ROLE_RECEIVER;
	expect_baddev();
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->max_msg = 128;
	expect_baddev();
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->magic = 0;
	expect_baddev();
}

Test(kshchan_attach, refuses_a_role_of_the_other_kind)
{
	fake_init_message(&f, KSH_ROLE_WRITER, ks_methods, 3, 64);
	expect_baddev();
}

Test(kshchan_attach, refuses_unterminated_names)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	memset(fake_desc(&f)->channel, 'a', KSH_CHANDEV_NAME_MAX);
	expect_baddev();
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	memset(fake_desc(&f)->methods[2], 'm', KSH_CHANDEV_NAME_MAX);
	expect_baddev();
}

Test(kshchan_attach, refuses_too_many_methods)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	/* INFO has 8 bits of count: 49 fits there but not in methods[]. */
	fake_desc(&f)->n_methods = KSH_CHANDEV_METHODS_MAX + 1;
	expect_baddev();
}

Test(kshchan_attach, refuses_a_buffer_outside_bar1)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->buf_offset = 100; /* over the descriptor */
	expect_baddev();
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->buf_size = FAKE_BUF_SIZE + 1;
	expect_baddev();
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	fake_desc(&f)->buf_offset = 0xFFFFF000u; /* no wrap-around */
	expect_baddev();
	/* A buffer smaller than the largest message. */
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, FAKE_BUF_SIZE);
	fake_desc(&f)->buf_size = 16;
	expect_baddev();
}

Test(kshchan_attach, refuses_a_short_bar1)
{
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 64);
	cr_assert_eq(kshchan_attach(&ch, &fake_ops, &f, f.bar1, 100, NULL, 0),
		     -KSHCHAN_EBADDEV);
	cr_assert_eq(kshchan_attach(&ch, &fake_ops, &f, NULL, 0, NULL, 0),
		     -KSHCHAN_EBADDEV);
}

Test(kshchan_attach, memory_channel_needs_its_window)
{
	fake_init_memory(&f, KSH_ROLE_WRITER, 4096);
	cr_assert_eq(
	    kshchan_attach(&ch, &fake_ops, &f, f.bar1, sizeof(f.bar1), NULL, 0),
	    -KSHCHAN_EBADDEV);
	cr_assert_eq(kshchan_attach(&ch, &fake_ops, &f, f.bar1, sizeof(f.bar1),
				    f.window, 2048),
		     -KSHCHAN_EBADDEV);
	cr_assert_eq(fake_attach(&f, &ch), 0);
	size_t size = 0;
	cr_assert_eq(kshchan_window(&ch, &size), f.window);
	cr_assert_eq(size, 4096);
}

Test(kshchan_method, names_and_indexes)
{
	char name[KSH_CHANDEV_NAME_MAX];

	sender();
	cr_assert_eq(kshchan_method_index(&ch, "unlock"), 0);
	cr_assert_eq(kshchan_method_index(&ch, "lock"), 2);
	cr_assert_eq(kshchan_method_index(&ch, "2"), 2);
	cr_assert_eq(kshchan_method_index(&ch, "3"), -KSHCHAN_ENOMETHOD);
	cr_assert_eq(kshchan_method_index(&ch, "sig"), -KSHCHAN_ENOMETHOD);
	cr_assert_eq(kshchan_method_index(&ch, ""), -KSHCHAN_ENOMETHOD);
	cr_assert_eq(kshchan_method_index(&ch, "1x"), -KSHCHAN_ENOMETHOD);
	kshchan_method_name(&ch, 1, name);
	cr_assert_str_eq(name, "sign");
	kshchan_method_name(&ch, 3, name);
	cr_assert_str_eq(name, "");
}

Test(kshchan_send, copies_sets_length_and_method_then_runs_send)
{
	sender();
	cr_assert_eq(kshchan_send(&ch, 0, "1234", 4, 0), 0);
	cr_assert_eq(f.n_sent, 1);
	cr_assert_eq(f.sent[0].method, 0);
	cr_assert_eq(f.sent[0].len, 4);
	cr_assert_arr_eq(f.sent[0].data, "1234", 4);
	cr_assert_eq(kshchan_send(&ch, 2, NULL, 0, 0), 0);
	cr_assert_eq(f.sent[1].method, 2);
	cr_assert_eq(f.sent[1].len, 0);
}

Test(kshchan_send, passes_the_device_refusal_through)
{
	sender();
	f.deny_mask = 1u << 1;
	cr_assert_eq(kshchan_send(&ch, 1, "x", 1, 1000), -KSH_EPERM);
	cr_assert_eq(f.n_sent, 0);
	cr_assert_eq(f.n_sleeps, 0); /* a refusal is not waited on */
	/* The device, not the library, judges sizes up to the buffer. */
	cr_assert_eq(kshchan_send(&ch, 0, f.bar1, 4096, 0), 0);
	fake_init_message(&f, KSH_ROLE_SENDER, ks_methods, 3, 100);
	cr_assert_eq(fake_attach(&f, &ch), 0);
	cr_assert_eq(kshchan_send(&ch, 0, f.bar1, 101, 0), -KSH_E2BIG);
}

Test(kshchan_send, refuses_more_than_the_buffer_without_a_command)
{
	static uint8_t big[FAKE_BUF_SIZE + 1];

	sender();
	cr_assert_eq(kshchan_send(&ch, 0, big, sizeof(big), 0),
		     -KSHCHAN_ETOOBIG);
	cr_assert_eq(f.n_commands, 0);
}

Test(kshchan_send, full_queue_without_wait_is_eagain)
{
	sender();
	for (unsigned i = 0; i < FAKE_DEPTH; i++)
		cr_assert_eq(kshchan_send(&ch, 0, "a", 1, 0), 0);
	cr_assert_eq(kshchan_send(&ch, 0, "a", 1, 0), -KSH_EAGAIN);
	cr_assert_eq(f.n_sleeps, 0);
}

Test(kshchan_send, waits_for_room)
{
	sender();
	f.n_sent = FAKE_DEPTH;
	f.room_at_arrival = 1;
	f.arrive_at_ms = f.now + 7;
	cr_assert_eq(kshchan_send(&ch, 1, "z", 1, 100), 0);
	cr_assert_eq(f.n_sent, 1);
	cr_assert_eq(f.sent[0].method, 1);
	cr_assert_geq(f.now, 1007);
	cr_assert_leq(f.now, 1007 + KSHCHAN_POLL_MS);
}

Test(kshchan_send, times_out_when_no_room_comes)
{
	sender();
	f.n_sent = FAKE_DEPTH;
	cr_assert_eq(kshchan_send(&ch, 0, "a", 1, 25), -KSHCHAN_ETIMEDOUT);
	cr_assert_eq(f.now, 1025); /* exactly the deadline, not later */
}

Test(kshchan_send, refuses_a_memory_channel)
{
	fake_init_memory(&f, KSH_ROLE_WRITER, 4096);
	cr_assert_eq(fake_attach(&f, &ch), 0);
	cr_assert_eq(kshchan_send(&ch, 0, "a", 1, 0), -KSHCHAN_EKIND);
	cr_assert_eq(f.n_commands, 0);
}

Test(kshchan_recv, returns_method_and_data)
{
	uint8_t out[256];
	uint32_t m = 99;

	receiver();
	fake_push(&f, 1, "signature", 9);
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 0), 9);
	cr_assert_eq(m, 1);
	cr_assert_arr_eq(out, "signature", 9);
	cr_assert_eq(f.n_inbox, 0);
}

Test(kshchan_recv, empty_without_wait_is_eagain)
{
	uint8_t out[16];
	uint32_t m;

	receiver();
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 0), -KSH_EAGAIN);
	cr_assert_eq(f.n_sleeps, 0);
}

Test(kshchan_recv, waits_until_a_message_arrives)
{
	uint8_t out[16];
	uint32_t m = 0;

	receiver();
	f.pending.method = 2;
	f.pending.len = 2;
	memcpy(f.pending.data, "ok", 2);
	f.arrive_at_ms = f.now + 50;
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 500), 2);
	cr_assert_eq(m, 2);
	cr_assert_arr_eq(out, "ok", 2);
	cr_assert_geq(f.now, 1050);
	cr_assert_leq(f.now, 1050 + KSHCHAN_POLL_MS);
	/* Polls STATUS while waiting: RECV is issued once before and once
	 * after, not once per poll. */
	cr_assert_eq(f.n_commands, 2);
}

Test(kshchan_recv, waits_forever_with_a_negative_timeout)
{
	uint8_t out[16];

	receiver();
	f.pending.len = 1;
	f.arrive_at_ms = f.now + 100000;
	cr_assert_eq(kshchan_recv(&ch, NULL, out, sizeof(out), -1), 1);
}

Test(kshchan_recv, times_out_at_the_deadline)
{
	uint8_t out[16];
	uint32_t m;

	receiver();
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 30),
		     -KSHCHAN_ETIMEDOUT);
	cr_assert_eq(f.now, 1030);
}

Test(kshchan_recv, refuses_lengths_and_methods_the_device_did_not_declare)
{
	uint8_t out[FAKE_BUF_SIZE];
	uint32_t m;

	receiver();
	fake_push(&f, 0, "a", 1);
	f.recv_len_override = 257; /* over MAX_MSG (256) */
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 0),
		     -KSHCHAN_EBADDEV);
	f.recv_len_override = 0;
	fake_push(&f, 0, "a", 1);
	f.recv_method_override = 3; /* only 3 methods */
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 0),
		     -KSHCHAN_EBADDEV);
}

Test(kshchan_recv, too_small_a_buffer_is_reported)
{
	uint8_t out[4];
	uint32_t m;

	receiver();
	fake_push(&f, 0, "longer", 6);
	cr_assert_eq(kshchan_recv(&ch, &m, out, sizeof(out), 0),
		     -KSHCHAN_ETOOBIG);
}

Test(kshchan_recv, the_device_refuses_a_sender)
{
	uint8_t out[4];

	sender();
	cr_assert_eq(kshchan_recv(&ch, NULL, out, sizeof(out), 1000),
		     -KSH_EINVAL);
	cr_assert_eq(f.n_sleeps, 0);
}

Test(kshchan_event, signal_rings_the_doorbell)
{
	fake_init_memory(&f, KSH_ROLE_WRITER, 4096);
	cr_assert_eq(fake_attach(&f, &ch), 0);
	cr_assert_eq(kshchan_signal(&ch), 0);
	cr_assert_eq(f.n_signals, 1);
	sender();
	cr_assert_eq(kshchan_signal(&ch), -KSHCHAN_EKIND);
	cr_assert_eq(kshchan_wait_event(&ch, 0), -KSHCHAN_EKIND);
}

Test(kshchan_event, wait_sees_the_latched_event_and_clears_it)
{
	fake_init_memory(&f, KSH_ROLE_READER, 4096);
	cr_assert_eq(fake_attach(&f, &ch), 0);
	cr_assert_eq(kshchan_wait_event(&ch, 0), -KSHCHAN_ETIMEDOUT);
	f.pending_event = 1;
	f.arrive_at_ms = f.now + 9;
	cr_assert_eq(kshchan_wait_event(&ch, 100), 0);
	cr_assert_eq(f.latched & KSH_CHANDEV_ST_EVENT, 0);
	cr_assert_eq(kshchan_wait_event(&ch, 10), -KSHCHAN_ETIMEDOUT);
}

Test(kshchan_errors, every_code_has_a_distinct_name)
{
	static const int codes[] = {
	    KSH_ENOSYS,	     KSH_EFAULT,	KSH_EINVAL,
	    KSH_EPERM,	     KSH_EBADH,		KSH_E2BIG,
	    KSH_EAGAIN,	     KSH_ELOCKED,	KSHCHAN_ETIMEDOUT,
	    KSHCHAN_ENOCHAN, KSHCHAN_ENOMETHOD, KSHCHAN_EBADDEV,
	    KSHCHAN_EIO,     KSHCHAN_EKIND,	KSHCHAN_ETOOBIG};
	size_t n = sizeof(codes) / sizeof(codes[0]);

	for (size_t i = 0; i < n; i++) {
		cr_assert_str_neq(kshchan_errname(codes[i]), "unknown error");
		cr_assert_str_eq(kshchan_errname(-codes[i]),
				 kshchan_errname(codes[i]));
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(kshchan_errname(codes[i]),
					  kshchan_errname(codes[j]));
	}
	cr_assert_str_eq(kshchan_errname(-KSH_EPERM), "KSH_EPERM");
	cr_assert(strstr(kshchan_strerror(-KSH_EPERM), "audit"));
	cr_assert_str_eq(kshchan_errname(99), "unknown error");
	cr_assert_str_eq(kshchan_kind_name(7), "unknown");
	cr_assert_str_eq(kshchan_role_name(KSH_ROLE_READER), "reader");
}
