import Foundation

/// A value behind a lock, for the CLI's few pieces of synchronous shared state (captured output, the
/// progress line).
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read and written while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
