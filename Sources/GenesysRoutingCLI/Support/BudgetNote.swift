import GenesysCore
import RoutingSync

/// The lines `plan` and `apply` print on standard error about the API budget: how long an apply takes at
/// the current token pool (suggesting `--tokens` when over a minute), and how much of the budget an apply used.
enum BudgetNote {
    /// `note: applying needs about N requests, about T at K token(s) × R/min; …` for a plan with changes,
    /// `nil` otherwise or without pacing.
    static func plan(_ plan: SyncPlan, client: GenesysClient) -> String? {
        guard plan.hasChanges, let pool = client.tokenPool, let limit = pool.effectiveLimit else { return nil }
        // One write per change at least (an agent with many skills needs one more per 50).
        let requests = plan.changes.count
        let time = duration(of: requests, tokens: pool.size, limit: limit)
        var line = "note: applying this plan needs about \(requests) request\(requests == 1 ? "" : "s"), about \(text(time)) at \(pool.size) token\(pool.size == 1 ? "" : "s") × \(limit.requests)/min"
        if time > .seconds(60), pool.size < TokenPool.maxSize {
            let wanted = (1...TokenPool.maxSize).first { duration(of: requests, tokens: $0, limit: limit) <= .seconds(60) } ?? TokenPool.maxSize
            let faster = duration(of: requests, tokens: wanted, limit: limit)
            line += "; --tokens \(wanted) would take about \(text(faster))"
        }
        return line
    }

    /// `note: budget used: N requests in T = P % of K token(s) × R/min` after an apply, `nil` without pacing.
    static func apply(requests: Int, wall: Duration, client: GenesysClient) -> String? {
        guard requests > 0, wall > .zero, let pool = client.tokenPool, let limit = pool.effectiveLimit else { return nil }
        let budget = Double(pool.size * limit.requests) * (wall / limit.period)
        let percent = Int((Double(requests) / budget * 100).rounded())
        let share = pool.apiShare < 100 ? " (--api-share \(pool.apiShare))" : ""
        return "note: budget used: \(requests) request\(requests == 1 ? "" : "s") in \(text(wall)) = \(percent) % of \(pool.size) token\(pool.size == 1 ? "" : "s") × \(limit.requests)/min\(share)"
    }

    /// How long `requests` take at `tokens` tokens on the pool's schedule: each token sends its burst, then
    /// one request every (period + ``TokenPool/windowMargin(for:)``) / limit (about 295 a minute at 300).
    static func duration(of requests: Int, tokens: Int, limit: RateLimit) -> Duration {
        let paced = max(0, requests - tokens * limit.burst)
        let interval = (limit.period + TokenPool.windowMargin(for: limit.period)) / limit.requests
        return interval * (Double(paced) / Double(tokens))
    }

    /// `45 s`, `12 min 30 s`, `1 h 5 min`.
    static func text(_ duration: Duration) -> String {
        let seconds = Int((duration / .seconds(1)).rounded(.up))
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}
