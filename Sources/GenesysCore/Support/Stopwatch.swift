/// Measures time on an injected clock without knowing its concrete instant type.
///
/// `package`: the one stopwatch the client, auth, routing and sync modules share.
package struct Stopwatch: Sendable {
    private let read: @Sendable () -> Duration

    package init(clock: any Clock<Duration>) { read = Self.make(clock) }

    private static func make<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Time since the stopwatch was created.
    package var elapsed: Duration { read() }
}
