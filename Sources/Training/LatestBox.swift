import Synchronization

/// Holds the latest published value. Publishing and reading each take the lock only for an
/// O(1) copy (the arrays inside are copy-on-write), so a reader never holds up a trainer.
public final class LatestBox<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  public init(_ value: Value) { mutex = Mutex(value) }

  public func publish(_ value: Value) { mutex.withLock { $0 = value } }

  public func latest() -> Value { mutex.withLock { $0 } }
}
