#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import HTTPTypes
import RoutingModels

/// One API call, before authentication and retries: what the typed APIs hand to ``GenesysClient``.
public struct GenesysRequest: Sendable {
    /// A query parameter. Array parameters are sent as repeated keys (`?id=a&id=b`), the form Genesys
    /// declares for its list filters (§3.12).
    public struct QueryItem: Sendable, Hashable {
        /// Parameter name.
        public var name: String
        /// Parameter value (unescaped).
        public var value: String
        /// Creates a query item.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// HTTP method.
    public var method: HTTPRequest.Method
    /// Path below the API base URL, starting with `/api/v2/`, with path segments already escaped
    /// (use ``escapePathSegment(_:)`` for ids).
    public var path: String
    /// Query parameters, in order.
    public var query: [QueryItem]
    /// JSON body, if any.
    public var body: Data?
    /// Operation name for logs, metrics and errors, such as `routing.listSkills`.
    public var operation: String
    /// Whether repeating the request cannot change the outcome (drives retries of 5xx and lost
    /// connections). Defaults to `true` for GET, HEAD, PUT and DELETE.
    public var isIdempotent: Bool
    /// Whether the request changes server state (counted as a write). Defaults to `true` for every
    /// method but GET and HEAD; read-only POSTs such as a user search set it to `false`.
    public var isWrite: Bool

    /// Creates a request.
    public init(
        method: HTTPRequest.Method,
        path: String,
        query: [QueryItem] = [],
        body: Data? = nil,
        operation: String,
        isIdempotent: Bool? = nil,
        isWrite: Bool? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.operation = operation
        let safe: Set<HTTPRequest.Method> = [.get, .head, .put, .delete]
        self.isIdempotent = isIdempotent ?? safe.contains(method)
        self.isWrite = isWrite ?? !(method == .get || method == .head)
    }

    /// Creates a request whose body is `body` encoded as JSON with the Genesys encoder.
    /// - Throws: ``GenesysError`` with code ``GenesysError/Code/invalidRequest`` if encoding fails.
    public init(
        method: HTTPRequest.Method,
        path: String,
        query: [QueryItem] = [],
        json body: some Encodable,
        operation: String,
        isIdempotent: Bool? = nil,
        isWrite: Bool? = nil
    ) throws {
        let data: Data
        do {
            data = try GenesysJSON.makeEncoder().encode(body)
        } catch {
            throw GenesysError(code: .invalidRequest, operation: operation, message: "could not encode the request body", underlying: error)
        }
        self.init(method: method, path: path, query: query, body: data, operation: operation, isIdempotent: isIdempotent, isWrite: isWrite)
    }

    /// Percent-encodes one path segment (an id or a name) so it cannot change the path's structure.
    public static func escapePathSegment(_ segment: String) -> String {
        percentEncode(segment, keeping: unreserved)
    }

    /// The path and query string as sent: `path?name=value&…` with values percent-encoded. When `path`
    /// already has a query (a `nextUri` from a page), the items are appended to it with `&`.
    public var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        let encoded = query.map { "\(Self.percentEncode($0.name, keeping: Self.unreserved))=\(Self.percentEncode($0.value, keeping: Self.unreserved))" }
        let separator = !path.contains("?") ? "?" : path.hasSuffix("?") || path.hasSuffix("&") ? "" : "&"
        return path + separator + encoded.joined(separator: "&")
    }

    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    private static func percentEncode(_ string: String, keeping allowed: Set<UInt8>) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return out
    }
}

extension Array where Element == GenesysRequest.QueryItem {
    /// Appends `name=value` when `value` is not nil.
    public mutating func append(_ name: String, _ value: (some CustomStringConvertible)?) {
        if let value { append(.init(name, value.description)) }
    }

    /// Appends one `name=value` per element (repeated keys).
    public mutating func append(_ name: String, each values: [String]?) {
        for value in values ?? [] { append(.init(name, value)) }
    }
}

/// A buffered API response that passed the client's status checks.
public struct GenesysResponse: Sendable {
    /// Status and headers.
    public var head: HTTPResponse
    /// Body bytes.
    public var body: Data
    /// The `ININ-Correlation-Id` header, if present.
    public var correlationID: String? { head.headerFields[.correlationID] }

    /// Creates a response.
    public init(head: HTTPResponse, body: Data) {
        self.head = head
        self.body = body
    }
}

extension HTTPField.Name {
    /// `ININ-Correlation-Id`: the request's correlation id in Genesys responses.
    public static let correlationID = HTTPField.Name("ININ-Correlation-Id")!
    // `Retry-After` is `HTTPField.Name.retryAfter` from HTTPTypes itself; declaring it here again made
    // `.retryAfter` ambiguous in every module that imports both.
}
