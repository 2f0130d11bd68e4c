/*
 * strmethods.c — str's methods (find, count, split, join, strip, replace,
 * startswith, upper, lower, the is* predicates) and the character classes
 * they rest on.
 *
 * Every method reads its operands and makes a new str (or list); none
 * changes an existing str. When the result would equal the operand (no
 * split, nothing stripped or replaced) the operand itself is returned, as
 * CPython does for exact strs. Substring search runs on the UTF-8 bytes:
 * a valid UTF-8 needle can only match at code-point boundaries of a valid
 * UTF-8 haystack, so byte offsets are converted to code-point indices only
 * where a result is an index. Forward search is the two-way algorithm
 * (linear time for any input); backward search compares at each position
 * (worst case |s|·|sub|, as CPython's rfind).
 *
 * Character data are Unicode 14.0 tables generated from Python 3.11's
 * unicodedata (alpha, digit, decimal exactly, with unassigned code points
 * inside a run of letters or digits counted with the run) plus the
 * approximations documented where they are defined:
 *   - the case methods live in strcase.c, over unicase.c's exact data;
 *   - isidentifier: letters, '_' and letter numbers start an identifier;
 *     decimal digits, connector punctuation and the common combining-mark
 *     blocks may follow (Python uses XID_Start / XID_Continue);
 *   - repr's printability: exact for assigned code points, but unassigned
 *     ones count as printable (Python escapes them).
 */
#include "cont.h"
#include "types.h"

/* ====================================================================== */
/* Character classes                                                       */
/* ====================================================================== */

typedef struct uni_range {
    uint32_t first, last;
} uni_range;

static bool in_ranges(const uni_range *r, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define IN(table, cp) in_ranges(table, sizeof table / sizeof table[0], cp)

/* Python's str.isspace: bidirectional class WS, B or S, or category Zs. */
static const uni_range space_ranges[] = {
    {0x0009, 0x000D}, {0x001C, 0x0020}, {0x0085, 0x0085}, {0x00A0, 0x00A0},
    {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F},
    {0x205F, 0x205F}, {0x3000, 0x3000},
};

/* Assigned code points that are not printable (categories Cc, Cf, Cs,
 * Co, Zl, Zp and Zs other than the space). */
static const uni_range unprintable_ranges[] = {
    {0x0000, 0x001F},     {0x007F, 0x00A0},   {0x00AD, 0x00AD},
    {0x0600, 0x0605},     {0x061C, 0x061C},   {0x06DD, 0x06DD},
    {0x070F, 0x070F},     {0x0890, 0x0891},   {0x08E2, 0x08E2},
    {0x1680, 0x1680},     {0x180E, 0x180E},   {0x2000, 0x200F},
    {0x2028, 0x202F},     {0x205F, 0x2064},   {0x2066, 0x206F},
    {0x3000, 0x3000},     {0xD800, 0xF8FF},   {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB},     {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x13438},   {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0xE0001, 0xE0001},   {0xE0020, 0xE007F}, {0xF0000, 0xFFFFD},
    {0x100000, 0x10FFFD},
};

/* Letter numbers (category Nl) that may start an identifier. */
static const uni_range letter_number_ranges[] = {
    {0x16EE, 0x16F0}, {0x2160, 0x2188}, {0x3007, 0x3007},   {0x3021, 0x3029},
    {0x3038, 0x303A}, {0xA6E6, 0xA6EF}, {0x10140, 0x10174}, {0x12400, 0x1246E},
};

/* What may continue an identifier besides letters and decimal digits:
 * connector punctuation, a few Other_ID_Continue characters and the
 * common combining-mark blocks (an approximation of categories Mn/Mc). */
static const uni_range id_continue_ranges[] = {
    {0x00B7, 0x00B7},   {0x0300, 0x036F}, {0x0387, 0x0387}, {0x0483, 0x0487},
    {0x0591, 0x05BD},   {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
    {0x05C7, 0x05C7},   {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC},   {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
    {0x0900, 0x0903},   {0x093A, 0x093C}, {0x093E, 0x094F}, {0x0951, 0x0957},
    {0x0962, 0x0963},   {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x1369, 0x1371},   {0x19DA, 0x19DA}, {0x1AB0, 0x1ABD}, {0x1DC0, 0x1DFF},
    {0x203F, 0x2040},   {0x2054, 0x2054}, {0x20D0, 0x20DC}, {0x20E1, 0x20E1},
    {0x20E5, 0x20F0},   {0x302A, 0x302F}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},   {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF3F, 0xFF3F},
    {0xE0100, 0xE01EF},
};

/* Letters (Python str.isalpha: categories Lu Ll Lt Lm Lo). */
// clang-format off
static const uni_range alpha_ranges[] = {
    {0x41,0x5A}, {0x61,0x7A}, {0xAA,0xAA}, {0xB5,0xB5}, {0xBA,0xBA},
    {0xC0,0xD6}, {0xD8,0xF6}, {0xF8,0x2C1}, {0x2C6,0x2D1}, {0x2E0,0x2E4},
    {0x2EC,0x2EC}, {0x2EE,0x2EE}, {0x370,0x374}, {0x376,0x37D}, {0x37F,0x37F},
    {0x386,0x386}, {0x388,0x3F5}, {0x3F7,0x481}, {0x48A,0x559}, {0x560,0x588},
    {0x5D0,0x5F2}, {0x620,0x64A}, {0x66E,0x66F}, {0x671,0x6D3}, {0x6D5,0x6D5},
    {0x6E5,0x6E6}, {0x6EE,0x6EF}, {0x6FA,0x6FC}, {0x6FF,0x6FF}, {0x710,0x710},
    {0x712,0x72F}, {0x74D,0x7A5}, {0x7B1,0x7B1}, {0x7CA,0x7EA}, {0x7F4,0x7F5},
    {0x7FA,0x7FA}, {0x800,0x815}, {0x81A,0x81A}, {0x824,0x824}, {0x828,0x828},
    {0x840,0x858}, {0x860,0x887}, {0x889,0x88E}, {0x8A0,0x8C9}, {0x904,0x939},
    {0x93D,0x93D}, {0x950,0x950}, {0x958,0x961}, {0x971,0x980}, {0x985,0x9B9},
    {0x9BD,0x9BD}, {0x9CE,0x9CE}, {0x9DC,0x9E1}, {0x9F0,0x9F1}, {0x9FC,0x9FC},
    {0xA05,0xA39}, {0xA59,0xA5E}, {0xA72,0xA74}, {0xA85,0xAB9}, {0xABD,0xABD},
    {0xAD0,0xAE1}, {0xAF9,0xAF9}, {0xB05,0xB39}, {0xB3D,0xB3D}, {0xB5C,0xB61},
    {0xB71,0xB71}, {0xB83,0xBB9}, {0xBD0,0xBD0}, {0xC05,0xC39}, {0xC3D,0xC3D},
    {0xC58,0xC61}, {0xC80,0xC80}, {0xC85,0xCB9}, {0xCBD,0xCBD}, {0xCDD,0xCE1},
    {0xCF1,0xCF2}, {0xD04,0xD3A}, {0xD3D,0xD3D}, {0xD4E,0xD4E}, {0xD54,0xD56},
    {0xD5F,0xD61}, {0xD7A,0xD7F}, {0xD85,0xDC6}, {0xE01,0xE30}, {0xE32,0xE33},
    {0xE40,0xE46}, {0xE81,0xEB0}, {0xEB2,0xEB3}, {0xEBD,0xEC6}, {0xEDC,0xF00},
    {0xF40,0xF6C}, {0xF88,0xF8C}, {0x1000,0x102A}, {0x103F,0x103F},
    {0x1050,0x1055}, {0x105A,0x105D}, {0x1061,0x1061}, {0x1065,0x1066},
    {0x106E,0x1070}, {0x1075,0x1081}, {0x108E,0x108E}, {0x10A0,0x10FA},
    {0x10FC,0x135A}, {0x1380,0x138F}, {0x13A0,0x13FD}, {0x1401,0x166C},
    {0x166F,0x167F}, {0x1681,0x169A}, {0x16A0,0x16EA}, {0x16F1,0x1711},
    {0x171F,0x1731}, {0x1740,0x1751}, {0x1760,0x1770}, {0x1780,0x17B3},
    {0x17D7,0x17D7}, {0x17DC,0x17DC}, {0x1820,0x1884}, {0x1887,0x18A8},
    {0x18AA,0x191E}, {0x1950,0x19C9}, {0x1A00,0x1A16}, {0x1A20,0x1A54},
    {0x1AA7,0x1AA7}, {0x1B05,0x1B33}, {0x1B45,0x1B4C}, {0x1B83,0x1BA0},
    {0x1BAE,0x1BAF}, {0x1BBA,0x1BE5}, {0x1C00,0x1C23}, {0x1C4D,0x1C4F},
    {0x1C5A,0x1C7D}, {0x1C80,0x1CBF}, {0x1CE9,0x1CEC}, {0x1CEE,0x1CF3},
    {0x1CF5,0x1CF6}, {0x1CFA,0x1DBF}, {0x1E00,0x1FBC}, {0x1FBE,0x1FBE},
    {0x1FC2,0x1FCC}, {0x1FD0,0x1FDB}, {0x1FE0,0x1FEC}, {0x1FF2,0x1FFC},
    {0x2071,0x2071}, {0x207F,0x207F}, {0x2090,0x209C}, {0x2102,0x2102},
    {0x2107,0x2107}, {0x210A,0x2113}, {0x2115,0x2115}, {0x2119,0x211D},
    {0x2124,0x2124}, {0x2126,0x2126}, {0x2128,0x2128}, {0x212A,0x212D},
    {0x212F,0x2139}, {0x213C,0x213F}, {0x2145,0x2149}, {0x214E,0x214E},
    {0x2183,0x2184}, {0x2C00,0x2CE4}, {0x2CEB,0x2CEE}, {0x2CF2,0x2CF3},
    {0x2D00,0x2D6F}, {0x2D80,0x2DDE}, {0x2E2F,0x2E2F}, {0x3005,0x3006},
    {0x3031,0x3035}, {0x303B,0x303C}, {0x3041,0x3096}, {0x309D,0x309F},
    {0x30A1,0x30FA}, {0x30FC,0x318E}, {0x31A0,0x31BF}, {0x31F0,0x31FF},
    {0x3400,0x4DBF}, {0x4E00,0xA48C}, {0xA4D0,0xA4FD}, {0xA500,0xA60C},
    {0xA610,0xA61F}, {0xA62A,0xA66E}, {0xA67F,0xA69D}, {0xA6A0,0xA6E5},
    {0xA717,0xA71F}, {0xA722,0xA788}, {0xA78B,0xA801}, {0xA803,0xA805},
    {0xA807,0xA80A}, {0xA80C,0xA822}, {0xA840,0xA873}, {0xA882,0xA8B3},
    {0xA8F2,0xA8F7}, {0xA8FB,0xA8FB}, {0xA8FD,0xA8FE}, {0xA90A,0xA925},
    {0xA930,0xA946}, {0xA960,0xA97C}, {0xA984,0xA9B2}, {0xA9CF,0xA9CF},
    {0xA9E0,0xA9E4}, {0xA9E6,0xA9EF}, {0xA9FA,0xAA28}, {0xAA40,0xAA42},
    {0xAA44,0xAA4B}, {0xAA60,0xAA76}, {0xAA7A,0xAA7A}, {0xAA7E,0xAAAF},
    {0xAAB1,0xAAB1}, {0xAAB5,0xAAB6}, {0xAAB9,0xAABD}, {0xAAC0,0xAAC0},
    {0xAAC2,0xAADD}, {0xAAE0,0xAAEA}, {0xAAF2,0xAAF4}, {0xAB01,0xAB5A},
    {0xAB5C,0xAB69}, {0xAB70,0xABE2}, {0xAC00,0xD7FB}, {0xF900,0xFB1D},
    {0xFB1F,0xFB28}, {0xFB2A,0xFBB1}, {0xFBD3,0xFD3D}, {0xFD50,0xFDC7},
    {0xFDF0,0xFDFB}, {0xFE70,0xFEFC}, {0xFF21,0xFF3A}, {0xFF41,0xFF5A},
    {0xFF66,0xFFDC}, {0x10000,0x100FA}, {0x10280,0x102D0}, {0x10300,0x1031F},
    {0x1032D,0x10340}, {0x10342,0x10349}, {0x10350,0x10375}, {0x10380,0x1039D},
    {0x103A0,0x103CF}, {0x10400,0x1049D}, {0x104B0,0x10563}, {0x10570,0x10855},
    {0x10860,0x10876}, {0x10880,0x1089E}, {0x108E0,0x108F5}, {0x10900,0x10915},
    {0x10920,0x10939}, {0x10980,0x109B7}, {0x109BE,0x109BF}, {0x10A00,0x10A00},
    {0x10A10,0x10A35}, {0x10A60,0x10A7C}, {0x10A80,0x10A9C}, {0x10AC0,0x10AC7},
    {0x10AC9,0x10AE4}, {0x10B00,0x10B35}, {0x10B40,0x10B55}, {0x10B60,0x10B72},
    {0x10B80,0x10B91}, {0x10C00,0x10CF2}, {0x10D00,0x10D23}, {0x10E80,0x10EA9},
    {0x10EB0,0x10F1C}, {0x10F27,0x10F45}, {0x10F70,0x10F81}, {0x10FB0,0x10FC4},
    {0x10FE0,0x10FF6}, {0x11003,0x11037}, {0x11071,0x11072}, {0x11075,0x11075},
    {0x11083,0x110AF}, {0x110D0,0x110E8}, {0x11103,0x11126}, {0x11144,0x11144},
    {0x11147,0x11172}, {0x11176,0x11176}, {0x11183,0x111B2}, {0x111C1,0x111C4},
    {0x111DA,0x111DA}, {0x111DC,0x111DC}, {0x11200,0x1122B}, {0x11280,0x112A8},
    {0x112B0,0x112DE}, {0x11305,0x11339}, {0x1133D,0x1133D}, {0x11350,0x11350},
    {0x1135D,0x11361}, {0x11400,0x11434}, {0x11447,0x1144A}, {0x1145F,0x114AF},
    {0x114C4,0x114C5}, {0x114C7,0x114C7}, {0x11580,0x115AE}, {0x115D8,0x115DB},
    {0x11600,0x1162F}, {0x11644,0x11644}, {0x11680,0x116AA}, {0x116B8,0x116B8},
    {0x11700,0x1171A}, {0x11740,0x1182B}, {0x118A0,0x118DF}, {0x118FF,0x1192F},
    {0x1193F,0x1193F}, {0x11941,0x11941}, {0x119A0,0x119D0}, {0x119E1,0x119E1},
    {0x119E3,0x119E3}, {0x11A00,0x11A00}, {0x11A0B,0x11A32}, {0x11A3A,0x11A3A},
    {0x11A50,0x11A50}, {0x11A5C,0x11A89}, {0x11A9D,0x11A9D}, {0x11AB0,0x11C2E},
    {0x11C40,0x11C40}, {0x11C72,0x11C8F}, {0x11D00,0x11D30}, {0x11D46,0x11D46},
    {0x11D60,0x11D89}, {0x11D98,0x11D98}, {0x11EE0,0x11EF2}, {0x11FB0,0x11FB0},
    {0x12000,0x12399}, {0x12480,0x12FF0}, {0x13000,0x1342E}, {0x14400,0x16A5E},
    {0x16A70,0x16ABE}, {0x16AD0,0x16AED}, {0x16B00,0x16B2F}, {0x16B40,0x16B43},
    {0x16B63,0x16E7F}, {0x16F00,0x16F4A}, {0x16F50,0x16F50}, {0x16F93,0x16FE1},
    {0x16FE3,0x16FE3}, {0x17000,0x1BC99}, {0x1D400,0x1D6C0}, {0x1D6C2,0x1D6DA},
    {0x1D6DC,0x1D6FA}, {0x1D6FC,0x1D714}, {0x1D716,0x1D734}, {0x1D736,0x1D74E},
    {0x1D750,0x1D76E}, {0x1D770,0x1D788}, {0x1D78A,0x1D7A8}, {0x1D7AA,0x1D7C2},
    {0x1D7C4,0x1D7CB}, {0x1DF00,0x1DF1E}, {0x1E100,0x1E12C}, {0x1E137,0x1E13D},
    {0x1E14E,0x1E14E}, {0x1E290,0x1E2AD}, {0x1E2C0,0x1E2EB}, {0x1E7E0,0x1E8C4},
    {0x1E900,0x1E943}, {0x1E94B,0x1E94B}, {0x1EE00,0x1EEBB}, {0x20000,0x3134A},
};
// clang-format on

/* Python str.isdigit: Numeric_Type Digit or Decimal. */
// clang-format off
static const uni_range digit_ranges[] = {
    {0x30,0x39}, {0xB2,0xB3}, {0xB9,0xB9}, {0x660,0x669}, {0x6F0,0x6F9},
    {0x7C0,0x7C9}, {0x966,0x96F}, {0x9E6,0x9EF}, {0xA66,0xA6F}, {0xAE6,0xAEF},
    {0xB66,0xB6F}, {0xBE6,0xBEF}, {0xC66,0xC6F}, {0xCE6,0xCEF}, {0xD66,0xD6F},
    {0xDE6,0xDEF}, {0xE50,0xE59}, {0xED0,0xED9}, {0xF20,0xF29},
    {0x1040,0x1049}, {0x1090,0x1099}, {0x1369,0x1371}, {0x17E0,0x17E9},
    {0x1810,0x1819}, {0x1946,0x194F}, {0x19D0,0x19DA}, {0x1A80,0x1A99},
    {0x1B50,0x1B59}, {0x1BB0,0x1BB9}, {0x1C40,0x1C49}, {0x1C50,0x1C59},
    {0x2070,0x2070}, {0x2074,0x2079}, {0x2080,0x2089}, {0x2460,0x2468},
    {0x2474,0x247C}, {0x2488,0x2490}, {0x24EA,0x24EA}, {0x24F5,0x24FD},
    {0x24FF,0x24FF}, {0x2776,0x277E}, {0x2780,0x2788}, {0x278A,0x2792},
    {0xA620,0xA629}, {0xA8D0,0xA8D9}, {0xA900,0xA909}, {0xA9D0,0xA9D9},
    {0xA9F0,0xA9F9}, {0xAA50,0xAA59}, {0xABF0,0xABF9}, {0xFF10,0xFF19},
    {0x104A0,0x104A9}, {0x10A40,0x10A43}, {0x10D30,0x10E68}, {0x11052,0x1105A},
    {0x11066,0x1106F}, {0x110F0,0x110F9}, {0x11136,0x1113F}, {0x111D0,0x111D9},
    {0x112F0,0x112F9}, {0x11450,0x11459}, {0x114D0,0x114D9}, {0x11650,0x11659},
    {0x116C0,0x116C9}, {0x11730,0x11739}, {0x118E0,0x118E9}, {0x11950,0x11959},
    {0x11C50,0x11C59}, {0x11D50,0x11D59}, {0x11DA0,0x11DA9}, {0x16A60,0x16A69},
    {0x16AC0,0x16AC9}, {0x16B50,0x16B59}, {0x1D7CE,0x1D7FF}, {0x1E140,0x1E149},
    {0x1E2F0,0x1E2F9}, {0x1E950,0x1E959}, {0x1F100,0x1F10A}, {0x1FBF0,0x1FBF9},
};
// clang-format on

/* Python str.isdecimal: category Nd. */
// clang-format off
static const uni_range decimal_ranges[] = {
    {0x30,0x39}, {0x660,0x669}, {0x6F0,0x6F9}, {0x7C0,0x7C9}, {0x966,0x96F},
    {0x9E6,0x9EF}, {0xA66,0xA6F}, {0xAE6,0xAEF}, {0xB66,0xB6F}, {0xBE6,0xBEF},
    {0xC66,0xC6F}, {0xCE6,0xCEF}, {0xD66,0xD6F}, {0xDE6,0xDEF}, {0xE50,0xE59},
    {0xED0,0xED9}, {0xF20,0xF29}, {0x1040,0x1049}, {0x1090,0x1099},
    {0x17E0,0x17E9}, {0x1810,0x1819}, {0x1946,0x194F}, {0x19D0,0x19D9},
    {0x1A80,0x1A99}, {0x1B50,0x1B59}, {0x1BB0,0x1BB9}, {0x1C40,0x1C49},
    {0x1C50,0x1C59}, {0xA620,0xA629}, {0xA8D0,0xA8D9}, {0xA900,0xA909},
    {0xA9D0,0xA9D9}, {0xA9F0,0xA9F9}, {0xAA50,0xAA59}, {0xABF0,0xABF9},
    {0xFF10,0xFF19}, {0x104A0,0x104A9}, {0x10D30,0x10D39}, {0x11066,0x1106F},
    {0x110F0,0x110F9}, {0x11136,0x1113F}, {0x111D0,0x111D9}, {0x112F0,0x112F9},
    {0x11450,0x11459}, {0x114D0,0x114D9}, {0x11650,0x11659}, {0x116C0,0x116C9},
    {0x11730,0x11739}, {0x118E0,0x118E9}, {0x11950,0x11959}, {0x11C50,0x11C59},
    {0x11D50,0x11D59}, {0x11DA0,0x11DA9}, {0x16A60,0x16A69}, {0x16AC0,0x16AC9},
    {0x16B50,0x16B59}, {0x1D7CE,0x1D7FF}, {0x1E140,0x1E149}, {0x1E2F0,0x1E2F9},
    {0x1E950,0x1E959}, {0x1FBF0,0x1FBF9},
};
// clang-format on

bool rc__uni_isspace(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return IN(space_ranges, cp);
}

bool rc__uni_isalpha(uint32_t cp) {
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return IN(alpha_ranges, cp);
}

bool rc__uni_isdigit(uint32_t cp) {
    return cp < 0x80 ? cp >= '0' && cp <= '9' : IN(digit_ranges, cp);
}

bool rc__uni_isdecimal(uint32_t cp) {
    return cp < 0x80 ? cp >= '0' && cp <= '9' : IN(decimal_ranges, cp);
}

bool rc__uni_isprintable(uint32_t cp) {
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    return !IN(unprintable_ranges, cp);
}

static bool id_start(uint32_t cp) {
    return cp == '_' || rc__uni_isalpha(cp) || IN(letter_number_ranges, cp);
}

static bool id_continue(uint32_t cp) {
    return id_start(cp) || rc__uni_isdecimal(cp) || IN(id_continue_ranges, cp);
}

/* ====================================================================== */
/* Character-class predicates                                              */
/* ====================================================================== */

static bool all_points(rc_object *s, bool (*pred)(uint32_t)) {
    if (!rc_is_str(s) || !RC__STR(s)->length)
        return false;
    const rc__str *x = RC__STR(s);
    uint32_t cp;
    for (size_t i = 0; i < x->size;) {
        i += rc__utf8_decode(x->data + i, &cp);
        if (!pred(cp))
            return false;
    }
    return true;
}

bool rc_str_isdigit(rc_object *s) {
    return all_points(s, rc__uni_isdigit);
}

bool rc_str_isalpha(rc_object *s) {
    return all_points(s, rc__uni_isalpha);
}

bool rc_str_isspace(rc_object *s) {
    return all_points(s, rc__uni_isspace);
}

bool rc_str_isidentifier(rc_object *s) {
    if (!all_points(s, id_continue))
        return false;
    uint32_t first;
    rc__utf8_decode(RC__STR(s)->data, &first);
    return id_start(first);
}

/* ====================================================================== */
/* Substring search                                                        */
/* ====================================================================== */

/* A needle prepared for the two-way algorithm (Crochemore and Perrin):
 * x = u v with |u| = ell + 1 at a critical factorisation, per a period. */
typedef struct needle {
    const unsigned char *x;
    ptrdiff_t m;
    ptrdiff_t ell; /* last index of u; -1 when u is empty */
    ptrdiff_t per; /* shift after a full match */
    bool periodic; /* u is a suffix of v's period: remember matched part */
} needle;

/* Start of the maximal suffix of x for the byte order (or its reverse),
 * minus one; *period its period. */
static ptrdiff_t max_suffix(const unsigned char *x, ptrdiff_t m, bool rev,
                            ptrdiff_t *period) {
    ptrdiff_t ms = -1, j = 0, k = 1, p = 1;
    while (j + k < m) {
        unsigned char a = x[j + k], b = x[ms + k];
        if (rev ? a > b : a < b) {
            j += k;
            k = 1;
            p = j - ms;
        } else if (a == b) {
            if (k != p) {
                k++;
            } else {
                j += p;
                k = 1;
            }
        } else {
            ms = j;
            j = ms + 1;
            k = p = 1;
        }
    }
    *period = p;
    return ms;
}

static void needle_prepare(needle *nd, const char *x, size_t m) {
    nd->x = (const unsigned char *)x;
    nd->m = (ptrdiff_t)m;
    ptrdiff_t p, q;
    ptrdiff_t i = max_suffix(nd->x, nd->m, false, &p);
    ptrdiff_t j = max_suffix(nd->x, nd->m, true, &q);
    nd->ell = i > j ? i : j;
    nd->per = i > j ? p : q;
    nd->periodic = nd->per <= nd->m - nd->ell - 1 &&
                   memcmp(x, x + nd->per, (size_t)(nd->ell + 1)) == 0;
    if (!nd->periodic) {
        ptrdiff_t a = nd->ell + 1, b = nd->m - nd->ell - 1;
        nd->per = (a > b ? a : b) + 1;
    }
}

/* First match of the needle in y[0, n): its offset, or -1. */
static ptrdiff_t needle_find(const needle *nd, const char *text, size_t n) {
    const unsigned char *x = nd->x, *y = (const unsigned char *)text;
    ptrdiff_t m = nd->m, ell = nd->ell, memory = -1, j = 0;
    if (m == 0)
        return 0;
    if (m == 1) {
        const char *hit = memchr(text, x[0], n);
        return hit ? hit - text : -1;
    }
    while (j <= (ptrdiff_t)n - m) {
        ptrdiff_t i = (ell > memory ? ell : memory) + 1;
        while (i < m && x[i] == y[i + j])
            i++;
        if (i < m) {
            j += i - ell;
            memory = -1;
            continue;
        }
        for (i = ell; i > memory && x[i] == y[i + j]; i--)
            ;
        if (i <= memory)
            return j;
        j += nd->per;
        memory = nd->periodic ? m - nd->per - 1 : -1;
    }
    return -1;
}

ptrdiff_t rc__str_search(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn > hn)
        return -1;
    needle nd;
    needle_prepare(&nd, n, nn);
    return needle_find(&nd, h, hn);
}

/* Last match of n in h[0, hn): its offset, or -1. */
static ptrdiff_t search_back(const char *h, size_t hn, const char *n,
                             size_t nn) {
    if (nn > hn)
        return -1;
    if (!nn)
        return (ptrdiff_t)hn;
    for (size_t j = hn - nn + 1; j-- > 0;)
        if (h[j] == n[0] && memcmp(h + j, n, nn) == 0)
            return (ptrdiff_t)j;
    return -1;
}

/* ====================================================================== */
/* find, rfind, count                                                      */
/* ====================================================================== */

/* Python's ADJUST_INDICES for a string of len code points. */
static void adjust_indices(size_t len, ptrdiff_t *start, ptrdiff_t *end) {
    ptrdiff_t n = (ptrdiff_t)len;
    if (*end > n)
        *end = n;
    else if (*end < 0 && (*end += n) < 0)
        *end = 0;
    if (*start < 0 && (*start += n) < 0)
        *start = 0;
}

static int check_pair(rc_object *s, rc_object *sub, const char *method) {
    if (!rc_is_str(s))
        return rc__str_not_str(s, method);
    if (!rc_is_str(sub))
        return rc__str_type_error(rc__runtime_of(s), "must be str", sub);
    return 0;
}

static ptrdiff_t find_either(rc_object *s, rc_object *sub, ptrdiff_t start,
                             ptrdiff_t end, bool reverse) {
    int r = check_pair(s, sub, reverse ? "rfind" : "find");
    if (r < 0)
        return r;
    const rc__str *x = RC__STR(s), *y = RC__STR(sub);
    adjust_indices(x->length, &start, &end);
    if (end - start < (ptrdiff_t)y->length)
        return -1;
    size_t from = rc__str_offset(s, (size_t)start);
    size_t to = rc__str_offset(s, (size_t)end);
    ptrdiff_t at =
        reverse ? search_back(x->data + from, to - from, y->data, y->size)
                : rc__str_search(x->data + from, to - from, y->data, y->size);
    if (at < 0)
        return -1;
    return (ptrdiff_t)rc__str_index_of(s, from + (size_t)at);
}

ptrdiff_t rc_str_find(rc_object *s, rc_object *sub, ptrdiff_t start,
                      ptrdiff_t end) {
    return find_either(s, sub, start, end, false);
}

ptrdiff_t rc_str_rfind(rc_object *s, rc_object *sub, ptrdiff_t start,
                       ptrdiff_t end) {
    return find_either(s, sub, start, end, true);
}

ptrdiff_t rc_str_count(rc_object *s, rc_object *sub) {
    int r = check_pair(s, sub, "count");
    if (r < 0)
        return r;
    const rc__str *x = RC__STR(s), *y = RC__STR(sub);
    if (!y->size)
        return (ptrdiff_t)x->length + 1;
    needle nd;
    needle_prepare(&nd, y->data, y->size);
    ptrdiff_t count = 0;
    for (size_t off = 0; off + y->size <= x->size; count++) {
        ptrdiff_t at = needle_find(&nd, x->data + off, x->size - off);
        if (at < 0)
            break;
        off += (size_t)at + y->size;
    }
    return count;
}

/* ====================================================================== */
/* Pieces and lists                                                        */
/* ====================================================================== */

/* s's text between byte offsets from and to: s itself when that is all of
 * it, else a new str. */
static rc_object *substr(rc_object *s, size_t from, size_t to) {
    const rc__str *x = RC__STR(s);
    if (from == 0 && to == x->size) {
        rc_incref(s);
        return s;
    }
    if (x->state & RC__STR_ASCII) {
        rc_object *r = rc__str_alloc(rc__runtime_of(s), to - from, to - from);
        if (r) {
            memcpy(RC__STR(r)->data, x->data + from, to - from);
            rc__str_seal(r);
        }
        return r;
    }
    return rc__str_from_valid(rc__runtime_of(s), x->data + from, to - from);
}

/* Appends substr(s, from, to) to list: 0 or negative. */
static int append_piece(rc_object *list, rc_object *s, size_t from, size_t to) {
    rc_object *piece = substr(s, from, to);
    if (!piece)
        return rc_last_error(rc__runtime_of(s));
    int r = rc_list_append(list, piece);
    rc_decref(piece);
    return r;
}

/* The list, or NULL after dropping it when status is an error. */
static rc_object *list_or_null(rc_object *list, int status) {
    if (status < 0) {
        rc_decref(list);
        return NULL;
    }
    return list;
}

/* ====================================================================== */
/* split and rsplit                                                        */
/* ====================================================================== */

static size_t skip_space(const char *d, size_t i, size_t n, bool want) {
    uint32_t cp;
    while (i < n) {
        size_t k = rc__utf8_decode(d + i, &cp);
        if (rc__uni_isspace(cp) != want)
            break;
        i += k;
    }
    return i;
}

static size_t skip_space_back(const char *d, size_t i, bool want) {
    uint32_t cp;
    while (i > 0) {
        size_t k = rc__utf8_decode_back(d + i, &cp);
        if (rc__uni_isspace(cp) != want)
            break;
        i -= k;
    }
    return i;
}

static int split_whitespace(rc_object *list, rc_object *s, ptrdiff_t max) {
    const rc__str *x = RC__STR(s);
    size_t i = skip_space(x->data, 0, x->size, true);
    int r = 0;
    while (r == 0 && i < x->size) {
        if (max-- == 0)
            return append_piece(list, s, i, x->size);
        size_t end = skip_space(x->data, i, x->size, false);
        r = append_piece(list, s, i, end);
        i = skip_space(x->data, end, x->size, true);
    }
    return r;
}

static int rsplit_whitespace(rc_object *list, rc_object *s, ptrdiff_t max) {
    const rc__str *x = RC__STR(s);
    size_t i = skip_space_back(x->data, x->size, true);
    int r = 0;
    while (r == 0 && i > 0) {
        if (max-- == 0)
            return append_piece(list, s, 0, i);
        size_t start = skip_space_back(x->data, i, false);
        r = append_piece(list, s, start, i);
        i = skip_space_back(x->data, start, true);
    }
    return r;
}

static int split_sep(rc_object *list, rc_object *s, rc_object *sep,
                     ptrdiff_t max) {
    const rc__str *x = RC__STR(s), *y = RC__STR(sep);
    needle nd;
    needle_prepare(&nd, y->data, y->size);
    size_t i = 0;
    for (; max != 0; max--) {
        ptrdiff_t at = needle_find(&nd, x->data + i, x->size - i);
        if (at < 0)
            break;
        int r = append_piece(list, s, i, i + (size_t)at);
        if (r < 0)
            return r;
        i += (size_t)at + y->size;
    }
    return append_piece(list, s, i, x->size);
}

static int rsplit_sep(rc_object *list, rc_object *s, rc_object *sep,
                      ptrdiff_t max) {
    const rc__str *x = RC__STR(s), *y = RC__STR(sep);
    size_t end = x->size;
    for (; max != 0; max--) {
        ptrdiff_t at = search_back(x->data, end, y->data, y->size);
        if (at < 0)
            break;
        int r = append_piece(list, s, (size_t)at + y->size, end);
        if (r < 0)
            return r;
        end = (size_t)at;
    }
    return append_piece(list, s, 0, end);
}

static rc_object *split_either(rc_object *s, rc_object *sep, ptrdiff_t max,
                               bool reverse) {
    rc_runtime *rt = rc__runtime_of(s);
    if (!rc_is_str(s)) {
        rc__str_not_str(s, reverse ? "rsplit" : "split");
        return NULL;
    }
    if (sep && !rc_is_str(sep)) {
        rc__str_type_error(rt, "must be str or None", sep);
        return NULL;
    }
    if (sep && !RC__STR(sep)->size) {
        rc_set_error(rt, RC_EVALUE, "empty separator");
        return NULL;
    }
    rc_object *list = rc_list_new(rt);
    if (!list)
        return NULL;
    int r = !sep      ? (reverse ? rsplit_whitespace(list, s, max)
                                 : split_whitespace(list, s, max))
            : reverse ? rsplit_sep(list, s, sep, max)
                      : split_sep(list, s, sep, max);
    if (r == 0 && reverse)
        r = rc_list_reverse(list);
    return list_or_null(list, r);
}

rc_object *rc_str_split(rc_object *s, rc_object *sep, ptrdiff_t maxsplit) {
    return split_either(s, sep, maxsplit, false);
}

rc_object *rc_str_rsplit(rc_object *s, rc_object *sep, ptrdiff_t maxsplit) {
    return split_either(s, sep, maxsplit, true);
}

/* Bytes of the line break at d[i] (0 if none): \n \r \r\n \v \f \x1c
 * \x1d \x1e U+0085 U+2028 U+2029. */
static size_t line_break(const char *d, size_t i, size_t n) {
    unsigned char c = (unsigned char)d[i];
    if (c == '\r')
        return i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
    if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E))
        return 1;
    uint32_t cp;
    size_t k = rc__utf8_decode(d + i, &cp);
    return cp == 0x85 || cp == 0x2028 || cp == 0x2029 ? k : 0;
}

rc_object *rc_str_splitlines(rc_object *s, bool keepends) {
    rc_runtime *rt = rc__runtime_of(s);
    if (!rc_is_str(s)) {
        rc__str_not_str(s, "splitlines");
        return NULL;
    }
    const rc__str *x = RC__STR(s);
    rc_object *list = rc_list_new(rt);
    if (!list)
        return NULL;
    int r = 0;
    size_t start = 0, i = 0;
    while (r == 0 && i < x->size) {
        size_t br = line_break(x->data, i, x->size);
        if (!br) {
            i += rc__utf8_seqlen((unsigned char)x->data[i]);
            continue;
        }
        r = append_piece(list, s, start, keepends ? i + br : i);
        start = i += br;
    }
    if (r == 0 && start < x->size)
        r = append_piece(list, s, start, x->size);
    return list_or_null(list, r);
}

/* ====================================================================== */
/* join                                                                    */
/* ====================================================================== */

/* A new reference to a list or tuple holding the iterable's items. */
static rc_object *as_sequence(rc_runtime *rt, rc_object *iterable) {
    if (rc_is_list(iterable) || rc_is_tuple(iterable)) {
        rc_incref(iterable);
        return iterable;
    }
    rc_object *it = rc_iter(iterable);
    if (!it) {
        if (rc_last_error(rt) == RC_ETYPE)
            rc_set_error(rt, RC_ETYPE, "can only join an iterable");
        return NULL;
    }
    rc_object *list = rc_list_new(rt), *item;
    int r = list ? 0 : RC_ENOMEM;
    while (r == 0 && (r = rc_next(it, &item)) == 1) {
        r = rc_list_append(list, item);
        rc_decref(item);
    }
    rc_decref(it);
    if (r < 0 && list) {
        rc_decref(list);
        return NULL;
    }
    return list;
}

/* The items of seq, a list or a tuple (as_sequence made it one), and how
 * many there are: the joins below read them straight from the array. */
static rc_object *const *seq_items(const rc_object *seq, size_t *n) {
    if (rc__is_list(seq)) {
        const rc__list *l = (const rc__list *)seq;
        *n = l->size;
        return l->items;
    }
    const rc__tuple *t = (const rc__tuple *)seq;
    *n = t->size;
    return t->items;
}

static inline bool is_str(const rc_object *o) {
    return o->type == &rc__str_type;
}

/* Sums the items' sizes: 0, or negative (a non-str item, overflow). */
static int join_measure(rc_object *sep, rc_object *const *items, size_t n,
                        size_t *bytes, size_t *points) {
    rc_runtime *rt = rc__runtime_of(sep);
    size_t b = RC__STR(sep)->size * (n - 1);
    size_t p = RC__STR(sep)->length * (n - 1);
    if (n > 1 && b / (n - 1) != RC__STR(sep)->size)
        return rc_set_error(rt, RC_EOVERFLOW, "join() result is too long");
    for (size_t i = 0; i < n; i++) {
        rc_object *item = items[i];
        if (!is_str(item))
            return rc_set_error(rt, RC_ETYPE,
                                "sequence item %zu: expected str instance, "
                                "%.80s found",
                                i, rc_type_name(item));
        if (b > SIZE_MAX / 2 - RC__STR(item)->size)
            return rc_set_error(rt, RC_EOVERFLOW, "join() result is too long");
        b += RC__STR(item)->size;
        p += RC__STR(item)->length;
    }
    *bytes = b, *points = p;
    return 0;
}

/* n bytes from s to d; up to 16 without a call: two overlapping 8- or
 * 4-byte moves (each within the n bytes) or single bytes. */
static inline char *put_bytes(char *d, const char *s, size_t n) {
    if (n > 16) {
        memcpy(d, s, n);
    } else if (n >= 8) {
        memcpy(d, s, 8);
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
    return d + n;
}

static rc_object *join_sequence(rc_object *sep, rc_object *seq) {
    rc_runtime *rt = rc__runtime_of(sep);
    size_t n, bytes = 0, points = 0;
    rc_object *const *items = seq_items(seq, &n);
    if (n == 0)
        return rc__str_from_valid(rt, "", 0);
    if (n == 1 && is_str(items[0])) {
        rc_incref(items[0]);
        return items[0];
    }
    if (join_measure(sep, items, n, &bytes, &points) < 0)
        return NULL;
    rc_object *r = rc__str_alloc(rt, bytes, points);
    if (!r)
        return NULL;
    /* an emergency collection for that block may have run code that
     * changed the list: the copy checks that every item still fits */
    size_t n2;
    items = seq_items(seq, &n2);
    char *d = RC__STR(r)->data, *end = d + bytes;
    const rc__str *y = RC__STR(sep);
    bool ok = n2 == n;
    for (size_t i = 0; ok && i < n; i++) {
        const rc__str *item = RC__STR(items[i]);
        size_t gap = i ? y->size : 0;
        ok = is_str(items[i]) && gap + item->size <= (size_t)(end - d);
        if (ok) {
            d = put_bytes(d, y->data, gap);
            d = put_bytes(d, item->data, item->size);
        }
    }
    if (!ok || d != end) {
        rc_decref(r);
        rc_set_error(rt, RC_ESTATE, "the sequence changed during join()");
        return NULL;
    }
    return rc__str_seal(r);
}

rc_object *rc_str_join(rc_object *sep, rc_object *iterable) {
    rc_runtime *rt = rc__runtime_of(sep);
    if (!rc_is_str(sep)) {
        rc__str_not_str(sep, "join");
        return NULL;
    }
    rc_object *seq = as_sequence(rt, iterable);
    if (!seq)
        return NULL;
    rc_object *r = join_sequence(sep, seq);
    rc_decref(seq);
    return r;
}

/* ====================================================================== */
/* strip, lstrip, rstrip                                                   */
/* ====================================================================== */

/* Whether cp is to be stripped: in chars, or whitespace when chars is
 * NULL. */
static bool strip_member(uint32_t cp, const rc__str *chars) {
    if (!chars)
        return rc__uni_isspace(cp);
    if (cp < 0x80)
        return memchr(chars->data, (int)cp, chars->size) != NULL;
    uint32_t c;
    for (size_t i = 0; i < chars->size;) {
        i += rc__utf8_decode(chars->data + i, &c);
        if (c == cp)
            return true;
    }
    return false;
}

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2 };

static rc_object *strip_sides(rc_object *s, rc_object *chars, int sides) {
    rc_runtime *rt = rc__runtime_of(s);
    if (!rc_is_str(s)) {
        rc__str_not_str(s, sides == STRIP_LEFT    ? "lstrip"
                           : sides == STRIP_RIGHT ? "rstrip"
                                                  : "strip");
        return NULL;
    }
    if (chars && !rc_is_str(chars)) {
        rc_set_error(rt, RC_ETYPE, "strip arg must be None or str");
        return NULL;
    }
    const rc__str *x = RC__STR(s), *set = chars ? RC__STR(chars) : NULL;
    size_t from = 0, to = x->size;
    uint32_t cp;
    while ((sides & STRIP_LEFT) && from < to) {
        size_t k = rc__utf8_decode(x->data + from, &cp);
        if (!strip_member(cp, set))
            break;
        from += k;
    }
    while ((sides & STRIP_RIGHT) && to > from) {
        size_t k = rc__utf8_decode_back(x->data + to, &cp);
        if (!strip_member(cp, set))
            break;
        to -= k;
    }
    return substr(s, from, to);
}

rc_object *rc_str_strip(rc_object *s, rc_object *chars) {
    return strip_sides(s, chars, STRIP_LEFT | STRIP_RIGHT);
}

rc_object *rc_str_lstrip(rc_object *s, rc_object *chars) {
    return strip_sides(s, chars, STRIP_LEFT);
}

rc_object *rc_str_rstrip(rc_object *s, rc_object *chars) {
    return strip_sides(s, chars, STRIP_RIGHT);
}

/* ====================================================================== */
/* replace                                                                 */
/* ====================================================================== */

/* old empty: new goes before each of the first count code points, and at
 * the end too if count allows. */
static rc_object *replace_empty(rc_object *s, rc_object *new_, size_t count) {
    const rc__str *x = RC__STR(s), *y = RC__STR(new_);
    if (count > x->length + 1)
        count = x->length + 1;
    if (!count || !y->size) {
        rc_incref(s);
        return s;
    }
    if (y->size > (SIZE_MAX / 2 - x->size) / count) {
        rc_set_error(rc__runtime_of(s), RC_EOVERFLOW,
                     "replace string is too long");
        return NULL;
    }
    rc_object *r = rc__str_alloc(rc__runtime_of(s), x->size + count * y->size,
                                 x->length + count * y->length);
    if (!r)
        return NULL;
    char *d = RC__STR(r)->data;
    size_t i = 0;
    for (size_t k = 0; k < count; k++) {
        memcpy(d, y->data, y->size);
        d += y->size;
        size_t n = i < x->size ? rc__utf8_seqlen(x->data[i]) : 0;
        memcpy(d, x->data + i, n);
        d += n, i += n;
    }
    memcpy(d, x->data + i, x->size - i);
    return rc__str_seal(r);
}

/* Occurrences of the needle in s, at most max. */
static size_t count_matches(const needle *nd, const rc__str *x, size_t max) {
    size_t count = 0;
    for (size_t off = 0; count < max; count++) {
        ptrdiff_t at = needle_find(nd, x->data + off, x->size - off);
        if (at < 0)
            break;
        off += (size_t)at + (size_t)nd->m;
    }
    return count;
}

static rc_object *replace_matches(rc_object *s, rc_object *old, rc_object *new_,
                                  size_t max) {
    const rc__str *x = RC__STR(s), *o = RC__STR(old), *y = RC__STR(new_);
    needle nd;
    needle_prepare(&nd, o->data, o->size);
    size_t count = count_matches(&nd, x, max);
    if (!count) {
        rc_incref(s);
        return s;
    }
    size_t kept = x->size - count * o->size;
    if (y->size && count > (SIZE_MAX / 2 - kept) / y->size) {
        rc_set_error(rc__runtime_of(s), RC_EOVERFLOW,
                     "replace string is too long");
        return NULL;
    }
    rc_object *r =
        rc__str_alloc(rc__runtime_of(s), kept + count * y->size,
                      x->length - count * o->length + count * y->length);
    if (!r)
        return NULL;
    char *d = RC__STR(r)->data;
    size_t off = 0;
    for (size_t k = 0; k < count; k++) {
        size_t at = (size_t)needle_find(&nd, x->data + off, x->size - off);
        memcpy(d, x->data + off, at);
        memcpy(d + at, y->data, y->size);
        d += at + y->size;
        off += at + o->size;
    }
    memcpy(d, x->data + off, x->size - off);
    return rc__str_seal(r);
}

rc_object *rc_str_replace(rc_object *s, rc_object *old, rc_object *new_,
                          ptrdiff_t count) {
    rc_runtime *rt = rc__runtime_of(s);
    if (!rc_is_str(s)) {
        rc__str_not_str(s, "replace");
        return NULL;
    }
    if (!rc_is_str(old) || !rc_is_str(new_)) {
        rc__str_type_error(rt,
                           rc_is_str(old) ? "replace() argument 2 must be str"
                                          : "replace() argument 1 must be str",
                           rc_is_str(old) ? new_ : old);
        return NULL;
    }
    size_t max = count < 0 ? SIZE_MAX : (size_t)count;
    if (!RC__STR(old)->size)
        return replace_empty(s, new_, max);
    return replace_matches(s, old, new_, max);
}

/* ====================================================================== */
/* startswith, endswith                                                    */
/* ====================================================================== */

static bool affix_matches(const rc__str *x, const rc__str *a, bool end) {
    if (a->size > x->size)
        return false;
    return memcmp(x->data + (end ? x->size - a->size : 0), a->data, a->size) ==
           0;
}

static int affix(rc_object *s, rc_object *a, bool end) {
    rc_runtime *rt = rc__runtime_of(s);
    const char *name = end ? "endswith" : "startswith";
    if (!rc_is_str(s))
        return rc__str_not_str(s, name);
    if (rc_is_str(a))
        return affix_matches(RC__STR(s), RC__STR(a), end);
    if (!rc_is_tuple(a))
        return rc_set_error(rt, RC_ETYPE,
                            "%s first arg must be str or a tuple of str, not "
                            "%.80s",
                            name, rc_type_name(a));
    for (size_t i = 0; i < rc_tuple_size(a); i++) {
        rc_object *item = rc_tuple_get(a, i);
        if (!rc_is_str(item))
            return rc_set_error(rt, RC_ETYPE,
                                "tuple for %s must only contain str, not "
                                "%.80s",
                                name, rc_type_name(item));
        if (affix_matches(RC__STR(s), RC__STR(item), end))
            return 1;
    }
    return 0;
}

int rc_str_startswith(rc_object *s, rc_object *prefix) {
    return affix(s, prefix, false);
}

int rc_str_endswith(rc_object *s, rc_object *suffix) {
    return affix(s, suffix, true);
}
