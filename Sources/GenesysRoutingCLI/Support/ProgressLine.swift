import GenesysCore
import RoutingSync

/// Progress on standard error (cli.md, "Behaviour people rely on"): on a terminal, one line redrawn in
/// place a few times a second; otherwise (CI logs, pipes) a plain line at most every
/// ``plainInterval`` of the injected clock, and nothing at all for work that ends sooner.
final class ProgressLine: Sendable {
    private let sink: any OutputSink
    /// Whether the redrawn line is drawn (standard error is a terminal).
    let enabled: Bool
    private let clock: any Clock<Duration>
    /// How often a plain line is printed when standard error is not a terminal.
    let plainInterval: Duration
    private let visible = LockedValue(false)

    init(sink: any OutputSink, enabled: Bool, clock: any Clock<Duration> = ContinuousClock(), plainInterval: Duration = .seconds(10)) {
        self.sink = sink
        self.enabled = enabled
        self.clock = clock
        self.plainInterval = plainInterval
    }

    /// Replaces the line with `message`.
    func show(_ message: String) {
        guard enabled else { return }
        visible.withLock { visible in
            sink.write("\r\u{1B}[2K" + InertText.escape(message))
            visible = true
        }
    }

    /// Erases the line.
    func clear() {
        guard enabled else { return }
        visible.withLock { visible in
            if visible { sink.write("\r\u{1B}[2K") }
            visible = false
        }
    }

    /// Runs `body` while showing `message` with the elapsed time, `status` (such as
    /// `applied 120/3350, failed 0, skipped 0`) and the requests sent so far (from `counters`): on a
    /// terminal a line refreshed a few times a second and erased afterwards; otherwise a plain line every
    /// ``plainInterval`` while `body` runs.
    func track<T>(
        _ message: String, counters: RequestCounters? = nil, status: (@Sendable () -> String?)? = nil,
        _ body: () async throws -> T
    ) async throws -> T {
        if enabled { show("\(message)…") }
        let before = await counters?.snapshot()
        @Sendable func text(elapsed: Duration) async -> String {
            var parts = [status?()].compactMap { $0 }
            parts.append("\(elapsed.components.seconds)s")
            if let counters, let before {
                let sent = await counters.snapshot().since(before).total
                parts.append("\(sent) request\(sent == 1 ? "" : "s")")
            }
            return "\(message)… " + parts.joined(separator: ", ")
        }
        let ticker = enabled ? Task { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                guard !Task.isCancelled else { break }
                let line = await text(elapsed: clock.now - start)
                guard !Task.isCancelled else { break }
                show(line)
            }
        } : Task { [self] in
            let stopwatch = Stopwatch(clock: clock)
            while !Task.isCancelled {
                do { try await clock.sleep(for: plainInterval) } catch { break }
                let line = await text(elapsed: stopwatch.elapsed)
                guard !Task.isCancelled else { break }
                sink.writeLine(line)
            }
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        ticker.cancel()
        await ticker.value
        clear()
        return try result.get()
    }
}
