/*
 * main.c — the rcpy command (DESIGN §11): `rcpy FILE.py [args]`, `-c CODE`,
 * `-m MODULE`, `-` (stdin), `-i`, the prompt, `-X gcstats|leaks|
 * heap-limit=SIZE`, `--version`, `-h`, with CPython's messages and exit
 * statuses (2 for a usage error or a file that cannot be opened, 1 after an
 * uncaught exception, 130 after KeyboardInterrupt, SystemExit's code).
 *
 * The one piece of process-wide state is the SIGINT handler's pointer to
 * the interpreter's `interrupted` flag: a signal handler has no other way
 * to find it. The handler only sets the flag; the VM raises
 * KeyboardInterrupt at its next safe point.
 */
#define _XOPEN_SOURCE 700 /* sigaction, realpath */
#include "front.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t *interrupt_flag;

static void on_sigint(int sig) {
    (void)sig;
    if (interrupt_flag)
        *interrupt_flag = 1;
}

static void install_sigint(rp_interp *ip) {
    interrupt_flag = &ip->interrupted;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

/* ====================================================================== */
/* The command line                                                       */
/* ====================================================================== */

typedef struct options {
    const char *command;      /* -c */
    const char *module;       /* -m */
    const char *script;       /* FILE, or "-" for stdin */
    bool quiet;               /* -q: no banner at the prompt */
    char file[PATH_MAX + 16]; /* the script's code runs as this absolute path
                            (CPython's __main__.__file__) */
    int rest;                 /* index of the first argument for sys.argv */
    rp_config cfg;
} options;

static const char usage_line[] =
    "usage: rcpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%sTry `rcpy -h' for more information.\n", usage_line);
    return 2;
}

static void print_help(void) {
    printf("%s", usage_line);
    printf("Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script\n"
           "-q     : don't print the banner on interactive startup\n"
           "-m mod : run library module as a script (terminates option "
           "list)\n"
           "-V     : print the version number and exit (also --version)\n"
           "-X opt : rcpy's own options:\n"
           "         -X gcstats: a line on stderr per collection\n"
           "         -X leaks: at exit, report the objects still alive\n"
           "         -X heap-limit=SIZE: most bytes of heap (K, M, G "
           "suffixes); MemoryError beyond\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if "
           "a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n");
}

/* "64M" -> bytes; 0 on a malformed size. */
static size_t parse_size(const char *s) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return 0;
    size_t mult = 1;
    switch (*end) {
    case 'k':
    case 'K':
        mult = 1024, end++;
        break;
    case 'm':
    case 'M':
        mult = 1024 * 1024, end++;
        break;
    case 'g':
    case 'G':
        mult = 1024 * 1024 * 1024, end++;
        break;
    default:
        break;
    }
    if (*end == 'b' || *end == 'B')
        end++;
    return *end ? 0 : (size_t)v * mult;
}

static int x_option(options *o, const char *opt) {
    if (strcmp(opt, "gcstats") == 0)
        o->cfg.gcstats = true;
    else if (strcmp(opt, "leaks") == 0)
        o->cfg.leaks = true;
    else if (strncmp(opt, "heap-limit=", 11) == 0) {
        o->cfg.heap_limit = parse_size(opt + 11);
        if (!o->cfg.heap_limit) {
            fprintf(stderr,
                    "rcpy: -X heap-limit needs a size such as 64M, "
                    "not '%s'\n",
                    opt + 11);
            return 2;
        }
    }
    /* other -X options are accepted and ignored, as CPython does */
    return 0;
}

/* Single-letter flags CPython accepts that change nothing here. */
static bool ignored_flag(char c) {
    return strchr("bBdEIOsSuvW", c) != NULL;
}

/* Reads the options; returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, options *o) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("rcpy %s (Python %d.%d)\n", RP_VERSION, RP_PY_MAJOR,
                   RP_PY_MINOR);
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 ||
            strcmp(a, "-?") == 0) {
            print_help();
            return 0;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'i' || *p == 'q') {
                o->cfg.interactive |= *p == 'i';
                o->quiet |= *p == 'q';
                continue;
            }
            if (ignored_flag(*p))
                continue;
            if (!strchr("cmX", *p)) {
                char opt[3] = {'-', *p, 0};
                return usage_error("Unknown option: %s", opt);
            }
            const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val) {
                char opt[3] = {'-', *p, 0};
                return usage_error("Argument expected for the %s option", opt);
            }
            if (*p == 'X') {
                int r = x_option(o, val);
                if (r)
                    return r;
                break;
            }
            if (*p == 'c')
                o->command = val;
            else
                o->module = val;
            o->rest = i + 1;
            return -1;
        }
    }
    if (i < argc) {
        o->script = argv[i];
        o->rest = i + 1;
    } else
        o->rest = argc;
    return -1;
}

/* ====================================================================== */
/* Running                                                                */
/* ====================================================================== */

/* The absolute form of path (for messages and sys.path[0]). */
static void absolute(const char *path, char *out, size_t cap) {
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(out, cap, "%s", path);
    else
        snprintf(out, cap, "%s/%s", cwd, path);
}

/* sys.path[0]: the script's folder, with symbolic links resolved. */
static void script_dir(const char *script, char *out, size_t cap) {
    char abs[PATH_MAX], real[PATH_MAX];
    absolute(script, abs, sizeof abs);
    char *slash = strrchr(abs, '/');
    if (slash)
        *(slash == abs ? slash + 1 : slash) = '\0';
    snprintf(out, cap, "%s", realpath(abs, real) ? real : abs);
}

/* Runs what the options name; returns rp_run_source's result; *prompt
 * says whether the prompt follows. */
static int run_main(rp_interp *ip, const options *o, char *src, size_t len,
                    bool *prompt) {
    *prompt = o->cfg.interactive;
    if (o->command)
        return rp_run_source(ip, o->command, strlen(o->command), "<string>",
                             NULL);
    if (o->module)
        return rp_run_module(ip, o->module);
    if (src && o->file[0])
        return rp_run_source(ip, src, len, o->file, NULL);
    if (src)
        return rp_run_source(ip, src, len, "<stdin>", NULL);
    *prompt = true;
    return 0;
}

/* CPython's rule: a banner before the prompt when nothing else was run
 * and stdin is a terminal (or -i asked for the prompt), unless -q. */
static void banner(const options *o) {
    if (o->quiet || o->command || o->module || o->script ||
        !(isatty(0) || o->cfg.interactive))
        return;
    fprintf(stderr,
            "rcpy %s (Python %d.%d) on linux\n"
            "Type \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n",
            RP_VERSION, RP_PY_MAJOR, RP_PY_MINOR);
}

/* Reads the script named on the command line: a file, or a folder's
 * __main__.py (sys.path[0] is then the folder as given). Fills o->file and
 * path0; returns -1 on success, else the exit status (message printed). */
static int load_script(options *o, char **src, size_t *len, char *path0,
                       size_t cap) {
    char abs[PATH_MAX], inner[PATH_MAX + 16];
    absolute(o->script, abs, sizeof abs);
    struct stat st;
    if (stat(o->script, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t n = strlen(abs);
        snprintf(inner, sizeof inner, "%.*s/__main__.py",
                 (int)(n > 1 && abs[n - 1] == '/' ? n - 1 : n), abs);
        FILE *fp = fopen(inner, "rb");
        if (!fp) {
            fprintf(stderr, "rcpy: can't find '__main__' module in '%s'\n",
                    o->script);
            return 1;
        }
        *src = rp_read_stream(fp, len);
        fclose(fp);
        snprintf(o->file, sizeof o->file, "%s", inner);
        snprintf(path0, cap, "%s", o->script);
        return -1;
    }
    FILE *fp = fopen(o->script, "rb");
    if (!fp) {
        fprintf(stderr, "rcpy: can't open file '%s': [Errno %d] %s\n", abs,
                errno, strerror(errno));
        return 2;
    }
    *src = rp_read_stream(fp, len);
    fclose(fp);
    snprintf(o->file, sizeof o->file, "%s", abs);
    script_dir(o->script, path0, cap);
    return -1;
}

static int start(options *o, int argc, char **argv) {
    char *src = NULL;
    size_t len = 0;
    char path0[PATH_MAX] = "";
    bool from_stdin = !o->command && !o->module &&
                      (o->script ? strcmp(o->script, "-") == 0 : !isatty(0));
    if (o->script && !from_stdin) {
        int r = load_script(o, &src, &len, path0, sizeof path0);
        if (r >= 0)
            return r;
    } else if (from_stdin && !o->cfg.interactive)
        src = rp_read_stream(stdin, &len);
    if (o->module && !getcwd(path0, sizeof path0))
        path0[0] = '\0';
    int first = o->rest - 1; /* the script, -c's code or -m's module */
    static char dash_c[] = "-c", dash_m[] = "-m", empty[] = "";
    char **args = argv + first;
    char *saved = args[0];
    args[0] = o->command  ? dash_c
              : o->module ? dash_m
              : o->script ? args[0]
                          : empty;
    o->cfg.argc = argc - first;
    o->cfg.argv = args;
    o->cfg.path0 = path0;
    rp_interp *ip = rp_interp_new(&o->cfg);
    args[0] = saved;
    if (!ip) {
        free(src);
        return 1;
    }
    install_sigint(ip);
    bool prompt;
    int r = run_main(ip, o, src, len, &prompt);
    free(src);
    int code = r == 0 ? 0 : ip->exit_code;
    if (prompt) {
        banner(o);
        code = rp_repl(ip);
    }
    rp_interp_free(ip);
    interrupt_flag = NULL;
    return code & 0xff;
}

int main(int argc, char **argv) {
    options o;
    memset(&o, 0, sizeof o);
    int r = parse_options(argc, argv, &o);
    if (r >= 0)
        return r;
    return start(&o, argc, argv);
}
