import Foundation

/// A value behind a lock, for small synchronous shared state: the testing tools' own, the test server's
/// (phase, waiters, request log), the CLI's (captured output, the progress line) and `@Sendable` closures
/// in tests.
///
/// `package`: shared by every module of this package that depends on GenesysTesting, not public API.
package final class LockedBox<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read and written while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value as it is now.
    package var current: Value { withLock { $0 } }
}
