#include <cmark.h>

// A per-thread arena for one page's tree (Sources/CMarkArena): pass `ctsguide_arena_mem()` to
// `cmark_parser_new_with_mem`, and call `ctsguide_arena_reset()` once nothing of the tree is used any more.
cmark_mem *ctsguide_arena_mem(void);
void ctsguide_arena_reset(void);
