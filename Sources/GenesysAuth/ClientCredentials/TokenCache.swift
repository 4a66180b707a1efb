import GenesysCore
import Logging

/// Caches one access token and refreshes it single-flight.
///
/// - valid and before its refresh point → returned as is;
/// - refreshing → the caller waits for the fetch already in flight;
/// - otherwise → one fetch starts; on success the token is stored, on failure the cache goes back to
///   empty (or, while refreshing ahead, back to the previous token until it actually expires), so the
///   next call tries again.
///
/// The fetch runs in its own task: a waiter that is cancelled stops waiting at once with
/// `CancellationError`, but never cancels the fetch that other callers are waiting on.
actor TokenCache {
    struct Entry: Sendable {
        let token: AccessToken
        /// Stopwatch time from which the token is refreshed ahead of expiry.
        let refreshAt: Duration
        /// Stopwatch time at which the token expires.
        let expiresAt: Duration
    }

    private enum State {
        case empty
        case valid(Entry)
        case refreshing(Task<AccessToken, any Error>, previous: Entry?)
    }

    private var state: State = .empty
    private var waiters: [UInt64: CheckedContinuation<AccessToken, any Error>] = [:]
    private var nextWaiterID: UInt64 = 0
    let fetcher: TokenFetcher
    private let stopwatch: Stopwatch
    private let refreshBeforeExpiry: Duration

    init(fetcher: TokenFetcher, refreshBeforeExpiry: Duration) {
        self.fetcher = fetcher
        self.stopwatch = Stopwatch(clock: fetcher.clock)
        self.refreshBeforeExpiry = max(.zero, refreshBeforeExpiry)
    }

    /// A token that is valid now.
    func token(logger: Logger) async throws -> AccessToken {
        try Task.checkCancellation()
        switch state {
        case .valid(let entry) where stopwatch.elapsed < entry.refreshAt:
            return entry.token
        case .valid(let entry):
            logger.debug("token due for refresh", metadata: ["loginHost": "\(fetcher.endpoint.authority)"])
            startFetch(previous: entry, logger: logger)
        case .empty:
            startFetch(previous: nil, logger: logger)
        case .refreshing:
            break
        }
        return try await waitForFetch()
    }

    /// Drops `token` if it is the one cached now (also as the fallback of a refresh in flight).
    func invalidate(_ token: AccessToken, logger: Logger?) {
        switch state {
        case .valid(let entry) where entry.token.value == token.value:
            state = .empty
            logger?.debug("token invalidated", metadata: ["loginHost": "\(fetcher.endpoint.authority)"])
        case .refreshing(let task, let previous?) where previous.token.value == token.value:
            state = .refreshing(task, previous: nil)
        default:
            break
        }
    }

    /// How many callers are waiting for the fetch in flight (for tests).
    var waiterCount: Int { waiters.count }

    /// The tokens the cache holds: the valid one, or the previous one while refreshing.
    var heldTokens: [AccessToken] {
        switch state {
        case .empty, .refreshing(_, previous: nil): []
        case .valid(let entry), .refreshing(_, previous: let entry?): [entry.token]
        }
    }

    /// Whether a token is cached and not yet due for refresh (for tests and diagnostics).
    var hasFreshToken: Bool {
        if case .valid(let entry) = state { return stopwatch.elapsed < entry.refreshAt }
        return false
    }

    // MARK: - Single flight

    private func startFetch(previous: Entry?, logger: Logger) {
        let fetcher = self.fetcher
        let stopwatch = self.stopwatch
        let task = Task<AccessToken, any Error> {
            let started = stopwatch.elapsed
            let result: Result<AccessToken, any Error>
            do {
                result = .success(try await fetcher.fetch(logger: logger))
            } catch {
                result = .failure(error)
            }
            return try self.finish(result, startedAt: started, logger: logger).get()
        }
        state = .refreshing(task, previous: previous)
    }

    private func finish(_ result: Result<AccessToken, any Error>, startedAt started: Duration, logger: Logger) -> Result<AccessToken, any Error> {
        let previous: Entry?
        if case .refreshing(_, let fallback) = state { previous = fallback } else { previous = nil }

        let outcome: Result<AccessToken, any Error>
        switch result {
        case .success(let token):
            let lifetime = token.expiresIn ?? TokenFetcher.fallbackLifetime
            // Refresh ahead, but never so early that a short-lived token is refetched on every call.
            let window = min(refreshBeforeExpiry, lifetime / 2)
            state = .valid(Entry(token: token, refreshAt: started + lifetime - window, expiresAt: started + lifetime))
            logger.debug("token cached", metadata: [
                "loginHost": "\(fetcher.endpoint.authority)",
                "expiresInSeconds": "\(lifetime.components.seconds)",
                "refreshInSeconds": "\((lifetime - window).components.seconds)",
            ])
            outcome = .success(token)
        case .failure(let error):
            if let previous, !(error is CancellationError), stopwatch.elapsed < previous.expiresAt {
                // The refresh ahead of expiry failed, but the current token is still good: keep using
                // it. Its refresh point has passed, so the next call tries again.
                state = .valid(previous)
                logger.info("token refresh failed; using the current token until it expires", metadata: [
                    "loginHost": "\(fetcher.endpoint.authority)", "error": "\(error)",
                ])
                outcome = .success(previous.token)
            } else {
                state = .empty
                outcome = .failure(error)
            }
        }

        let resumed = waiters
        waiters.removeAll()
        for continuation in resumed.values { continuation.resume(with: outcome) }
        return outcome
    }

    private func waitForFetch() async throws -> AccessToken {
        nextWaiterID += 1
        let id = nextWaiterID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<AccessToken, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        waiters.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }
}
