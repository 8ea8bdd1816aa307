import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The priority of background computations the screen asks for (the path view): nice 19 on
/// the calling thread. Linux keeps a nice value per thread, so the lanes' threads stay at
/// theirs; the scheduler then gives a nice-19 thread about 1.5% of a core that a lane also
/// wants, and all of a core nobody wants. (SCHED_IDLE would give it next to nothing on a
/// busy two-core machine, so the path would never arrive while the lanes train at full speed.)
public enum BackgroundPriority {
  /// The nice value `lowerCurrentThread` asks for.
  public static let nice: Int32 = 19

  /// Lowers the calling thread; a thread cannot raise itself again, so call it only on a
  /// thread of its own. Returns the thread's nice value afterwards (nil where unknown).
  @discardableResult
  public static func lowerCurrentThread() -> Int32? {
    #if os(Linux)
    // On Linux, who = 0 is the calling thread, not the whole process.
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
    return currentNice()
    #else
    return nil
    #endif
  }

  /// The calling thread's nice value (Linux), nil elsewhere.
  public static func currentNice() -> Int32? {
    #if os(Linux)
    errno = 0
    let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    return errno == 0 ? value : nil
    #else
    return nil
    #endif
  }

  /// The nice value a new thread of its own reaches after `lowerCurrentThread` (what the path
  /// job's thread runs at), for `regviz bench`. The thread is started here: threads belong to
  /// Training.
  public static func niceOfALoweredThread() -> Int32? {
    let seen = Locked<Int32??>(nil)
    let thread = Thread { seen.withLock { $0 = .some(lowerCurrentThread()) } }
    thread.start()
    while seen.withLock({ $0 }) == nil { Thread.sleep(forTimeInterval: 0.001) }
    return seen.withLock { $0 } ?? nil
  }
}
