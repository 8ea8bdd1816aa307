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
#include <pthread.h>

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

/* ---- Crash guard -------------------------------------------------------------------------
 * On a crash signal the terminal must not be left in curses mode (no echo, no cursor, the
 * alternate screen). A signal handler may only do async-signal-safe work, so everything is
 * prepared in advance and the handler is plain C: write a reset sequence, put the saved
 * termios back, reinstate the previous action (Swift's backtracer, or the default) and raise
 * the signal again. Install after newterm, remove before endwin.
 *
 * The state lives in a function-local static: Swift's importer emits the code of static
 * inline functions but not file-scope statics of a header. Each object file that uses these
 * functions gets its own copy, so call them all from one Swift source file. */
#define CN_CRASH_SIGNAL_COUNT 6
struct cn_crash_state {
  int signals[CN_CRASH_SIGNAL_COUNT];
  struct sigaction previous[CN_CRASH_SIGNAL_COUNT];
  struct termios termios;
  volatile sig_atomic_t installed;
  /* Set by the handler: the UI thread stops drawing (the screen now belongs to the report). */
  volatile sig_atomic_t crashed;
};

static inline struct cn_crash_state *cn_crash_state(void) {
  static struct cn_crash_state state = { { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE } };
  return &state;
}

static inline void cn_crash_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  /* SGR reset, cursor visible, leave the alternate screen, cursor keys normal, keypad off. */
  static const char reset[] = "\033[0m\033[?25h\033[?1049l\033[?1l\033>\r\n";
  struct cn_crash_state *s = cn_crash_state();
  s->crashed = 1;
  ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
  (void)ignored;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &s->termios);
  if (info != NULL && info->si_code <= 0) {
    /* Sent by a process (kill, raise), not by a fault: there is no faulting instruction for a
     * crash report to show, and Swift's reporter would return and let the program run on
     * behind a terminal that is no longer its own. Say so and end with the signal. */
    static const char note[] = "regviz crashed: stopped by a crash signal sent from outside; terminal restored\r\n";
    ignored = write(STDERR_FILENO, note, sizeof note - 1);
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  /* A real fault: hand it to the previous action (Swift's crash reporter, or the default),
   * which runs when this handler returns and the instruction faults again. */
  for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
    if (s->signals[i] == sig) sigaction(sig, &s->previous[i], NULL);
  }
  raise(sig);
}

/* Turns off XON/XOFF flow control: Ctrl-S would otherwise freeze the dashboard until Ctrl-Q. */
static inline void cn_disable_flow_control(int fd) {
  struct termios t;
  if (tcgetattr(fd, &t) != 0) return;
  t.c_iflag &= ~(tcflag_t)IXON;
  tcsetattr(fd, TCSANOW, &t);
}

/* `termios` is the terminal state to restore: the one saved before curses changed it. */
static inline void cn_install_crash_guard(const struct termios *termios) {
  struct cn_crash_state *s = cn_crash_state();
  if (s->installed) return;
  s->termios = *termios;
  struct sigaction action;
  action.sa_sigaction = cn_crash_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_SIGINFO;
  for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
    sigaction(s->signals[i], &action, &s->previous[i]);
  }
  s->installed = 1;
}

static inline int cn_crashed(void) { return cn_crash_state()->crashed; }

static inline void cn_remove_crash_guard(void) {
  struct cn_crash_state *s = cn_crash_state();
  if (!s->installed) return;
  for (int i = 0; i < CN_CRASH_SIGNAL_COUNT; i++) {
    sigaction(s->signals[i], &s->previous[i], NULL);
  }
  s->installed = 0;
}

/* ---- Ending signals as a flag ------------------------------------------------------------
 * Ctrl-C, SIGTERM, SIGHUP and the rest must end the dashboard through its own loop, which
 * restores the terminal. A plain handler that only stores the signal number works whatever
 * thread the kernel picks. (Dispatch signal sources did not: a signal delivered to a thread
 * that did not block it met the "ignore" disposition they need and was lost.) */
static inline volatile sig_atomic_t *cn_raised_slot(void) {
  static volatile sig_atomic_t raised = 0;
  return &raised;
}
static inline void cn_flag_handler(int sig) { *cn_raised_slot() = sig; }
/* Unblocks `sig` on the calling thread too: a parent that spawned us from a Dispatch worker
 * (the test runner's `Process`) passes on a mask blocking INT, TERM, HUP…, and the signal then
 * stayed pending for ever (as Training's EndingSignals found). Threads started later inherit it. */
static inline void cn_unblock_signal(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
/* `handler` for `sig` (SA_RESTART, nothing masked), and `sig` unblocked on this thread. */
static inline void cn_install_handler(int sig, void (*handler)(int)) {
  struct sigaction action;
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(sig, &action, NULL);
  cn_unblock_signal(sig);
}
static inline void cn_watch_signal(int sig) { cn_install_handler(sig, cn_flag_handler); }
static inline int cn_raised_signal(void) { return *cn_raised_slot(); }

/* ---- Resumed after a stop ---------------------------------------------------------------
 * `kill -STOP` then `fg`: the shell put its own (cooked) modes on the terminal while we were
 * stopped, and ncurses only restores its modes after a SIGTSTP it handled itself. SIGCONT sets a
 * flag; the next frame re-applies the program modes and repaints. */
static inline volatile sig_atomic_t *cn_continued_slot(void) {
  static volatile sig_atomic_t continued = 0;
  return &continued;
}
static inline void cn_continued_handler(int sig) { (void)sig; *cn_continued_slot() = 1; }
static inline void cn_watch_continue(void) { cn_install_handler(SIGCONT, cn_continued_handler); }
/* 1 once after each SIGCONT, else 0. */
static inline int cn_take_continued(void) {
  if (*cn_continued_slot() == 0) return 0;
  *cn_continued_slot() = 0;
  return 1;
}

/* signal(2) with a disposition Swift cannot spell (SIG_IGN / SIG_DFL are casts of integers). */
static inline void cn_default_signal(int sig) { signal(sig, SIG_DFL); }
#endif
