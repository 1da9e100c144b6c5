// SPDX-License-Identifier: MIT
/* The `kshchan` tool (kshchan_cli.h) against fake devices: each command,
 * its output format, its exit status (the error code) and the error it
 * names, and usage errors. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ksh/tables.h>

#include "kshchan_cli.h"
#include "kshchan_fake.h"

static const char *const crypto_methods[] = {"unlock", "sign", "lock"};
static const char *const reply_methods[] = {"status", "signature"};

/* Three fake devices: crypto (sender), reply (receiver), frames
 * (memory channel, role set per test). */
static struct fake_dev crypto, reply, frames;
static struct kshchan ch_crypto, ch_reply, ch_frames;
static int n_open, n_close;

static int be_open(void *ctx, const char *name, struct kshchan **ch)
{
	(void)ctx;
	if (strcmp(name, "crypto") == 0)
		*ch = &ch_crypto;
	else if (strcmp(name, "reply") == 0)
		*ch = &ch_reply;
	else if (strcmp(name, "frames") == 0)
		*ch = &ch_frames;
	else
		return -KSHCHAN_ENOCHAN;
	n_open++;
	return 0;
}

static void be_close(void *ctx, struct kshchan *ch)
{
	(void)ctx;
	(void)ch;
	n_close++;
}

static int be_list(void *ctx, kshchan_list_fn *each, void *arg)
{
	(void)ctx;
	each(arg, "0000:00:03.0", &ch_crypto, 0);
	each(arg, "0000:00:04.0", &ch_reply, 0);
	each(arg, "0000:00:05.0", NULL, -KSHCHAN_EBADDEV);
	return 0;
}

static int be_list_none(void *ctx, kshchan_list_fn *each, void *arg)
{
	(void)ctx;
	(void)each;
	(void)arg;
	return 0;
}

static struct kshchan_backend be = {
    .open = be_open, .close = be_close, .list = be_list};

static char *out_text, *err_text;
static size_t out_len, err_len;

static void setup(void)
{
	fake_init_message(&crypto, KSH_ROLE_SENDER, crypto_methods, 3, 4096);
	cr_assert_eq(fake_attach(&crypto, &ch_crypto), 0);
	fake_init_message(&reply, KSH_ROLE_RECEIVER, reply_methods, 2, 256);
	strcpy(fake_desc(&reply)->channel, "reply");
	strcpy(fake_desc(&reply)->device, "answers");
	cr_assert_eq(fake_attach(&reply, &ch_reply), 0);
	fake_init_memory(&frames, KSH_ROLE_WRITER, 64);
	cr_assert_eq(fake_attach(&frames, &ch_frames), 0);
	n_open = n_close = 0;
	be.list = be_list;
}

TestSuite(kshchan_cli, .init = setup);

/* Runs the tool on a NULL-terminated argument list with STDIN_TEXT as
 * standard input; output lands in out_text / err_text. */
static int run_input(const char *stdin_text, const char *first, ...)
{
	static char prog[] = "kshchan";
	char *argv[16] = {prog};
	int argc = 1, r;
	va_list ap;
	FILE *in, *out, *err;

	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)(uintptr_t)a;
	va_end(ap);
	free(out_text);
	free(err_text);
	in = fmemopen((void *)(uintptr_t)stdin_text, strlen(stdin_text), "r");
	out = open_memstream(&out_text, &out_len);
	err = open_memstream(&err_text, &err_len);
	struct kshchan_cli_io io = {.in = in, .out = out, .err = err};
	r = kshchan_cli_main(argc, argv, &be, &io);
	fclose(in);
	fclose(out);
	fclose(err);
	return r;
}

#define run(...) run_input("", __VA_ARGS__, NULL)

Test(kshchan_cli, send_text)
{
	cr_assert_eq(run("send", "crypto", "unlock", "1234"), 0);
	cr_assert_eq(crypto.n_sent, 1);
	cr_assert_eq(crypto.sent[0].method, 0);
	cr_assert_eq(crypto.sent[0].len, 4);
	cr_assert_arr_eq(crypto.sent[0].data, "1234", 4);
	cr_assert_eq(n_open, 1);
	cr_assert_eq(n_close, 1);
	cr_assert_str_eq(out_text, "");
}

Test(kshchan_cli, send_hex_file_and_stdin)
{
	char path[] = "/tmp/kshchan-cli-XXXXXX";
	int fd = mkstemp(path);

	cr_assert_eq(run("send", "crypto", "sign", "-x", "00ff:10 7f"), 0);
	cr_assert_eq(crypto.sent[0].method, 1);
	cr_assert_eq(crypto.sent[0].len, 4);
	cr_assert_arr_eq(crypto.sent[0].data, "\x00\xff\x10\x7f", 4);

	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "abc\0def", 7), 7);
	close(fd);
	cr_assert_eq(run("send", "-f", path, "crypto", "sign"), 0);
	unlink(path);
	cr_assert_eq(crypto.sent[1].len, 7);
	cr_assert_arr_eq(crypto.sent[1].data, "abc\0def", 7);

	cr_assert_eq(run_input("from stdin", "send", "crypto", "2", "-", NULL),
		     0);
	cr_assert_eq(crypto.sent[2].method, 2);
	cr_assert_arr_eq(crypto.sent[2].data, "from stdin", 10);
	cr_assert_eq(run_input("x", "send", "crypto", "lock", "-", NULL), 0);
	cr_assert_eq(crypto.sent[3].len, 1);
}

/* No data at all: an empty message, and standard input is not read (a
 * command run from a script without a terminal must never block on it). */
Test(kshchan_cli, send_without_data_sends_an_empty_message)
{
	cr_assert_eq(run_input("unread", "send", "crypto", "lock", NULL), 0);
	cr_assert_eq(crypto.n_sent, 1);
	cr_assert_eq(crypto.sent[0].method, 2);
	cr_assert_eq(crypto.sent[0].len, 0);
}

Test(kshchan_cli, send_refused_by_policy_exits_with_eperm)
{
	crypto.deny_mask = 1u << 1;
	cr_assert_eq(run("send", "crypto", "sign", "data"), KSH_EPERM);
	cr_assert_str_eq(err_text, "kshchan: send crypto sign: KSH_EPERM: "
				   "refused by policy (logged in the audit "
				   "ring)\n");
	cr_assert_eq(n_close, 1);
}

Test(kshchan_cli, send_full_queue_and_timeout)
{
	crypto.n_sent = FAKE_DEPTH;
	cr_assert_eq(run("send", "crypto", "lock", ""), KSH_EAGAIN);
	cr_assert(strstr(err_text, "KSH_EAGAIN"));
	cr_assert_eq(run("send", "--timeout", "20", "crypto", "lock", ""),
		     KSHCHAN_ETIMEDOUT);
	cr_assert(strstr(err_text, "KSHCHAN_ETIMEDOUT"));
}

Test(kshchan_cli, unknown_channel_and_method_are_named)
{
	cr_assert_eq(run("send", "nope", "sign", "x"), KSHCHAN_ENOCHAN);
	cr_assert_str_eq(err_text, "kshchan: send nope: KSHCHAN_ENOCHAN: no "
				   "channel device of that name\n");
	cr_assert_eq(run("send", "crypto", "decrypt", "x"), KSHCHAN_ENOMETHOD);
	cr_assert(strstr(err_text, "crypto decrypt: KSHCHAN_ENOMETHOD"));
	cr_assert_eq(crypto.n_commands, 0);
}

Test(kshchan_cli, send_larger_than_the_buffer)
{
	static char big[FAKE_BUF_SIZE + 2];

	memset(big, 'a', FAKE_BUF_SIZE + 1);
	cr_assert_eq(run("send", "crypto", "sign", big), KSHCHAN_ETOOBIG);
	cr_assert_eq(run_input(big, "send", "crypto", "sign", "-", NULL),
		     KSHCHAN_ETOOBIG);
	cr_assert_eq(crypto.n_commands, 0);
}

Test(kshchan_cli, usage_errors)
{
	cr_assert_eq(run_input("", NULL), KSHCHAN_EXIT_USAGE);
	cr_assert(strstr(err_text, "no command"));
	cr_assert_eq(run("frobnicate"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("send", "crypto"), KSHCHAN_EXIT_USAGE);
	cr_assert(strstr(err_text, "missing arguments"));
	cr_assert_eq(run("send", "crypto", "sign", "a", "b"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("send", "crypto", "sign", "text", "-x", "00"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert(strstr(err_text, "give the data once"));
	cr_assert_eq(run("send", "crypto", "sign", "-x", "0"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("send", "crypto", "sign", "-x", "zz"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("send", "crypto", "sign", "-x"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("recv", "--timeout", "soon", "reply"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("recv", "--timeout", "-5", "reply"),
		     KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("recv", "-q", "reply"), KSHCHAN_EXIT_USAGE);
	cr_assert(strstr(err_text, "unknown option"));
	cr_assert_eq(run("recv", "-x", "-r", "reply"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("list", "extra"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(n_open, 0);
	cr_assert_eq(crypto.n_commands + reply.n_commands, 0);
}

Test(kshchan_cli, data_starting_with_a_dash_after_double_dash)
{
	cr_assert_eq(run("send", "crypto", "sign", "--", "-q"), 0);
	cr_assert_arr_eq(crypto.sent[0].data, "-q", 2);
	cr_assert_eq(run("send", "crypto", "sign", "-5"), 0);
	cr_assert_arr_eq(crypto.sent[1].data, "-5", 2);
}

Test(kshchan_cli, recv_prints_method_length_and_data)
{
	fake_push(&reply, 0, "unlocked", 8);
	cr_assert_eq(run("recv", "reply"), 0);
	cr_assert_str_eq(out_text, "status 8\nunlocked\n");
	fake_push(&reply, 1, "\x30\x45\x02", 3);
	cr_assert_eq(run("recv", "-x", "reply"), 0);
	cr_assert_str_eq(out_text, "signature 3\n304502\n");
	fake_push(&reply, 0, "raw", 3);
	cr_assert_eq(run("recv", "-r", "reply"), 0);
	cr_assert_str_eq(out_text, "status 3\nraw");
}

Test(kshchan_cli, recv_to_a_file)
{
	char path[] = "/tmp/kshchan-cli-XXXXXX", got[16] = {0};
	int fd = mkstemp(path);
	FILE *f;

	cr_assert_geq(fd, 0);
	close(fd);
	fake_push(&reply, 1, "\x01\x00\x02", 3);
	cr_assert_eq(run("recv", "-o", path, "reply"), 0);
	cr_assert_str_eq(out_text, "signature 3\n");
	f = fopen(path, "rb");
	cr_assert_not_null(f);
	cr_assert_eq(fread(got, 1, sizeof(got), f), 3);
	fclose(f);
	unlink(path);
	cr_assert_arr_eq(got, "\x01\x00\x02", 3);
}

Test(kshchan_cli, recv_empty_waits_only_when_asked)
{
	cr_assert_eq(run("recv", "reply"), KSH_EAGAIN);
	cr_assert_eq(reply.n_sleeps, 0);
	cr_assert_eq(run("recv", "--timeout", "40", "reply"),
		     KSHCHAN_ETIMEDOUT);
	cr_assert_eq(reply.now, 1040);
	cr_assert_str_eq(out_text, "");
	reply.pending.method = 1;
	reply.pending.len = 1;
	reply.arrive_at_ms = reply.now + 10;
	cr_assert_eq(run("recv", "--timeout", "-1", "-x", "reply"), 0);
	cr_assert_str_eq(out_text, "signature 1\n00\n");
}

Test(kshchan_cli, recv_on_the_sending_end_is_the_device_error)
{
	cr_assert_eq(run("recv", "crypto"), KSH_EINVAL);
	cr_assert(strstr(err_text, "KSH_EINVAL"));
}

Test(kshchan_cli, list_prints_one_line_per_function)
{
	cr_assert_eq(run("list"), 0);
	cr_assert_str_eq(
	    out_text,
	    "0000:00:03.0 crypto device=keys kind=message role=sender "
	    "max=4096 methods=unlock,sign,lock\n"
	    "0000:00:04.0 reply device=answers kind=message role=receiver "
	    "max=256 methods=status,signature\n"
	    "0000:00:05.0 error KSHCHAN_EBADDEV: the device does not follow "
	    "the ksh channel device contract\n");
	be.list = be_list_none;
	cr_assert_eq(run("list"), KSHCHAN_ENOCHAN);
	cr_assert(strstr(err_text, "no ksh channel device"));
}

Test(kshchan_cli, memory_window_read_write_signal_wait)
{
	cr_assert_eq(run("write", "frames", "4", "-x", "a1b2"), 0);
	cr_assert_eq(frames.window[4], 0xa1);
	cr_assert_eq(frames.window[5], 0xb2);
	cr_assert_eq(run("write", "frames", "62", "hi"), 0);
	cr_assert_arr_eq(frames.window + 62, "hi", 2);
	/* Past the 64-byte window. */
	cr_assert_eq(run("write", "frames", "63", "hi"), KSHCHAN_ETOOBIG);
	cr_assert_eq(run("write", "frames", "65", "h"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("read", "frames", "3", "4"), 0);
	cr_assert_str_eq(out_text, "00a1b200\n");
	cr_assert_eq(run("read", "frames", "60"), 0);
	cr_assert_str_eq(out_text, "00006869\n");
	cr_assert_eq(run("read", "frames", "60", "5"), KSHCHAN_EXIT_USAGE);
	cr_assert_eq(run("signal", "frames"), 0);
	cr_assert_eq(frames.n_signals, 1);
	cr_assert_eq(run("wait", "frames"), KSHCHAN_ETIMEDOUT);
	frames.latched = KSH_CHANDEV_ST_EVENT;
	cr_assert_eq(run("wait", "--timeout", "5", "frames"), 0);
	cr_assert_eq(frames.latched, 0);
	cr_assert_eq(run("read", "crypto"), KSHCHAN_EKIND);
	cr_assert_eq(run("signal", "crypto"), KSHCHAN_EKIND);
}

Test(kshchan_cli, reader_window_is_not_written)
{
	fake_init_memory(&frames, KSH_ROLE_READER, 64);
	cr_assert_eq(fake_attach(&frames, &ch_frames), 0);
	cr_assert_eq(run("write", "frames", "0", "x"), KSHCHAN_EKIND);
	cr_assert(strstr(err_text, "reader's window is read-only"));
	cr_assert_eq(frames.window[0], 0);
}
