import GenesysCore
import GenesysTesting
import RoutingSync

/// A one-line progress indicator on standard error, redrawn in place, shown only when standard error is
/// a terminal (scripts and CI logs stay quiet).
final class ProgressLine: Sendable {
    private let sink: any OutputSink
    /// Whether anything is drawn at all.
    let enabled: Bool
    private let visible = LockedBox(false)

    init(sink: any OutputSink, enabled: Bool) {
        self.sink = sink
        self.enabled = enabled
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

    /// Runs `body` while showing `message` with the elapsed time and the requests sent so far (from
    /// `counters`), refreshed a few times a second; erases the line afterwards.
    func track<T>(_ message: String, counters: RequestCounters? = nil, _ body: () async throws -> T) async throws -> T {
        guard enabled else { return try await body() }
        show("\(message)…")
        let before = await counters?.snapshot()
        let ticker = Task { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                guard !Task.isCancelled else { break }
                let seconds = Int((clock.now - start).components.seconds)
                var text = "\(message)… \(seconds)s"
                if let counters, let before {
                    let sent = await counters.snapshot().since(before).total
                    text += ", \(sent) request\(sent == 1 ? "" : "s")"
                }
                guard !Task.isCancelled else { break }
                show(text)
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
