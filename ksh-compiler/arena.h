/* SPDX-License-Identifier: MIT */
/*
 * A bump allocator: every object of one compilation (AST, model, strings,
 * tables) lives in one arena and is freed at once, so no pass needs to
 * free anything and an error path cannot leak (the fuzzer checks this).
 */
#ifndef KSHC_ARENA_H
#define KSHC_ARENA_H

#include <stddef.h>
#include <stdint.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used_bytes; /* total handed out, for the benchmark report */
};

/* arena_alloc - zeroed memory of @size bytes, 16-byte aligned; aborts the
 * process with a message when the host is out of memory. */
void *arena_alloc(struct arena *a, size_t size);

/* arena_strdup / arena_strndup - copies of a string in the arena. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* arena_printf - a formatted string in the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * arena_grow - make room for one more element in a growable array
 * (*v, *n, *cap) of elements of @elem bytes; returns the new, zeroed,
 * element and increments *n. Old storage is abandoned to the arena, which
 * at most doubles the memory a vector uses.
 */
void *arena_grow(struct arena *a, void **v, uint32_t *n, uint32_t *cap,
		 size_t elem);

/* arena_free - release every block. */
void arena_free(struct arena *a);

/* A growable array in the arena. */
#define KSH_VEC(T)                                                             \
	struct {                                                               \
		T *v;                                                          \
		uint32_t n, cap;                                               \
	}

#define VEC_PUSH(a, vec)                                                       \
	((__typeof__((vec).v))arena_grow((a), (void **)&(vec).v, &(vec).n,     \
					 &(vec).cap, sizeof(*(vec).v)))

#endif /* KSHC_ARENA_H */
