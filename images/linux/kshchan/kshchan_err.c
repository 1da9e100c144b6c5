// SPDX-License-Identifier: MIT
/*
 * libkshchan: names for error codes, channel kinds and endpoint roles.
 * KSH_E* sentences follow the comments of ksh/hypercall.h, where the
 * codes are defined; the device's RESULT register returns the same codes
 * (chandev_regs.h).
 */
#include "kshchan.h"

#include <ksh/tables.h>

struct err_entry {
	int code;
	const char *name;
	const char *text;
};

static const struct err_entry err_table[] = {
    {KSH_ENOSYS, "KSH_ENOSYS", "operation not supported by the device"},
    {KSH_EFAULT, "KSH_EFAULT", "buffer not mapped with the needed rights"},
    {KSH_EINVAL, "KSH_EINVAL", "malformed request (method, length, role)"},
    {KSH_EPERM, "KSH_EPERM", "refused by policy (logged in the audit ring)"},
    {KSH_EBADH, "KSH_EBADH", "no such channel endpoint in this domain"},
    {KSH_E2BIG, "KSH_E2BIG", "message larger than the channel allows"},
    {KSH_EAGAIN, "KSH_EAGAIN", "queue full (send) or empty (receive)"},
    {KSH_ELOCKED, "KSH_ELOCKED", "memory protection locked until reset"},
    {KSHCHAN_ETIMEDOUT, "KSHCHAN_ETIMEDOUT",
     "timed out waiting for the channel"},
    {KSHCHAN_ENOCHAN, "KSHCHAN_ENOCHAN", "no channel device of that name"},
    {KSHCHAN_ENOMETHOD, "KSHCHAN_ENOMETHOD",
     "the channel has no method of that name"},
    {KSHCHAN_EBADDEV, "KSHCHAN_EBADDEV",
     "the device does not follow the ksh channel device contract"},
    {KSHCHAN_EIO, "KSHCHAN_EIO", "system call failed"},
    {KSHCHAN_EKIND, "KSHCHAN_EKIND",
     "operation not available on this kind of channel"},
    {KSHCHAN_ETOOBIG, "KSHCHAN_ETOOBIG",
     "data larger than the buffer that should hold it"},
};

static const struct err_entry *err_find(int err)
{
	int code = err < 0 ? -err : err;

	for (size_t i = 0; i < sizeof(err_table) / sizeof(err_table[0]); i++)
		if (err_table[i].code == code)
			return &err_table[i];
	return NULL;
}

const char *kshchan_errname(int err)
{
	const struct err_entry *e = err_find(err);

	return e ? e->name : "unknown error";
}

const char *kshchan_strerror(int err)
{
	const struct err_entry *e = err_find(err);

	return e ? e->text : "unknown error";
}

const char *kshchan_kind_name(uint32_t kind)
{
	switch (kind) {
	case KSH_CHANDEV_KIND_MEMORY:
		return "memory";
	case KSH_CHANDEV_KIND_MESSAGE:
		return "message";
	default:
		return "unknown";
	}
}

const char *kshchan_role_name(uint32_t role)
{
	switch (role) {
	case KSH_ROLE_WRITER:
		return "writer";
	case KSH_ROLE_READER:
		return "reader";
	case KSH_ROLE_SENDER:
		return "sender";
	case KSH_ROLE_RECEIVER:
		return "receiver";
	default:
		return "unknown";
	}
}
