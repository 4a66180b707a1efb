public import GenesysCore
public import HTTPTypes

/// One request the ``FakeGenesysOrg`` received, as recorded in its request log
/// (``FakeGenesysOrg/requests``).
public struct FakeOrgRequest: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path from `/api/v2/…` (or `/oauth/token`), percent-encoded as sent, without the query string.
    public var path: String
    /// The query items, percent-decoded, in order.
    public var query: [GenesysRequest.QueryItem]
    /// The status answered; `nil` when an injected fault dropped the connection.
    public var status: Int?
    /// Whether the request changes state. `POST /api/v2/users/search`, skill-expression validation and
    /// token requests are not writes.
    public var isWrite: Bool
    /// When the request arrived, as time since the org was created on its clock.
    public var timestamp: Duration
    /// The operation, named like `GenesysRouting` names it (`routing.createSkill`, `users.searchUsers`,
    /// `oauth.token`), or `unknown` for paths the org does not serve.
    public var operation: String
    /// The `ININ-Correlation-Id` the org gave the request.
    public var correlationID: String
    /// The injected faults that fired on the request, such as `status 503`, or `nil`.
    public var fault: String?
    /// The OAuth client the request was authenticated as (for token requests: the client that got a
    /// token), when known.
    public var clientID: String?

    /// Creates a log entry.
    public init(
        method: HTTPRequest.Method, path: String, query: [GenesysRequest.QueryItem] = [], status: Int?, isWrite: Bool,
        timestamp: Duration, operation: String, correlationID: String, fault: String? = nil, clientID: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.isWrite = isWrite
        self.timestamp = timestamp
        self.operation = operation
        self.correlationID = correlationID
        self.fault = fault
        self.clientID = clientID
    }

    /// The value of query parameter `name`, if present.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Whether the org answered with a 2xx status.
    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }

    /// `POST /api/v2/routing/skills → 200 (routing.createSkill)`.
    public var description: String {
        "\(method.rawValue) \(path) → \(status.map(String.init) ?? "dropped") (\(operation))\(fault.map { " [\($0)]" } ?? "")"
    }
}
