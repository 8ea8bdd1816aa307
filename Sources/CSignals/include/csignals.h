#ifndef CSIGNALS_H
#define CSIGNALS_H
/// Ending signals for the headless commands, the way the dashboard takes them (a plain C
/// handler installed with sigaction, whatever thread the kernel delivers to), but waited for
/// rather than polled: the handler stores the signal's number and writes one byte to a pipe,
/// which `csignals_wait` reads on a thread of its own.

/// Installs the handler for `sig` (SA_RESTART) and unblocks `sig` on the calling thread; the
/// pipe is made on the first call.
/// Returns 0, or -1 when the pipe or sigaction failed.
int csignals_watch(int sig);
/// Blocks until a watched signal arrives and returns its number (the first one, if several).
int csignals_wait(void);
/// The signal that arrived, or 0.
int csignals_raised(void);
#endif
