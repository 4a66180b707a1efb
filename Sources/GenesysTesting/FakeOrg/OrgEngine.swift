import Foundation
import GenesysCore
import HTTPTypes
import RoutingModels

/// The fake org's state and behaviour. Every method runs under the org's lock, with ``now`` set to the
/// org clock's time for the request being handled.
struct OrgEngine {
    /// An access token the org issued.
    struct IssuedToken {
        var clientID: String
        var expiresAt: Duration
        var requests = 0
        var revoked = false
    }

    /// A skill group whose membership is being "computed": until `until`, reads show `InProgress` and
    /// the membership from before the change.
    struct PendingEvaluation {
        var until: Duration
        var previousMembers: [String]
    }

    /// Behaviour in flight that is not part of ``FakeOrgState``.
    struct Runtime {
        var tokens: [String: IssuedToken] = [:]
        var tokenCounter: UInt64 = 0
        var requestCounter: UInt64 = 0
        /// Objects created through the API: invisible to listings and searches until this time.
        var indexedAt: [String: Duration] = [:]
        /// Soft-deleted skills and languages: still listed (with `state: deleted`) until this time.
        var deindexedAt: [String: Duration] = [:]
        var pendingGroups: [String: PendingEvaluation] = [:]
        var rateWindows: [String: [Duration]] = [:]
        /// Token requests per OAuth client, for ``FakeGenesysOrg/Configuration/tokenIssuanceLimit``.
        var issuanceWindows: [String: [Duration]] = [:]
        /// Draws latency jitter; separate from ``rng`` so enabling jitter leaves fault draws unchanged.
        var jitterRNG = SplitMix64(seed: 0)
        var faults: [FaultSlot] = []
        var nextFaultID = 1
        var rng: SplitMix64
        var log: [FakeOrgRequest] = []
    }

    var state: FakeOrgState
    /// Values computed from ``state`` (skill-group memberships, users by name), filled on first use and
    /// used while the arrays they came from are unchanged.
    let derived = DerivedState()
    /// Positions of users, skills, languages, skill groups and queues by id; checked on every use, so
    /// they survive changes to ``state``.
    let lookups = OrgLookups()
    var configuration: FakeGenesysOrg.Configuration
    var runtime: Runtime
    /// The org clock's time for the current operation.
    var now: Duration = .zero
    /// True while the Swift seeding API runs handlers: created objects are indexed at once.
    var seeding = false

    init(state: FakeOrgState, configuration: FakeGenesysOrg.Configuration) {
        self.state = state
        self.configuration = configuration
        self.runtime = Runtime(rng: SplitMix64(seed: configuration.faultSeed))
        self.runtime.jitterRNG = SplitMix64(seed: configuration.faultSeed ^ 0x717E_4A7E)
    }

    static let router = Router(routes: OrgEngine.routes)

    /// Replaces the whole state (``FakeGenesysOrg/restore(_:)``).
    mutating func replaceState(_ newState: FakeOrgState) {
        state = newState
        lookups.reset()
    }

    // MARK: - Request pipeline

    /// What was decided when a request arrived.
    struct Arrival {
        var request: FakeHTTPRequest
        var correlationID: String
        var timestamp: Duration
        var operation: String
        var isWrite: Bool
        /// The route the request matched (`nil` for the token endpoint), so it is matched only once.
        var match: Router.Match?
        var decision: FaultDecision
    }

    /// How a request ends: a response, or a transport failure thrown to the client.
    enum Outcome {
        case response(TransportResponse)
        case failure(TransportError)
    }

    /// Registers an arriving request: assigns its correlation id and runs the fault layer.
    mutating func arrive(_ request: FakeHTTPRequest) -> Arrival {
        runtime.requestCounter += 1
        let n = runtime.requestCounter
        let correlation = guidString(
            SplitMix64.mix(0xC022_E1A7_1011 &+ configuration.faultSeed &+ n &* 2),
            SplitMix64.mix(0xC022_E1A7_1011 &+ configuration.faultSeed &+ n &* 2 &+ 1)
        )
        let operation: String
        let isWrite: Bool
        let match = request.path == "/oauth/token" ? nil : Self.router.match(method: request.method, segments: request.segments)
        switch match {
        case nil:
            operation = "oauth.token"
            isWrite = false
        case .found(let route, _)?:
            operation = route.operation
            isWrite = route.isWrite
        default:
            operation = "unknown"
            isWrite = !(request.method == .get || request.method == .head)
        }
        var decision = decideFaults(method: request.method, path: request.path, isWrite: isWrite)
        decision.delay += configuration.latency
        if configuration.latencyJitter > .zero {
            decision.delay += configuration.latencyJitter * runtime.jitterRNG.nextUnit()
        }
        return Arrival(
            request: request, correlationID: correlation, timestamp: now, operation: operation,
            isWrite: isWrite, match: match, decision: decision
        )
    }

    /// Handles an arrived request after its latency and records it in the log.
    mutating func complete(_ arrival: Arrival) -> Outcome {
        var entry = FakeOrgRequest(
            method: arrival.request.method, path: arrival.request.path, query: arrival.request.query, status: nil,
            isWrite: arrival.isWrite, timestamp: arrival.timestamp, operation: arrival.operation,
            correlationID: arrival.correlationID,
            fault: arrival.decision.descriptions.isEmpty ? nil : arrival.decision.descriptions.joined(separator: ", "),
            clientID: nil
        )
        defer { runtime.log.append(entry) }

        var applyThenDrop = false
        switch arrival.decision.effect {
        case .connectFailed?:
            return .failure(TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false))
        case .connectionLost(afterApplying: false)?:
            return .failure(TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true))
        case .connectionLost(afterApplying: true)?:
            applyThenDrop = true
        case .status(let code)?:
            let error = Self.injectedError(status: code)
            entry.status = code
            return .response(render(error: error, correlationID: arrival.correlationID))
        case .throttle(let retryAfter)?:
            let error = Self.throttled(retryAfterSeconds: max(1, Self.ceilSeconds(retryAfter)))
            entry.status = 429
            return .response(render(error: error, correlationID: arrival.correlationID))
        case .echoCredentials(let status)?:
            entry.status = status
            return .response(echoingCredentials(arrival.request, status: status, correlationID: arrival.correlationID))
        case .delay?, .repeatedPage?, .loopingCursor?, .lyingTotals?, .absurdPageCount?, .nextPointsAtSelf?, nil:
            break
        }

        var response: TransportResponse
        let request = arrival.decision.effect.map { ListingFaults.handled(arrival.request, effect: $0) } ?? arrival.request
        if arrival.request.path == "/oauth/token" {
            let (answer, clientID) = handleTokenRequest(arrival.request)
            entry.clientID = clientID
            response = render(answer, correlationID: arrival.correlationID)
        } else {
            do {
                entry.clientID = try authenticate(arrival.request)
                // Route first, then render: `render(try route(…))` would read `self` for `render` before
                // `route` runs, and that copy would make every write copy the state's arrays.
                let answer = try route(request, matched: arrival.match)
                response = render(answer, correlationID: arrival.correlationID)
                if let effect = arrival.decision.effect, ListingFaults.isListingFault(effect) {
                    response = ListingFaults.rewrite(response, effect: effect, request: arrival.request)
                }
            } catch let error as APIError {
                response = render(error: error, correlationID: arrival.correlationID)
            } catch {
                response = render(
                    error: APIError(status: 500, code: "internal.server.error", message: "The fake org failed: \(error)"),
                    correlationID: arrival.correlationID
                )
            }
        }
        if applyThenDrop {
            return .failure(TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true))
        }
        entry.status = Int(response.head.status.code)
        return .response(response)
    }

    /// The answer of ``FakeFault/Effect/echoCredentials(status:)``: an error body that quotes the
    /// request's `Authorization` header and form body, as a careless gateway would.
    func echoingCredentials(_ request: FakeHTTPRequest, status: Int, correlationID: String) -> TransportResponse {
        let authorization = request.headers[.authorization] ?? ""
        let form = request.body.flatMap { String(data: $0, encoding: .utf8) } ?? ""
        let echo = "Authorization: \(authorization); body: \(form)"
        if request.path == "/oauth/token" {
            let body = ["error": "invalid_request", "description": "Gateway rejected \(echo)", "error_description": echo]
            let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
            return render(FakeResponse(status: status, body: data), correlationID: correlationID)
        }
        let error = APIError(
            status: status, code: "gateway.rejected", message: "Gateway rejected the request. \(echo)",
            details: [ErrorDetail(errorCode: "echo", fieldName: "Authorization", entityId: authorization, entityName: echo)],
            entityName: echo)
        return render(error: error, correlationID: correlationID)
    }

    /// Checks the bearer token, the token's request budget and the rate limit; returns the client id.
    mutating func authenticate(_ request: FakeHTTPRequest) throws -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(status: 401, code: "bad.credentials", message: "Invalid login credentials.")
        }
        let value = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard var token = runtime.tokens[value] else {
            throw APIError(status: 401, code: "bad.credentials", message: "Invalid login credentials.")
        }
        if token.revoked || now >= token.expiresAt {
            throw APIError(
                status: 401, code: "authentication.required",
                message: "Authentication required: the access token has \(token.revoked ? "been revoked" : "expired")"
            )
        }
        token.requests += 1
        if let limit = configuration.tokenRequestLimit, token.requests > limit {
            token.revoked = true
            runtime.tokens[value] = token
            throw APIError(status: 401, code: "authentication.required", message: "Authentication required: the access token has been revoked")
        }
        runtime.tokens[value] = token
        if let retryAfter = checkRateLimit(key: configuration.rateLimitScope == .perClient ? "client:" + token.clientID : value) {
            throw Self.throttled(retryAfterSeconds: retryAfter, limit: configuration.rateLimit?.requests)
        }
        return token.clientID
    }

    /// Runs the handler of the route the request matches (`match`, when it was already looked up).
    mutating func route(_ request: FakeHTTPRequest, matched match: Router.Match? = nil) throws -> FakeResponse {
        switch match ?? Self.router.match(method: request.method, segments: request.segments) {
        case .found(let route, let params):
            var request = request
            request.params = params
            return try route.handler(&self, request)
        case .methodNotAllowed:
            throw APIError(status: 405, code: "method.not.allowed", message: "\(request.method.rawValue) is not allowed on \(request.path)")
        case .notFound:
            throw APIError(status: 404, code: "not.found", message: "No resource at \(request.path)")
        }
    }

    /// Runs a handler for the Swift seeding API: no authentication, faults, log or index lag.
    mutating func call(_ method: HTTPRequest.Method, _ path: String, body: Data? = nil) throws -> FakeResponse {
        let request = FakeHTTPRequest(method: method, target: path, headers: HTTPFields(), body: body)
        let wasSeeding = seeding
        seeding = true
        defer { seeding = wasSeeding }
        let response = try route(request)
        return response
    }

    // MARK: - Rendering

    func render(_ response: FakeResponse, correlationID: String) -> TransportResponse {
        var fields = HTTPFields()
        if !response.body.isEmpty { fields[.contentType] = "application/json" }
        fields[.correlationID] = correlationID
        for (name, value) in response.headers { fields[name] = value }
        return TransportResponse(head: HTTPResponse(status: .init(code: response.status), headerFields: fields), body: response.body)
    }

    func render(error: APIError, correlationID: String) -> TransportResponse {
        var response = FakeResponse.json(error.body(contextID: correlationID), status: error.status)
        response.headers = error.headers
        return render(response, correlationID: correlationID)
    }

    /// The error an injected status fault answers with.
    static func injectedError(status: Int) -> APIError {
        switch status {
        case 429: return throttled(retryAfterSeconds: 1)
        case 500: return APIError(status: 500, code: "internal.server.error", message: "The server encountered an unexpected error (injected fault)")
        case 502: return APIError(status: 502, code: "bad.gateway", message: "Bad gateway (injected fault)")
        case 503: return APIError(status: 503, code: "service.unavailable", message: "The service is currently unavailable (injected fault)")
        case 504: return APIError(status: 504, code: "request.timeout", message: "The request timed out (injected fault)")
        default: return APIError(status: status, code: "injected.fault", message: "Injected fault \(status)")
        }
    }

    /// The normalised 429 of §3.9: `Retry-After` header and `too.many.requests.retry.after` body.
    static func throttled(retryAfterSeconds: Int, limit: Int? = nil) -> APIError {
        APIError(
            status: 429, code: "too.many.requests.retry.after",
            message: "Rate limit exceeded the maximum\(limit.map { " of \($0) requests per minute" } ?? ""). Retry the request in [\(retryAfterSeconds)] seconds",
            headers: [(.retryAfter, "\(retryAfterSeconds)")]
        )
    }

    // MARK: - Shared helpers

    /// The wall-clock date the org reports for "now": the configured start date plus the org clock's
    /// time, rounded to milliseconds (the wire precision).
    func currentDate() -> Date {
        let milliseconds = (Double(now.components.seconds) * 1000 + Double(now.components.attoseconds) / 1e15).rounded()
        let base = (configuration.startDate.timeIntervalSince1970 * 1000).rounded()
        return Date(timeIntervalSince1970: (base + milliseconds) / 1000)
    }

    /// Marks an object created through the API: listings and searches miss it for the index lag.
    mutating func markCreated(_ id: String) {
        guard !seeding, configuration.indexLag > .zero else { return }
        runtime.indexedAt[id] = now + configuration.indexLag
    }

    /// Whether listings and searches show an object that exists.
    func isIndexed(_ id: String?) -> Bool {
        guard let id, let at = runtime.indexedAt[id] else { return true }
        return at <= now
    }

    /// Whether listings still show a soft-deleted object (the index has not caught up with the delete).
    func isStillListedAfterDelete(_ id: String?) -> Bool {
        guard let id, let at = runtime.deindexedAt[id] else { return false }
        return at > now
    }

    /// Marks a soft delete: listings keep showing the object (with `state: deleted`) for the index lag.
    mutating func markDeleted(_ id: String) {
        guard !seeding, configuration.indexLag > .zero else { return }
        runtime.deindexedAt[id] = now + configuration.indexLag
    }

    /// `{id, name, selfUri}` for a division id.
    func divisionRef(_ id: String?) -> Division? {
        guard let id else { return nil }
        let division = state.divisions.first { $0.id == id }
        return Division(id: id, name: division?.name, selfUri: "/api/v2/authorization/divisions/\(id)")
    }

    /// The division id to use for a write: the given one (which must exist) or the home division.
    func resolveDivision(_ id: String?, field: String) throws -> String {
        guard let id, !id.isEmpty else { return state.homeDivisionID }
        guard state.divisions.contains(where: { $0.id == id }) else {
            throw APIError.invalidValue(field: field, "The division \(id) does not exist", entityId: id)
        }
        return id
    }

    /// A required, non-blank name, trimmed of surrounding whitespace.
    static func requireName(_ name: String?, field: String = "name") throws -> String {
        guard let name, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.required(field)
        }
        return name
    }
}

/// Name filters of the list endpoints.
enum NameFilter {
    /// Case-insensitive prefix match; a trailing `*` is allowed and ignored. `nil` or empty matches all.
    static func prefix(_ name: String?, _ filter: String?) -> Bool {
        guard var filter, !filter.isEmpty else { return true }
        while filter.hasSuffix("*") { filter.removeLast() }
        guard let name else { return false }
        return name.lowercased().hasPrefix(filter.lowercased())
    }

    /// The queue-name match: `*` at the start and/or end is a wildcard, otherwise the whole name must
    /// match; case-insensitive.
    static func wildcard(_ name: String?, _ filter: String?) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        guard let name else { return false }
        var pattern = filter.lowercased()
        let candidate = name.lowercased()
        let leading = pattern.hasPrefix("*")
        let trailing = pattern.count > 1 && pattern.hasSuffix("*")
        if leading { pattern.removeFirst() }
        if trailing { pattern.removeLast() }
        if pattern.isEmpty { return true }
        switch (leading, trailing) {
        case (true, true): return candidate.contains(pattern)
        case (true, false): return candidate.hasSuffix(pattern)
        case (false, true): return candidate.hasPrefix(pattern)
        case (false, false): return candidate == pattern
        }
    }

    /// Case-insensitive ordering by name, then by id, for stable listings.
    static func ordered(_ lhs: (name: String?, id: String?), _ rhs: (name: String?, id: String?)) -> Bool {
        let l = (lhs.name ?? "").lowercased(), r = (rhs.name ?? "").lowercased()
        if l != r { return l < r }
        if (lhs.name ?? "") != (rhs.name ?? "") { return (lhs.name ?? "") < (rhs.name ?? "") }
        return (lhs.id ?? "") < (rhs.id ?? "")
    }
}
