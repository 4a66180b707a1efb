import GenesysRouting

/// `serve`'s `/ready`: whether the org answers, checked with one cheap read (the first page of one skill,
/// `getRoutingSkills`) and remembered for ``maximumAge`` on the injected clock, so a load balancer polling
/// every second costs the org one request every few seconds. Concurrent checks share one request; a check
/// that takes longer than ``timeout`` counts as not ready.
actor ReadinessProbe {
    /// How long an answer is reused.
    static let maximumAge = Duration.seconds(5)
    /// How long one check may take.
    static let timeout = Duration.seconds(10)

    private let clock: any Clock<Duration>
    private let check: @Sendable () async throws -> Void
    private let elapsed: @Sendable () -> Duration
    private var last: (at: Duration, problem: String?)?
    private var inFlight: Task<String?, Never>?

    /// A probe reading through `routing`, timing answers on `clock`.
    init(routing: RoutingAPI, clock: any Clock<Duration>) {
        self.init(clock: clock) {
            var pages = routing.listSkills(pageSize: 1).makeAsyncIterator()
            _ = try await pages.next()
        }
    }

    /// A probe running `check` (which throws when the org is not reachable).
    init(clock: any Clock<Duration>, check: @escaping @Sendable () async throws -> Void) {
        self.clock = clock
        self.check = check
        self.elapsed = Self.stopwatch(clock)
    }

    /// `nil` when the org answered (now or within ``maximumAge``), else one line saying why not.
    func problem() async -> String? {
        if let last, elapsed() - last.at < Self.maximumAge { return last.problem }
        if let inFlight { return await inFlight.value }
        let task = Task { [check, clock] () -> String? in
            // The first to finish of the check and the timeout decides; the other is cancelled.
            await withTaskGroup(of: String??.self) { group in
                group.addTask {
                    do {
                        try await check()
                        return .some(nil)
                    } catch {
                        return .some(ErrorReporter.message(for: error, activity: "reading the org") ?? "the org did not answer")
                    }
                }
                group.addTask {
                    do { try await clock.sleep(for: Self.timeout) } catch { return nil }
                    return .some("reading the org failed: no answer within \(Self.timeout.components.seconds) s")
                }
                var outcome: String?? = nil
                while outcome == nil, let next = await group.next() { outcome = next }
                group.cancelAll()
                return outcome ?? nil
            }
        }
        inFlight = task
        let problem = await task.value
        last = (elapsed(), problem)
        inFlight = nil
        return problem
    }

    /// The time since now on `clock`, each time it is called.
    private static func stopwatch<C: Clock>(_ clock: C) -> @Sendable () -> Duration where C.Duration == Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }
}
