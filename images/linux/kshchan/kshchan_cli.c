// SPDX-License-Identifier: MIT
/*
 * The `kshchan` tool (usage in kshchan_cli.h): argument parsing, data in
 * and out, and one function per command over libkshchan.
 */
#include "kshchan_cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <ksh/tables.h>

static const char usage_text[] =
    "usage: kshchan list\n"
    "       kshchan send [--timeout MS] CHANNEL METHOD "
    "[TEXT | -x HEX | -f FILE | -]\n"
    "       kshchan recv [--timeout MS] [-x | -r | -o FILE] CHANNEL\n"
    "       kshchan signal CHANNEL\n"
    "       kshchan wait [--timeout MS] CHANNEL\n"
    "       kshchan read CHANNEL [OFFSET [LENGTH]]\n"
    "       kshchan write CHANNEL OFFSET [TEXT | -x HEX | -f FILE | -]\n"
    "       kshchan ring-write CHANNEL [RECORD]\n"
    "       kshchan ring-read [--timeout MS] [-x] CHANNEL [COUNT]\n"
    "MS: milliseconds to wait (0: do not wait, the default; -1: forever)\n";

/* Options a command accepts. */
#define OPT_TIMEOUT 0x1u
#define OPT_DATA    0x2u /* -x HEX, -f FILE, - (stdin) */
#define OPT_OUT	    0x4u /* -x, -r, -o FILE (recv output) */
#define OPT_HEX	    0x8u /* -x (ring-read output) */

struct cli {
	const struct kshchan_backend *be;
	const struct kshchan_cli_io *io;
	const char *cmd;
	int timeout_ms;
	const char *hex, *file;
	int data_stdin;
	int out_hex, out_raw;
	const char *out_file;
	const char *pos[4];
	int npos;
};

static int usage(struct cli *c, const char *why)
{
	fprintf(c->io->err, "kshchan: %s\n%s", why, usage_text);
	return KSHCHAN_EXIT_USAGE;
}

/* Names the error on stderr and returns it as the exit status. */
static int fail(struct cli *c, const char *what, int err)
{
	int saved = errno;

	fprintf(c->io->err, "kshchan: %s %s: %s: %s", c->cmd, what,
		kshchan_errname(err), kshchan_strerror(err));
	if (err == -KSHCHAN_EIO)
		fprintf(c->io->err, " (%s)", strerror(saved));
	fputc('\n', c->io->err);
	return err < 0 ? -err : err;
}

static int parse_timeout(const char *s, int *out)
{
	uint64_t v;

	if (s && strcmp(s, "-1") == 0) {
		*out = -1;
		return 0;
	}
	if (kshchan_parse_u64(s, INT_MAX, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* Splits argv after the command into options (those in ALLOWED) and at
 * most MAXPOS positional words. "--" ends the options. */
static int parse_args(struct cli *c, int argc, char **argv, unsigned allowed,
		      int minpos, int maxpos)
{
	int only_pos = 0;

	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (!only_pos && strcmp(a, "--") == 0) {
			only_pos = 1;
		} else if (!only_pos && (allowed & OPT_TIMEOUT) &&
			   strcmp(a, "--timeout") == 0) {
			if (parse_timeout(next, &c->timeout_ms) != 0)
				return usage(c, "--timeout needs MS: a number "
						"of milliseconds, or -1");
			i++;
		} else if (!only_pos && (allowed & OPT_DATA) &&
			   strcmp(a, "-x") == 0) {
			/* Checked now, decoded once the channel's buffer
			 * size is known. */
			if (!next || kshchan_hex_decode(next, NULL, 0) < 0)
				return usage(c, "-x needs HEX: an even number "
						"of hex digits");
			c->hex = next;
			i++;
		} else if (!only_pos && (allowed & OPT_DATA) &&
			   strcmp(a, "-f") == 0) {
			if (!next)
				return usage(c, "-f needs FILE");
			c->file = next;
			i++;
		} else if (!only_pos && (allowed & OPT_DATA) &&
			   strcmp(a, "-") == 0) {
			c->data_stdin = 1;
		} else if (!only_pos && (allowed & (OPT_OUT | OPT_HEX)) &&
			   strcmp(a, "-x") == 0) {
			c->out_hex = 1;
		} else if (!only_pos && (allowed & OPT_OUT) &&
			   strcmp(a, "-r") == 0) {
			c->out_raw = 1;
		} else if (!only_pos && (allowed & OPT_OUT) &&
			   strcmp(a, "-o") == 0) {
			if (!next)
				return usage(c, "-o needs FILE");
			c->out_file = next;
			i++;
		} else if (!only_pos && a[0] == '-' && a[1] != '\0' &&
			   !(a[1] >= '0' && a[1] <= '9')) {
			return usage(c, "unknown option (use -- before data "
					"that starts with '-')");
		} else {
			if (c->npos == maxpos)
				return usage(c, "too many arguments");
			c->pos[c->npos++] = a;
		}
	}
	if (c->npos < minpos)
		return usage(c, "missing arguments");
	if (c->out_hex + c->out_raw + (c->out_file != NULL) > 1)
		return usage(c, "choose one of -x, -r, -o");
	/* Data commands (send, write) take TEXT as their third word. */
	if ((allowed & OPT_DATA) && c->npos > 2 &&
	    strcmp(c->pos[2], "-") == 0) {
		c->npos = 2;
		c->data_stdin = 1;
	}
	if ((allowed & OPT_DATA) && (c->npos > 2) + (c->hex != NULL) +
					    (c->file != NULL) + c->data_stdin >
					1)
		return usage(c, "give the data once: TEXT, -x HEX, -f FILE "
				"or -");
	return 0;
}

/* The data of send/write (parse_args checked there is one source): TEXT
 * (the third word), -x, -f, stdin ("-"), or none (empty). Returns the length in buf, or -1
 * with the exit status (already reported). */
static int get_data(struct cli *c, uint8_t *buf, size_t cap, int *exit_status)
{
	const char *text = c->npos > 2 ? c->pos[2] : NULL;
	int n;
	FILE *f;

	if (text) {
		if (strlen(text) > cap) {
			*exit_status = fail(c, "data", -KSHCHAN_ETOOBIG);
			return -1;
		}
		memcpy(buf, text, strlen(text));
		return (int)strlen(text);
	}
	if (c->hex) {
		n = kshchan_hex_decode(c->hex, buf, cap);
	} else if (c->file) {
		f = fopen(c->file, "rb");
		if (!f) {
			*exit_status = fail(c, c->file, -KSHCHAN_EIO);
			return -1;
		}
		n = kshchan_read_all(f, buf, cap);
		fclose(f);
	} else if (c->data_stdin) {
		n = kshchan_read_all(c->io->in, buf, cap);
	} else {
		/* No data given: an empty message (a method without
		 * arguments, e.g. lock()). Standard input only with "-", so a
		 * command run without a terminal never waits on it. */
		n = 0;
	}
	if (n < 0) {
		*exit_status = fail(c, "data", n);
		return -1;
	}
	return n;
}

static int cmd_send(struct cli *c, struct kshchan *ch)
{
	uint8_t *buf = malloc(ch->buf_size ? ch->buf_size : 1);
	int m, n, r, status = 0;
	char what[160];

	snprintf(what, sizeof(what), "%s %s", c->pos[0], c->pos[1]);
	if (!buf)
		return fail(c, what, -KSHCHAN_EIO);
	m = kshchan_method_index(ch, c->pos[1]);
	if (m < 0) {
		status = fail(c, what, m);
		goto out;
	}
	n = get_data(c, buf, ch->buf_size, &status);
	if (n < 0)
		goto out;
	r = kshchan_send(ch, (uint32_t)m, buf, (size_t)n, c->timeout_ms);
	if (r < 0)
		status = fail(c, what, r);
out:
	free(buf);
	return status;
}

static int cmd_recv(struct cli *c, struct kshchan *ch)
{
	uint8_t *buf = malloc(ch->buf_size ? ch->buf_size : 1);
	char name[KSH_CHANDEV_NAME_MAX];
	int n, status = 0;
	uint32_t m = 0;
	FILE *f;

	if (!buf)
		return fail(c, c->pos[0], -KSHCHAN_EIO);
	n = kshchan_recv(ch, &m, buf, ch->buf_size, c->timeout_ms);
	if (n < 0) {
		status = fail(c, c->pos[0], n);
		goto out;
	}
	kshchan_method_name(ch, m, name);
	fprintf(c->io->out, "%s %d\n", name, n);
	if (c->out_file) {
		f = fopen(c->out_file, "wb");
		if (!f || fwrite(buf, 1, (size_t)n, f) != (size_t)n) {
			status = fail(c, c->out_file, -KSHCHAN_EIO);
			if (f)
				fclose(f);
			goto out;
		}
		if (fclose(f) != 0)
			status = fail(c, c->out_file, -KSHCHAN_EIO);
	} else if (c->out_hex) {
		kshchan_hex_print(c->io->out, buf, (size_t)n);
	} else {
		fwrite(buf, 1, (size_t)n, c->io->out);
		if (!c->out_raw)
			fputc('\n', c->io->out);
	}
out:
	free(buf);
	return status;
}

static int cmd_signal(struct cli *c, struct kshchan *ch)
{
	int r = kshchan_signal(ch);

	return r < 0 ? fail(c, c->pos[0], r) : 0;
}

static int cmd_wait(struct cli *c, struct kshchan *ch)
{
	int r = kshchan_wait_event(ch, c->timeout_ms);

	return r < 0 ? fail(c, c->pos[0], r) : 0;
}

/* OFFSET and LENGTH (either may be NULL: 0, and to the end) inside the
 * window; returns 0, or -1 with the exit status (already reported). */
static int window_range(struct kshchan *ch, struct cli *c, const char *off_s,
			const char *len_s, size_t *off, size_t *len,
			int *status)
{
	size_t size;
	uint64_t o = 0, l;

	if (!kshchan_window(ch, &size)) {
		*status = fail(c, c->pos[0], -KSHCHAN_EKIND);
		return -1;
	}
	if (off_s && kshchan_parse_u64(off_s, size, &o) != 0) {
		*status = usage(c, "OFFSET must be a number inside the window");
		return -1;
	}
	l = size - o;
	if (len_s && kshchan_parse_u64(len_s, size - o, &l) != 0) {
		*status =
		    usage(c, "LENGTH must fit in the window after OFFSET");
		return -1;
	}
	*off = (size_t)o;
	*len = (size_t)l;
	return 0;
}

static int cmd_read(struct cli *c, struct kshchan *ch)
{
	size_t off, len;
	int status = 0;

	if (window_range(ch, c, c->npos > 1 ? c->pos[1] : NULL,
			 c->npos > 2 ? c->pos[2] : NULL, &off, &len,
			 &status) == 0)
		kshchan_hex_print(
		    c->io->out, (const uint8_t *)kshchan_window(ch, NULL) + off,
		    len);
	return status;
}

static int cmd_write(struct cli *c, struct kshchan *ch)
{
	size_t off, len;
	int n, status = 0;

	if (ch->role != KSH_ROLE_WRITER) {
		fprintf(c->io->err,
			"kshchan: write %s: the %s's window is read-only\n",
			c->pos[0], kshchan_role_name(ch->role));
		return KSHCHAN_EKIND;
	}
	if (window_range(ch, c, c->pos[1], NULL, &off, &len, &status) != 0)
		return status;
	n = get_data(c, (uint8_t *)kshchan_window(ch, NULL) + off, len,
		     &status);
	return n < 0 ? status : 0;
}

static int cmd_ring_write(struct cli *c, struct kshchan *ch)
{
	struct ksh_ring_writer w;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int r;

	r = kshchan_ring_writer(ch, &w);
	if (r < 0)
		return fail(c, c->pos[0], r);
	if (c->npos > 1) {
		r = kshchan_ring_put(ch, &w, c->pos[1],
				     (uint32_t)strlen(c->pos[1]));
		return r < 0 ? fail(c, c->pos[0], r) : 0;
	}
	/* One record per line of standard input, newline dropped. */
	while ((n = getline(&line, &cap, c->io->in)) > 0) {
		if (line[n - 1] == '\n')
			n--;
		r = kshchan_ring_put(ch, &w, line, (uint32_t)n);
		if (r < 0)
			break;
	}
	free(line);
	return r < 0 ? fail(c, c->pos[0], r) : 0;
}

static int cmd_ring_read(struct cli *c, struct kshchan *ch)
{
	struct ksh_ring_reader rd;
	uint64_t want = UINT64_MAX, got = 0, lost = 0;
	uint8_t *buf;
	int64_t n;
	int r, status = 0;

	if (c->npos > 1 && kshchan_parse_u64(c->pos[1], UINT32_MAX, &want) != 0)
		return usage(c, "COUNT must be a number");
	r = kshchan_ring_reader(ch, &rd);
	if (r < 0)
		return fail(c, c->pos[0], r);
	buf = malloc(ch->window_size);
	if (!buf)
		return fail(c, c->pos[0], -KSHCHAN_EIO);
	while (got < want) {
		/* Without COUNT: only what is there now, no waiting. */
		n = kshchan_ring_get(ch, &rd, buf, ch->window_size,
				     want == UINT64_MAX ? 0 : c->timeout_ms);
		if (n == KSH_RING_OVERRUN)
			continue; /* counted in rd.lost */
		if (n == KSH_RING_EMPTY && want == UINT64_MAX)
			break; /* no COUNT: everything there is */
		if (n < 0) {
			status = fail(c, c->pos[0], (int)n);
			break;
		}
		got++;
		if (c->out_hex) {
			kshchan_hex_print(c->io->out, buf, (size_t)n);
		} else {
			fwrite(buf, 1, (size_t)n, c->io->out);
			fputc('\n', c->io->out);
		}
	}
	lost = rd.lost;
	if (lost)
		fprintf(c->io->err,
			"kshchan: ring-read %s: %llu records lost to "
			"overruns\n",
			c->pos[0], (unsigned long long)lost);
	free(buf);
	return status;
}

struct list_state {
	struct cli *c;
	int count;
};

static void list_one(void *arg, const char *slot, const struct kshchan *ch,
		     int err)
{
	struct list_state *s = arg;
	FILE *out = s->c->io->out;
	char name[KSH_CHANDEV_NAME_MAX];

	s->count++;
	if (!ch) {
		fprintf(out, "%s error %s: %s\n", slot, kshchan_errname(err),
			kshchan_strerror(err));
		return;
	}
	fprintf(out, "%s %s device=%s kind=%s role=%s max=%u methods=", slot,
		ch->channel, ch->device, kshchan_kind_name(ch->kind),
		kshchan_role_name(ch->role), ch->max_msg);
	for (uint32_t i = 0; i < ch->n_methods; i++) {
		kshchan_method_name(ch, i, name);
		fprintf(out, "%s%s", i ? "," : "", name);
	}
	fputc('\n', out);
}

static int cmd_list(struct cli *c)
{
	struct list_state s = {.c = c};
	int r = c->be->list(c->be->ctx, list_one, &s);

	if (r < 0)
		return fail(c, "devices", r);
	if (s.count == 0) {
		fprintf(c->io->err, "kshchan: no ksh channel device found\n");
		return KSHCHAN_ENOCHAN;
	}
	return 0;
}

static const struct command {
	const char *name;
	unsigned opts;
	int minpos, maxpos;
	int (*run)(struct cli *c, struct kshchan *ch);
} commands[] = {
    {"send", OPT_TIMEOUT | OPT_DATA, 2, 3, cmd_send},
    {"recv", OPT_TIMEOUT | OPT_OUT, 1, 1, cmd_recv},
    {"signal", 0, 1, 1, cmd_signal},
    {"wait", OPT_TIMEOUT, 1, 1, cmd_wait},
    {"read", 0, 1, 3, cmd_read},
    {"write", OPT_DATA, 2, 3, cmd_write},
    {"ring-write", 0, 1, 2, cmd_ring_write},
    {"ring-read", OPT_TIMEOUT | OPT_HEX, 1, 2, cmd_ring_read},
};

int kshchan_cli_main(int argc, char **argv, const struct kshchan_backend *be,
		     const struct kshchan_cli_io *io)
{
	struct cli c = {.be = be, .io = io};
	struct kshchan *ch;
	int r, status;

	if (argc < 2)
		return usage(&c, "no command");
	c.cmd = argv[1];
	if (strcmp(c.cmd, "list") == 0) {
		if (argc != 2)
			return usage(&c, "list takes no arguments");
		return cmd_list(&c);
	}
	if (strcmp(c.cmd, "help") == 0 || strcmp(c.cmd, "--help") == 0) {
		fputs(usage_text, io->out);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const struct command *k = &commands[i];

		if (strcmp(c.cmd, k->name) != 0)
			continue;
		status =
		    parse_args(&c, argc, argv, k->opts, k->minpos, k->maxpos);
		if (status)
			return status;
		r = be->open(be->ctx, c.pos[0], &ch);
		if (r < 0)
			return fail(&c, c.pos[0], r);
		status = k->run(&c, ch);
		be->close(be->ctx, ch);
		fflush(io->out);
		return status;
	}
	return usage(&c, "unknown command");
}
