/*
 * fuzz_parse.c — the parser as a fuzz target: any bytes must parse or fail
 * cleanly, with no crash, leak, or reference-count mistake.
 *
 * The first byte chooses the mode (exec, the prompt's single, compile()'s
 * single, eval) and whether the dump has attributes; the rest is the
 * source. A tree is dumped (every node is visited), and the runtime is
 * checked (rc_heap_check) and freed, so LeakSanitizer sees any object the
 * arena failed to release.
 *
 * ctest runs it over tests/parse/fuzz_corpus through fuzz/replay.c
 * (rcpy_parse_fuzz_replay). With libFuzzer (clang):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ircpy \
 *     tests/parse/fuzz_parse.c rcpy/lexer.c rcpy/parser.c rcpy/parse_*.c \
 *     rcpy/ast.c rcpy/ast_dump.c build/asan/librcgc.a -lm -o fuzz_parse
 *   ./fuzz_parse -max_total_time=600 tests/parse/fuzz_corpus
 */
#include "ast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    unsigned how = data[0];
    static const rp_mode modes[] = {RP_MODE_EXEC, RP_MODE_SINGLE,
                                    RP_MODE_SINGLE, RP_MODE_EVAL};
    rp_mode mode = modes[how & 3];
    unsigned flags = (how & 3) == 2 ? 0 : RP_PARSE_PROMPT;
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        abort();
    rp_arena *arena = rp_arena_new(rt);
    if (!arena)
        abort();
    rp_syntax_error err;
    rp_mod *mod =
        rp_parse_ex(arena, (const char *)data + 1, size - 1, mode, flags, &err);
    if (mod) {
        rc_object *d = rp_ast_dump_ex(rt, mod, how & 4);
        if (!d)
            abort();
        rc_decref(d);
    } else if (err.kind == RP_SYNTAX_NOMEM || !err.msg[0]) {
        abort(); /* memory does not run out here; errors have a message */
    }
    rp_arena_free(arena);
    if (rc_heap_check(rt) != 0)
        abort();
    rc_runtime_free(rt);
    return 0;
}
