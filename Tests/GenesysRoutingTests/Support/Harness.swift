import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import Logging
import Testing

/// How tests get a client. Resource tests take the transport from the harness, so the same tests can
/// later run against another `HTTPTransport` (the in-memory org) by swapping this factory.
enum TestClientFactory {
    static let apiBaseURL = URL(string: "https://api.mypurecloud.ie")!

    /// A client over `transport` with a static token, a no-jitter standard retry policy, no rate limiter
    /// and an auto-advancing manual clock (sleeps return at once and are recorded).
    static func makeClient(
        transport: any HTTPTransport,
        tokenProvider: any AccessTokenProvider = StaticTokenProvider(AccessToken(value: "test-token")),
        clock: ManualClock = ManualClock(mode: .autoAdvance),
        retryPolicy: any RetryPolicy = StandardRetryPolicy(jitter: .none)
    ) throws -> GenesysClient {
        try GenesysClient(
            configuration: .init(apiBaseURL: apiBaseURL),
            transport: transport,
            tokenProvider: tokenProvider,
            retryPolicy: retryPolicy,
            rateLimit: nil,
            clock: clock
        )
    }
}

/// A request as a mock route sees it.
struct MockRequest: Sendable {
    var method: HTTPRequest.Method
    /// The path without the query string, still percent-encoded.
    var path: String
    /// Query items, percent-decoded, in order.
    var query: [(name: String, value: String)]
    var body: Data?
    var authorization: String?

    init(_ request: HTTPRequest, body: Data?) {
        method = request.method
        let full = request.path ?? ""
        let parts = full.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        query = parts.count > 1 ? MockRequest.parseQuery(String(parts[1])) : []
        self.body = body
        authorization = request.headerFields[.authorization]
    }

    static func parseQuery(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).removingPercentEncoding ?? String(s) }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    /// All values of query parameter `name`.
    func query(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
    /// The single value of query parameter `name`.
    func param(_ name: String) -> String? { query(name).first }
    /// "METHOD /path".
    var route: String { "\(method.rawValue) \(path)" }
    /// The body as JSON.
    func json() throws -> JSONValue { try JSONValue(data: body ?? Data()) }
}

/// A `MockTransport` that answers by route ("GET /api/v2/routing/skills") and records requests.
struct Harness: Sendable {
    typealias Handler = @Sendable (MockRequest) throws -> TransportResponse

    let transport: MockTransport
    let clock: ManualClock
    let client: GenesysClient
    let routing: RoutingAPI

    /// Answers with `handler` for every request.
    init(
        tokenProvider: any AccessTokenProvider = StaticTokenProvider(AccessToken(value: "test-token")),
        clock: ManualClock = ManualClock(mode: .autoAdvance),
        _ handler: @escaping Handler
    ) throws {
        let transport = MockTransport { request, body in try handler(MockRequest(request, body: body)) }
        self.transport = transport
        self.clock = clock
        self.client = try TestClientFactory.makeClient(transport: transport, tokenProvider: tokenProvider, clock: clock)
        self.routing = RoutingAPI(client: client)
    }

    /// Answers by route; an unknown route gets a Genesys-style 404.
    init(clock: ManualClock = ManualClock(mode: .autoAdvance), routes: [String: Handler]) throws {
        try self.init(clock: clock) { request in
            guard let handler = routes[request.route] else {
                return .json(errorBody(status: 404, code: "not.found", message: "no mock route for \(request.route)"), status: 404)
            }
            return try handler(request)
        }
    }

    /// Forwards every request to `inner` (for example the in-memory Genesys org) and records it, so the
    /// same resource tests can run against a different server.
    init(
        forwardingTo inner: any HTTPTransport,
        tokenProvider: any AccessTokenProvider = StaticTokenProvider(AccessToken(value: "test-token")),
        clock: ManualClock = ManualClock(mode: .autoAdvance)
    ) throws {
        let transport = MockTransport { request, body in
            try await inner.send(request, body: body, options: TransportOptions(operation: "test", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        }
        self.transport = transport
        self.clock = clock
        self.client = try TestClientFactory.makeClient(transport: transport, tokenProvider: tokenProvider, clock: clock)
        self.routing = RoutingAPI(client: client)
    }

    /// The requests sent so far.
    var requests: [MockRequest] { transport.exchanges.map { MockRequest($0.request, body: $0.body) } }
    /// "METHOD /path" of every request sent so far.
    var routes: [String] { requests.map(\.route) }
}

/// A Genesys `ErrorBody` as JSON.
func errorBody(status: Int, code: String, message: String, contextId: String = "ctx-1") -> String {
    #"{"message":"\#(message)","code":"\#(code)","status":\#(status),"contextId":"\#(contextId)","details":[],"errors":[]}"#
}

/// A style-A page as JSON.
func pageJSON(
    _ entities: [String], pageNumber: Int? = nil, pageCount: Int? = nil, total: Int? = nil, nextUri: String? = nil
) -> String {
    var fields = [#""entities":[\#(entities.joined(separator: ","))]"#]
    if let pageNumber { fields.append(#""pageNumber":\#(pageNumber)"#) }
    if let pageCount { fields.append(#""pageCount":\#(pageCount)"#) }
    if let total { fields.append(#""total":\#(total)"#) }
    if let nextUri { fields.append(#""nextUri":"\#(nextUri)""#) }
    return "{" + fields.joined(separator: ",") + "}"
}

/// `{"id":…,"name":…}` plus extra raw fields.
func entity(_ id: String, _ name: String? = nil, _ extra: String = "") -> String {
    var fields = [#""id":"\#(id)""#]
    if let name { fields.append(#""name":"\#(name)""#) }
    if !extra.isEmpty { fields.append(extra) }
    return "{" + fields.joined(separator: ",") + "}"
}

/// Any JSON value, compared structurally (object key order and number spelling do not matter).
enum JSONValue: Equatable, Decodable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    init(data: Data) throws { self = try JSONDecoder().decode(JSONValue.self, from: data) }
    init(_ text: String) throws { try self.init(data: Data(text.utf8)) }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let n): "\(n)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o): "{" + o.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    /// The elements of an array (empty otherwise).
    var arrayCount: Int { if case .array(let a) = self { a.count } else { 0 } }
}

/// Runs `body` and returns the ``GenesysError`` it throws (failing the test if it throws none).
func genesysError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> GenesysError? {
    do {
        try await body()
        Issue.record("expected a GenesysError, got success", sourceLocation: sourceLocation)
    } catch let error as GenesysError {
        return error
    } catch {
        Issue.record("expected a GenesysError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
