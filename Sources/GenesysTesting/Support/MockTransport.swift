public import Foundation
public import GenesysCore
public import HTTPTypes

/// An `HTTPTransport` driven by a closure, recording every exchange: for unit tests of the layers
/// above the transport (retry, auth, paging, request shapes).
///
/// ```swift
/// let transport = MockTransport { request, body in
///     .json(#"{"entities": []}"#)
/// }
/// ```
public struct MockTransport: HTTPTransport {
    /// One request the transport received.
    public struct Exchange: Sendable {
        /// The request head (including the `Authorization` header the client set).
        public var request: HTTPRequest
        /// The body, if any.
        public var body: Data?
        /// The options the client passed.
        public var operation: String

        /// The body decoded as a UTF-8 string.
        public var bodyText: String? { body.flatMap { String(data: $0, encoding: .utf8) } }
        /// The path without the query string.
        public var pathOnly: String { String((request.path ?? "").split(separator: "?", maxSplits: 1).first ?? "") }
        /// The query items, in order, percent-decoded.
        public var queryItems: [(name: String, value: String)] {
            guard let path = request.path, let q = path.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
            return q.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let decode = { (s: Substring) in String(s).removingPercentEncoding ?? String(s) }
                return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
            }
        }
        /// All values of query parameter `name`.
        public func query(_ name: String) -> [String] { queryItems.filter { $0.name == name }.map(\.value) }
    }

    private let handler: @Sendable (HTTPRequest, Data?) async throws -> TransportResponse
    private let log = LockedBox<[Exchange]>([])

    /// Creates a transport that answers with `handler`.
    public init(_ handler: @escaping @Sendable (_ request: HTTPRequest, _ body: Data?) async throws -> TransportResponse) {
        self.handler = handler
    }

    /// Creates a transport that plays `responses` in order and fails the test run loudly (a 599 response)
    /// when more requests arrive than scripted.
    public init(script responses: [TransportResponse]) {
        let queue = LockedBox(responses[...])
        self.init { _, _ in
            queue.withLock { queue in queue.popFirst() } ?? .json(#"{"message":"MockTransport: no scripted response left"}"#, status: 599)
        }
    }

    /// Records the exchange and answers with the handler.
    public func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        log.withLock { $0.append(Exchange(request: request, body: body, operation: options.operation)) }
        return try await handler(request, body)
    }

    /// Every request received so far, in order.
    public var exchanges: [Exchange] { log.withLock { $0 } }
}

extension TransportResponse {
    /// A JSON response with `status` (200 by default) and extra header fields.
    public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> TransportResponse {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return TransportResponse(head: HTTPResponse(status: .init(code: status), headerFields: fields), body: Data(text.utf8))
    }

    /// An empty response with `status`.
    public static func empty(status: Int = 204, headers: [String: String] = [:]) -> TransportResponse {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return TransportResponse(head: HTTPResponse(status: .init(code: status), headerFields: fields), body: Data())
    }
}
