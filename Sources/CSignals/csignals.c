#define _GNU_SOURCE
#include "csignals.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

/* One copy of the state for the process: a .c file, not a header's statics. A lock-free atomic
 * is async-signal-safe and orders the handler's store with the watcher's load (ThreadSanitizer
 * saw the plain sig_atomic_t as a race between the handler and the watching thread). */
static _Atomic int raised = 0;
static int wake[2] = { -1, -1 };

static void handler(int sig) {
  int saved = errno;
  int none = 0;
  atomic_compare_exchange_strong(&raised, &none, sig);
  char byte = 1;
  ssize_t ignored = write(wake[1], &byte, 1);  /* async-signal-safe; a full pipe already woke */
  (void)ignored;
  errno = saved;
}

int csignals_watch(int sig) {
  if (wake[0] < 0 && pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  /* The reader blocks; only the handler's end must never block. */
  int flags = fcntl(wake[0], F_GETFL);
  if (flags >= 0) fcntl(wake[0], F_SETFL, flags & ~O_NONBLOCK);
  struct sigaction action;
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  if (sigaction(sig, &action, NULL) != 0) return -1;
  /* A mask inherited blocking it (a parent that spawned us from a Dispatch worker thread, whose
   * mask blocks INT, TERM, HUP…) would keep the signal pending for ever: take it on this thread. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  return pthread_sigmask(SIG_UNBLOCK, &set, NULL) == 0 ? 0 : -1;
}

int csignals_wait(void) {
  char byte;
  if (wake[0] < 0) return 0;
  while (atomic_load(&raised) == 0) {
    ssize_t n = read(wake[0], &byte, 1);
    if (n < 0 && errno != EINTR) return 0;
  }
  return atomic_load(&raised);
}

int csignals_raised(void) { return atomic_load(&raised); }
