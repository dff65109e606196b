#ifndef CTSGUIDE_CMARK_ARENA_H
#define CTSGUIDE_CMARK_ARENA_H
#include <cmark.h>

// Swift sees these through CCmark's shim.h (one copy of cmark's types); arena.c includes this file so that the
// two declarations are checked against the definitions.
cmark_mem *ctsguide_arena_mem(void);
void ctsguide_arena_reset(void);

#endif
