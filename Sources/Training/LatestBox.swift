import Foundation

/// Holds the latest published value. Publishing and reading each take the lock only for an
/// O(1) copy (the arrays inside are copy-on-write), so a reader never holds up a trainer.
public final class LatestBox<Value: Sendable>: Sendable {
  private let locked: Locked<Value>

  public init(_ value: Value) { locked = Locked(value) }

  public func publish(_ value: Value) { locked.withLock { $0 = value } }

  public func latest() -> Value { locked.withLock { $0 } }
}

/// A value behind a lock that ThreadSanitizer understands. `NSLock` is a pthread mutex, which
/// TSan intercepts; `Synchronization.Mutex` locks with futexes from a module TSan does not
/// instrument, so `swift test --sanitize=thread` reported races on it that were not there.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
