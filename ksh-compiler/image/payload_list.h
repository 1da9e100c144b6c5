/* SPDX-License-Identifier: MIT */
/*
 * The payloads an image embeds, read back from the generated payloads.S
 * (one `.incbin "PATH"` per payload), each file once with its SHA-256:
 * for the dependency file and --print-digest.
 */
#ifndef KSH_IMAGE_PAYLOAD_LIST_H
#define KSH_IMAGE_PAYLOAD_LIST_H

#include <stddef.h>
#include <stdint.h>

struct payload_entry {
	char *path;	    /* as written in payloads.S */
	uint8_t sha256[32]; /* of the file's bytes */
};

struct payload_list {
	struct payload_entry *v;
	size_t n;
};

/*
 * payload_list_read - collects the .incbin operands of the assembly file
 * asm_path; relative ones are opened relative to base (the assembler's
 * working directory). Returns 0, or -1 with err naming the file.
 */
int payload_list_read(struct payload_list *l, const char *asm_path,
		      const char *base, char *err, size_t errsz);
void payload_list_free(struct payload_list *l);

/* The quoted operand of an `.incbin "..."` line, unescaped into out;
 * returns 1 when line is one, 0 when not, -1 when malformed. */
int payload_incbin_operand(const char *line, char *out, size_t size);

#endif
