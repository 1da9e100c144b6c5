// SPDX-License-Identifier: MIT
/* Diagnostic printing; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

const struct ksh_diag_info ksh_diag_table[DIAG_COUNT] = {
#define DIAG(id, nm, sev) [id] = {.name = nm, .severity = sev},
#include "diag_ids.h"
#undef DIAG
};

int diag_by_name(const char *name)
{
	for (int i = 0; i < DIAG_COUNT; i++)
		if (strcmp(ksh_diag_table[i].name, name) == 0)
			return i;
	return -1;
}

/* The quoted source line and a caret/underline below it. Tabs are kept in
 * the underline so it lines up in any tab width. */
static void diag_quote(struct ksh_diags *d, FILE *out,
		       const struct ksh_loc *loc)
{
	size_t len, i, start = 0, shown;
	const char *line;
	int first, last;

	if (loc->src == NULL || loc->src->text == NULL)
		return;
	if (d->arena == NULL)
		return;
	line = src_line(d->arena, loc->src, loc->first_line, &len);
	if (line == NULL)
		return;
	first = loc->first_column < 1 ? 1 : loc->first_column;
	last = loc->last_line == loc->first_line ? loc->last_column : first;
	if (last < first)
		last = first;
	/* A long line is shown as a window around the column. */
	if ((size_t)first > 120 && len > 160)
		start = (size_t)first - 60;
	shown = len - start < 160 ? len - start : 160;
	fprintf(out, "%5d | %s", loc->first_line, start ? "..." : "");
	for (i = start; i < start + shown; i++) {
		unsigned char c = (unsigned char)line[i];

		fputc((c == '\t' || (c >= 0x20 && c < 0x7f)) ? c : '?', out);
	}
	fprintf(out, "%s\n      | %s", start + shown < len ? "..." : "",
		start ? "   " : "");
	for (i = start; i + 1 < (size_t)first && i < len; i++)
		fputc(line[i] == '\t' ? '\t' : ' ', out);
	for (int c = first; c <= last && c - first < 160; c++)
		fputc(c == first ? '^' : '~', out);
	fputc('\n', out);
}

static void diag_vprint(struct ksh_diags *d, FILE *out,
			const struct ksh_loc *loc, const char *head,
			const char *fmt, va_list ap)
{
	if (loc != NULL && loc->src != NULL && loc->first_line == 0)
		fprintf(out, "%s: ", loc->src->name); /* the whole file */
	else if (loc != NULL && loc->src != NULL)
		fprintf(out, "%s:%d:%d: ", loc->src->name, loc->first_line,
			loc->first_column);
	else
		fputs("kshc: ", out);
	fputs(head, out);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	/* A note at the very place just quoted adds its text only. */
	if (loc != NULL && loc->first_line > 0 &&
	    !(loc->src == d->last_quoted.src &&
	      loc->first_line == d->last_quoted.first_line &&
	      loc->first_column == d->last_quoted.first_column &&
	      strncmp(head, "note", 4) == 0)) {
		diag_quote(d, out, loc);
		d->last_quoted = *loc;
	}
}

static int diag_vreport(struct ksh_diags *d, enum ksh_diag_id id,
			enum ksh_severity sev, const struct ksh_loc *loc,
			const char *fmt, va_list ap)
{
	const char *what;
	char head[96];

	if (sev == SEV_WARNING && d->werror)
		sev = SEV_ERROR;
	if (sev == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->printed >= DIAG_PRINT_MAX) {
		d->suppressed++;
		d->last_shown = 0;
		return sev == SEV_ERROR;
	}
	d->printed++;
	d->last_shown = 1;
	what = sev == SEV_ERROR ? "error" : "warning";
	snprintf(head, sizeof(head), "%s[%s]: ", what, ksh_diag_table[id].name);
	diag_vprint(d, d->out ? d->out : stderr, loc, head, fmt, ap);
	return sev == SEV_ERROR;
}

int diag_report(struct ksh_diags *d, enum ksh_diag_id id,
		const struct ksh_loc *loc, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = diag_vreport(d, id, ksh_diag_table[id].severity, loc, fmt, ap);
	va_end(ap);
	return r;
}

int diag_report_as(struct ksh_diags *d, enum ksh_diag_id id,
		   enum ksh_severity sev, const struct ksh_loc *loc,
		   const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = diag_vreport(d, id, sev, loc, fmt, ap);
	va_end(ap);
	return r;
}

void diag_note(struct ksh_diags *d, const struct ksh_loc *loc, const char *fmt,
	       ...)
{
	va_list ap;

	if (!d->last_shown)
		return;
	va_start(ap, fmt);
	diag_vprint(d, d->out ? d->out : stderr, loc, "note: ", fmt, ap);
	va_end(ap);
}

void diag_finish(struct ksh_diags *d)
{
	if (d->suppressed > 0)
		fprintf(d->out ? d->out : stderr,
			"kshc: %d more diagnostics not shown\n", d->suppressed);
}
