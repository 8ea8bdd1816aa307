#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* SwiftPM drops -D_XOPEN_SOURCE from pkg-config, which would otherwise hide the wide API. */
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <stdio.h>

/* ncurses macros and C globals do not import into Swift 6; these accessors stand in for them. */
static inline attr_t cn_A_NORMAL(void)    { return A_NORMAL; }
static inline attr_t cn_A_BOLD(void)      { return A_BOLD; }
static inline attr_t cn_A_DIM(void)       { return A_DIM; }
static inline attr_t cn_A_REVERSE(void)   { return A_REVERSE; }
static inline attr_t cn_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cn_A_ITALIC(void)    { return A_ITALIC; }
static inline int    cn_COLOR_PAIR(int n) { return (int)COLOR_PAIR(n); }
static inline WINDOW *cn_stdscr(void)     { return stdscr; }
static inline int    cn_COLORS(void)      { return COLORS; }
static inline int    cn_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int    cn_LINES(void)       { return LINES; }
static inline int    cn_COLS(void)        { return COLS; }
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
static inline FILE  *cn_fdopen(int fd, const char *mode) { return fdopen(fd, mode); }
#endif
