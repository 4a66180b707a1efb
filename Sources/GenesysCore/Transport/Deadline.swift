/// Runs `operation`, and fails with `TransportError.Kind.timedOut` if it has not finished after `timeout`
/// (the operation is cancelled then). Cancelling the calling task cancels the operation and throws
/// `CancellationError`.
///
/// `package`: shared by the URLSession and AsyncHTTPClient transports.
package func withDeadline<T: Sendable>(
    _ timeout: Duration,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    // Clamp so that "practically forever" cannot overflow the clock's arithmetic.
    let timeout = min(max(timeout, .zero), .seconds(365 * 86_400))
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        // The first child to finish decides; the other one is cancelled.
        guard let first = try await group.next() else { throw CancellationError() }
        if let value = first { return value }
        if Task.isCancelled { throw CancellationError() }
        throw TransportError(kind: .timedOut, requestMayHaveBeenProcessed: true)
    }
}
