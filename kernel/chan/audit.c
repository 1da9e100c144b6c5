// SPDX-License-Identifier: MIT
/*
 * The audit ring (ARCHITECTURE.md, "Policy": anything refused at run time
 * is logged). Every record gets a sequence number; when the one reader
 * falls behind, the oldest unread record is overwritten and counted in
 * `lost`, and the console says so, so an overflow is never silent. Each
 * denial also prints one summary line on the console; identical denials
 * in a row are counted and summed up in one line, so a guest hammering a
 * refused call cannot drown the serial log (or the kernel's time in it).
 */
#include <ksh/chan.h>
#include <ksh/kprintf.h>

static const char *const err_names[] = {
    [KSH_ENOSYS] = "ENOSYS", [KSH_EFAULT] = "EFAULT",	[KSH_EINVAL] = "EINVAL",
    [KSH_EPERM] = "EPERM",   [KSH_EBADH] = "EBADH",	[KSH_E2BIG] = "E2BIG",
    [KSH_EAGAIN] = "EAGAIN", [KSH_ELOCKED] = "ELOCKED",
};

const char *audit_errname(int64_t rc)
{
	if (rc == 0)
		return "OK";
	if (rc < 0 &&
	    -rc < (int64_t)(sizeof(err_names) / sizeof(err_names[0])) &&
	    err_names[-rc] != NULL)
		return err_names[-rc];
	return "E?";
}

static const char *call_name(uint32_t nr)
{
	switch (nr) {
	case KSH_HC_CHAN_SEND:
		return "chan_send";
	case KSH_HC_CHAN_RECV:
		return "chan_recv";
	case KSH_HC_EVENT_SIGNAL:
		return "event_signal";
	case KSH_HC_EVENT_WAIT:
		return "event_wait";
	case KSH_HC_AUDIT_READ:
		return "audit_read";
	case CHAN_AUDIT_WINDOW_WRITE:
		return "window_write";
	default:
		return "call";
	}
}

static bool is_chan_call(uint32_t nr)
{
	return nr == KSH_HC_CHAN_SEND || nr == KSH_HC_CHAN_RECV;
}

/* "greet.hello", "greet method 9", "greet", "handle 7", "event 2", "its
 * events" or "ring". */
static void object_name(const struct ksh_tables *t,
			const struct ksh_audit_record *r, char *buf,
			size_t size)
{
	if (r->call == CHAN_AUDIT_WINDOW_WRITE && r->object < t->n_channels) {
		ksnprintf(buf, size, "%s", t->channels[r->object].name);
	} else if (is_chan_call(r->call) && r->object < t->n_channels) {
		const struct ksh_channel *c = &t->channels[r->object];

		if (r->method < c->n_methods)
			ksnprintf(buf, size, "%s.%s", c->name,
				  t->methods[c->first_method + r->method].name);
		else if (r->method != KSH_NONE)
			ksnprintf(buf, size, "%s method %u", c->name,
				  r->method);
		else
			ksnprintf(buf, size, "%s", c->name);
	} else if (is_chan_call(r->call)) {
		ksnprintf(buf, size, "handle %u", r->handle);
	} else if (r->call == KSH_HC_AUDIT_READ) {
		ksnprintf(buf, size, "ring");
	} else if (r->call == KSH_HC_EVENT_WAIT) {
		ksnprintf(buf, size, "its events");
	} else if (r->object < t->n_events) {
		ksnprintf(buf, size, "%s", t->events[r->object].name);
	} else {
		ksnprintf(buf, size, "event %u", r->handle);
	}
}

/* Why a channel call was refused with no rule to name: the caller holds
 * the other end, or nothing granted the method. */
static const char *no_rule_reason(const struct ksh_tables *t,
				  const struct ksh_audit_record *r)
{
	const struct ksh_domain *d = &t->domains[r->subject];

	if (is_chan_call(r->call) && r->handle < d->n_endpoints) {
		uint32_t role =
		    t->endpoints[d->first_endpoint + r->handle].role;

		if (r->call == KSH_HC_CHAN_SEND && role != KSH_ROLE_SENDER)
			return "not the sending end";
		if (r->call == KSH_HC_CHAN_RECV && role != KSH_ROLE_RECEIVER)
			return "not the receiving end";
	}
	if (r->call == CHAN_AUDIT_WINDOW_WRITE)
		return "the reading end maps it read-only";
	return r->call == KSH_HC_AUDIT_READ ? "not an audit reader"
					    : "no rule: default deny";
}

static void print_denial(struct chan_sys *s, const struct ksh_audit_record *r)
{
	const struct ksh_tables *t = s->t;
	char obj[2 * KSH_NAME_MAX + 16], state[KSH_NAME_MAX + 16] = "";
	char rule[96] = "";
	char line[320];

	object_name(t, r, obj, sizeof(obj));
	if (r->state != KSH_NONE && r->object < t->n_channels &&
	    t->channels[r->object].fsm != KSH_NONE) {
		const struct ksh_fsm *f = &t->fsms[t->channels[r->object].fsm];

		if (r->state < f->n_states)
			ksnprintf(
			    state, sizeof(state), " in state %s",
			    t->fsm_states[f->first_state + r->state].name);
	}
	if (r->rule < t->n_rules)
		ksnprintf(rule, sizeof(rule), " (rule at %s)",
			  t->rules[r->rule].source);
	else if (r->result == -KSH_EPERM)
		ksnprintf(rule, sizeof(rule), " (%s)", no_rule_reason(t, r));
	ksnprintf(line, sizeof(line), "ksh: audit: denied %s %s %s%s: %s%s",
		  t->domains[r->subject].name, call_name(r->call), obj, state,
		  audit_errname(r->result), rule);
	s->log(s->log_ctx, line);
}

static bool same_denial(const struct ksh_audit_record *a,
			const struct ksh_audit_record *b)
{
	return a->subject == b->subject && a->object == b->object &&
	       a->method == b->method && a->state == b->state &&
	       a->result == b->result && a->call == b->call &&
	       a->handle == b->handle;
}

void audit_flush(struct chan_sys *s)
{
	struct audit_ring *a = s->audit;
	char line[96];

	if (a->repeats == 0)
		return;
	ksnprintf(line, sizeof(line),
		  "ksh: audit: last denial repeated %lu more times",
		  (unsigned long)a->repeats);
	s->log(s->log_ctx, line);
	a->repeats = 0;
}

void audit_log(struct chan_sys *s, struct ksh_audit_record *r)
{
	struct audit_ring *a = s->audit;

	if (a->next_seq - a->read_seq == AUDIT_RING_SIZE) {
		/* Full of unread records: the oldest goes, counted. Announce
		 * the first loss and every 1024th, not each one. */
		a->read_seq++;
		if (a->lost++ % 1024 == 0) {
			char line[96];

			ksnprintf(line, sizeof(line),
				  "ksh: audit: ring full, %lu records lost",
				  (unsigned long)a->lost);
			s->log(s->log_ctx, line);
		}
	}
	r->seq = a->next_seq;
	r->lost = a->lost;
	a->rec[a->next_seq % AUDIT_RING_SIZE] = *r;
	a->next_seq++;
	if (r->result >= 0)
		return;
	if (a->have_last && same_denial(&a->last, r)) {
		a->repeats++;
		return;
	}
	audit_flush(s);
	a->last = *r;
	a->have_last = true;
	print_denial(s, r);
}

uint32_t audit_read(struct audit_ring *a, struct ksh_audit_record *out,
		    uint32_t max)
{
	uint32_t n = 0;

	while (n < max && a->read_seq != a->next_seq) {
		out[n++] = a->rec[a->read_seq % AUDIT_RING_SIZE];
		a->read_seq++;
	}
	return n;
}
