/// A clock that runs `scale` times faster than real time: a virtual minute lasts `60 / scale` real
/// seconds. Rate limits, latency and `Retry-After` all live on it, so a 13-minute apply is measured in
/// about a minute and a half at scale 10, with real concurrency (unlike a manual clock).
struct ScaledClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    let scale: Double
    private let origin = ContinuousClock.now

    init(scale: Double) { self.scale = max(1, scale) }

    var now: Instant { Instant(offset: (ContinuousClock.now - origin) * scale) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let wait = deadline.offset - now.offset
        guard wait > .zero else { return try Task.checkCancellation() }
        try await Task.sleep(for: wait / scale)
    }
}
