// The memory of one page's cmark tree: a bump allocator of the calling thread's own. Allocating is moving a
// pointer, freeing does nothing, and `ctsguide_arena_reset` lets the whole tree go at once once the page's HTML
// has been copied out. cmark makes several hundred small nodes and buffers a page; through malloc they took about
// an eighth of a 20,000-page build's CPU time (BENCHMARKS.md, "Results, session 15").
#include "cmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ALIGN = 16, FIRST_BLOCK = 64 * 1024 };

typedef struct Block {
    struct Block *below;
    size_t size, used;
    _Alignas(ALIGN) unsigned char bytes[];
} Block;

static _Thread_local Block *top;
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

static void free_blocks(void *b) {
    for (Block *next; b; b = next) {
        next = ((Block *)b)->below;
        free(b);
    }
}

static void make_exit_key(void) {
    if (pthread_key_create(&exit_key, free_blocks) != 0) abort();
}

static size_t rounded(size_t size) { return (size + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

/// Each allocation is preceded by its size, for `grow`. Out of memory aborts, as cmark's own allocator does.
static void *grab(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t need = ALIGN + rounded(size);
    if (!top || top->size - top->used < need) {
        size_t want = top ? top->size * 2 : FIRST_BLOCK;
        if (want < need) want = need;
        Block *b = malloc(sizeof(Block) + want);
        if (!b) abort();
        b->below = top;
        b->size = want;
        b->used = 0;
        top = b;
        pthread_once(&exit_once, make_exit_key);
        pthread_setspecific(exit_key, top);  // the thread's blocks go with it when it ends
    }
    unsigned char *p = top->bytes + top->used;
    top->used += need;
    memcpy(p, &size, sizeof size);
    return p + ALIGN;
}

static size_t size_of(void *p) {
    size_t size;
    memcpy(&size, (unsigned char *)p - ALIGN, sizeof size);
    return size;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *p = grab(count * size);
    memset(p, 0, count * size);
    return p;
}

/// cmark grows its buffers with realloc: the newest allocation grows where it stands; any other is copied.
static void *grow(void *p, size_t size) {
    if (!p) return grab(size);
    size_t old = size_of(p);
    if (size <= old) return p;
    unsigned char *end = (unsigned char *)p + rounded(old);
    if (end == top->bytes + top->used && rounded(size) - rounded(old) <= top->size - top->used) {
        top->used += rounded(size) - rounded(old);
        memcpy((unsigned char *)p - ALIGN, &size, sizeof size);
        return p;
    }
    void *q = grab(size);
    memcpy(q, p, old);
    return q;
}

static void release(void *p) { (void)p; }

static cmark_mem arena = {arena_calloc, grow, release};

cmark_mem *ctsguide_arena_mem(void) { return &arena; }

void ctsguide_arena_reset(void) {
    if (!top) return;
    // Keep a first block of the usual size for the next page; what a large page added is given back.
    while (top && (top->below || top->size > FIRST_BLOCK)) {
        Block *below = top->below;
        free(top);
        top = below;
    }
    if (top) top->used = 0;
    pthread_setspecific(exit_key, top);
}
