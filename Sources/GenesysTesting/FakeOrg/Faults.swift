import GenesysCore
public import HTTPTypes

/// A fault the ``FakeGenesysOrg`` injects into matching requests: an error status, a dropped
/// connection or extra latency.
///
/// A fault has three parts: **what** happens (``Effect``), **which** requests it looks at (``Match``)
/// and **when** it fires among them (``Trigger``). Everything is deterministic: probabilities are drawn
/// from the org's own ``SplitMix64`` generator seeded with ``FakeGenesysOrg/Configuration/faultSeed``,
/// so the same seed and the same request sequence give the same faults.
///
/// ```swift
/// // Every write has a 20 % chance of a 503.
/// org.addFault(FakeFault(.status(503), when: .probability(0.2), matching: .writes))
/// // The 3rd and 5th request to the skills API are throttled.
/// org.addFault(FakeFault(.throttle(retryAfter: .seconds(2)), when: .requests([3, 5]),
///                        matching: .init(pathPrefix: "/api/v2/routing/skills")))
/// // The next POST to /routing/queues is applied, but the client never sees the answer.
/// org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
///                        matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/queues")))
/// ```
///
/// Faults apply to API requests (`/api/v2/…`). The token endpoint is matched only by a fault whose
/// ``Match/pathPrefix`` starts with `/oauth`.
public struct FakeFault: Sendable, Hashable {
    /// What happens to a request the fault fires on.
    public enum Effect: Sendable, Hashable {
        /// Answer with this status (500, 502, 503, 504, …) and a Genesys error body, without touching
        /// the org. Use ``throttle(retryAfter:)`` for 429.
        case status(Int)
        /// Answer 429 with a `Retry-After` header (whole seconds, rounded up) and the normalised 429
        /// body Genesys documents for rate limits (`too.many.requests.retry.after`), without touching the org.
        case throttle(retryAfter: Duration)
        /// Throw `TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false)`: nothing
        /// reached the org.
        case connectFailed
        /// Throw `TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true)`.
        ///
        /// With `afterApplying: false` the org never saw the request; with `afterApplying: true` the org
        /// processed it (a write took effect) and only the answer was lost — the case idempotent retries
        /// must survive. Either way the client cannot tell which, exactly as with a real network.
        case connectionLost(afterApplying: Bool)
        /// Sleep this long on the org's clock, then handle the request normally. Delays of several
        /// firing faults add up.
        case delay(Duration)

        // Listing faults (the paging styles of Genesys' listings): the request is handled, then the listing's
        // paging fields are rewritten. Answers that are not listings are left alone, and so are paging
        // styles a fault does not apply to. Use them to check that a client fails rather than returning
        // a partial listing.

        /// Every page answers with the entities of the listing's first page while its paging fields
        /// advance (page number, a new cursor or search token, and always a next page): a server that
        /// ignores the page asked for. All four styles.
        case repeatedPage
        /// The cursor (style C) or search token (style D) loops: the first page names cursor A, A names
        /// B and B names A again (A→B→A); the pages behind the cursors hold the first page's entities.
        case loopingCursor
        /// `total` claims 1,000 entities more than exist (and `pageCount` matches it), and every page
        /// names a next page: pages past the real data come back empty. Styles A and D.
        case lyingTotals
        /// `pageCount` is 1,000,000 whatever `total` says, and every page names a next page. Styles A
        /// and D.
        case absurdPageCount
        /// Every page names itself as the next page (`nextUri` = `selfUri`, `nextPage` = `currentPage`,
        /// and a search claims one page more so it is followed). All four styles.
        case nextPointsAtSelf

        /// Answer with this status and an error body whose message and details echo the request's
        /// credentials: the `Authorization` header (the bearer token, or the Basic credential at the
        /// token endpoint) and the token request's form body (with the client secret). A hostile or
        /// careless gateway; use it to check that no token or secret reaches errors, logs or output.
        case echoCredentials(status: Int)
    }

    /// When a fault fires among the requests it matches.
    public enum Trigger: Sendable, Hashable {
        /// Every matching request.
        case always
        /// Each matching request independently with this probability (0…1), drawn from the org's
        /// seeded generator.
        case probability(Double)
        /// The matching requests with these 1-based numbers, counted from when the fault was added
        /// (`[3, 5]`: the 3rd and 5th matching request).
        case requests(Set<Int>)
        /// The next `n` matching requests after the fault was added.
        case next(Int)
    }

    /// Which requests a fault looks at. All given conditions must hold.
    public struct Match: Sendable, Hashable {
        /// Reads, writes, or both.
        public enum Kind: Sendable, Hashable {
            /// Any request.
            case any
            /// Only requests that do not change state (GET, and read-only POSTs such as user search).
            case reads
            /// Only requests that change state.
            case writes
        }

        /// The methods matched; `nil` matches every method.
        public var methods: Set<HTTPRequest.Method>?
        /// The path prefix matched, such as `/api/v2/routing/queues`; `nil` matches every API path.
        public var pathPrefix: String?
        /// Reads, writes or both.
        public var kind: Kind

        /// Creates a match.
        /// - Parameters:
        ///   - methods: The methods matched; `nil` for all.
        ///   - pathPrefix: The path prefix matched (without query string); `nil` for all API paths.
        ///   - kind: Reads, writes or both.
        public init(methods: Set<HTTPRequest.Method>? = nil, pathPrefix: String? = nil, kind: Kind = .any) {
            self.methods = methods
            self.pathPrefix = pathPrefix
            self.kind = kind
        }

        /// Every API request.
        public static let any = Match()
        /// Every API request that changes state.
        public static let writes = Match(kind: .writes)
        /// Every API request that does not change state.
        public static let reads = Match(kind: .reads)

        func matches(method: HTTPRequest.Method, path: String, isWrite: Bool) -> Bool {
            let isToken = !path.hasPrefix("/api/")
            if isToken && !(pathPrefix?.hasPrefix("/oauth") ?? false) { return false }
            if let methods, !methods.contains(method) { return false }
            if let pathPrefix, !path.hasPrefix(pathPrefix) { return false }
            switch kind {
            case .any: return true
            case .reads: return !isWrite
            case .writes: return isWrite
            }
        }
    }

    /// What happens.
    public var effect: Effect
    /// When it fires.
    public var trigger: Trigger
    /// Which requests it looks at.
    public var match: Match

    /// Creates a fault.
    /// - Parameters:
    ///   - effect: What happens.
    ///   - trigger: When it fires among the matching requests; every one by default.
    ///   - match: Which requests it looks at; every API request by default.
    public init(_ effect: Effect, when trigger: Trigger = .always, matching match: Match = .any) {
        self.effect = effect
        self.trigger = trigger
        self.match = match
    }

    /// A short description for the request log, such as `status 503` or `connectionLost(afterApplying)`.
    var logDescription: String {
        switch effect {
        case .status(let code): "status \(code)"
        case .throttle(let retryAfter): "throttle \(retryAfter)"
        case .connectFailed: "connectFailed"
        case .connectionLost(let applied): applied ? "connectionLost(afterApplying)" : "connectionLost(beforeApplying)"
        case .delay(let duration): "delay \(duration)"
        case .repeatedPage: "repeatedPage"
        case .loopingCursor: "loopingCursor"
        case .lyingTotals: "lyingTotals"
        case .absurdPageCount: "absurdPageCount"
        case .nextPointsAtSelf: "nextPointsAtSelf"
        case .echoCredentials(let status): "echoCredentials \(status)"
        }
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele/Lea/Flood 2014).
///
/// The fake org draws fault probabilities and generates ids with it, so runs are reproducible from a
/// seed. It is also handy to make a `StandardRetryPolicy` jitter deterministic in tests.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's state; the next output is a function of it.
    public var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijection on `UInt64`, so distinct inputs give distinct outputs.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed double in `0..<1` (53 random bits).
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// A GUID-shaped (`8-4-4-4-12` lowercase hex) string made from two 64-bit values.
func guidString(_ high: UInt64, _ low: UInt64) -> String {
    func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
    let a = hex(high >> 32, 8)
    let b = hex((high >> 16) & 0xFFFF, 4)
    let c = hex(high & 0xFFFF, 4)
    let d = hex(low >> 48, 4)
    let e = hex(low & 0xFFFF_FFFF_FFFF, 12)
    return "\(a)-\(b)-\(c)-\(d)-\(e)"
}

/// One installed fault and how many matching requests it has seen.
struct FaultSlot: Sendable {
    let id: Int
    let fault: FakeFault
    var seen = 0
    var fired = 0
}

/// What the fault layer decided for one request.
struct FaultDecision: Sendable {
    /// Extra sleep before handling.
    var delay: Duration = .zero
    /// The first firing non-delay fault, if any.
    var effect: FakeFault.Effect?
    /// Descriptions of the faults that fired, for the log.
    var descriptions: [String] = []
}

extension OrgEngine {
    /// Runs every installed fault over one arriving request (counting it and drawing probabilities in
    /// installation order) and returns the combined decision.
    mutating func decideFaults(method: HTTPRequest.Method, path: String, isWrite: Bool) -> FaultDecision {
        var decision = FaultDecision()
        for index in runtime.faults.indices {
            let fault = runtime.faults[index].fault
            guard fault.match.matches(method: method, path: path, isWrite: isWrite) else { continue }
            runtime.faults[index].seen += 1
            let number = runtime.faults[index].seen
            let fires: Bool
            switch fault.trigger {
            case .always: fires = true
            case .probability(let p): fires = runtime.rng.nextUnit() < p
            case .requests(let numbers): fires = numbers.contains(number)
            case .next(let n): fires = number <= n
            }
            guard fires else { continue }
            runtime.faults[index].fired += 1
            if case .delay(let duration) = fault.effect {
                decision.delay += duration
                decision.descriptions.append(fault.logDescription)
            } else if decision.effect == nil {
                decision.effect = fault.effect
                decision.descriptions.append(fault.logDescription)
            }
        }
        return decision
    }

    /// Checks the rate limit for `key` (a token, or a client in ``FakeGenesysOrg/RateLimitScope/perClient``
    /// mode): a sliding window on the org clock. Returns the `Retry-After` (whole seconds, at least 1)
    /// when the key is over its limit; otherwise records the request.
    mutating func checkRateLimit(key: String) -> Int? {
        guard let limit = configuration.rateLimit else { return nil }
        return Self.checkWindow(&runtime.rateWindows[key, default: []], limit: limit, now: now)
    }

    /// Records a request in `window` unless `limit` is reached; returns the wait (whole seconds, at
    /// least 1) when it is.
    static func checkWindow(_ window: inout [Duration], limit: RateLimit, now: Duration) -> Int? {
        window.removeAll { $0 <= now - limit.period }
        if window.count >= limit.requests, let oldest = window.first {
            return max(1, ceilSeconds(oldest + limit.period - now))
        }
        window.append(now)
        return nil
    }

    /// `duration` in whole seconds, rounded up.
    static func ceilSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
