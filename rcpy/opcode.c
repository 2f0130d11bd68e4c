/*
 * opcode.c — names and properties of rcpy's instructions, read off the
 * X-macro table in opcode.h so that they can never disagree with it.
 */
#include "compile.h"

#include <stddef.h>

static const char *const names[] = {
#define RP_OPCODE_NAME(name, has_arg, is_jump) #name,
    RP_OPCODES(RP_OPCODE_NAME)
#undef RP_OPCODE_NAME
};

static const unsigned char jumps[] = {
#define RP_OPCODE_JUMP(name, has_arg, is_jump) is_jump,
    RP_OPCODES(RP_OPCODE_JUMP)
#undef RP_OPCODE_JUMP
};

static const unsigned char args[] = {
#define RP_OPCODE_ARG(name, has_arg, is_jump) has_arg,
    RP_OPCODES(RP_OPCODE_ARG)
#undef RP_OPCODE_ARG
};

const char *rp_opcode_name(unsigned op) {
    return op < RP_NOPCODES ? names[op] : "<unknown>";
}

int rp_opcode_is_jump(unsigned op) {
    return op < RP_NOPCODES && jumps[op];
}

int rp_opcode_has_arg(unsigned op) {
    return op < RP_NOPCODES && args[op];
}
