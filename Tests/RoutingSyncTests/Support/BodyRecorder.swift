import Foundation
import GenesysRouting
import RoutingModels
import GenesysCore
import GenesysTesting
import HTTPTypes
@testable import RoutingSync

/// Passes requests to a ``FakeGenesysOrg`` and keeps every request body (the org's own log has none).
final class BodyRecorder: HTTPTransport, @unchecked Sendable {
    struct Sent: Sendable {
        var method: String
        /// The path without the query string.
        var path: String
        var body: Data
    }

    let org: FakeGenesysOrg
    private let lock = NSLock()
    private var sent: [Sent] = []

    init(org: FakeGenesysOrg) { self.org = org }

    /// The API requests that carried a body, in order.
    var bodies: [Sent] { lock.withLock { sent } }

    func reset() { lock.withLock { sent.removeAll() } }

    func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        let path = String((request.path ?? "").split(separator: "?", maxSplits: 1).first ?? "")
        if let body, path.hasPrefix("/api/") {
            lock.withLock { sent.append(Sent(method: request.method.rawValue, path: path, body: body)) }
        }
        return try await org.send(request, body: body, options: options)
    }

    /// A sync over a client whose requests go through this recorder.
    func makeSync() throws -> RoutingSync {
        let region = try GenesysRegion.custom(apiURL: FakeGenesysOrg.baseURL)
        let provider = ClientCredentialsTokenProvider(
            credentials: ClientCredentials(clientID: FakeGenesysOrg.defaultClientID, clientSecret: FakeGenesysOrg.defaultClientSecret),
            region: region, transport: org, clock: org.clock, throttleRetry: .none
        )
        let client = try GenesysClient(
            configuration: GenesysClient.Configuration(apiBaseURL: FakeGenesysOrg.baseURL),
            transport: self, tokenProvider: provider, retryPolicy: StandardRetryPolicy(jitter: .none), rateLimit: nil,
            clock: org.clock
        )
        return RoutingSync(client: client)
    }
}

/// `Fixtures/read-only-fields.json`: per operation of the API, the request-body paths the spec marks
/// read-only (derived from Genesys' OpenAPI document by `Fixtures/read-only-fields.py`).
struct ReadOnlyFields: Decodable {
    struct Operation: Decodable {
        var method: String
        var path: String
        var readOnly: [String]
    }

    struct ReferenceIDs: Decodable {
        var why: String
        var paths: [String]
    }

    var operations: [String: Operation]
    var referenceIDs: ReferenceIDs

    static func load() throws -> ReadOnlyFields {
        try JSONDecoder().decode(ReadOnlyFields.self, from: Data(contentsOf: Fixtures.url("read-only-fields.json")))
    }

    /// The operation a request is (`putRoutingQueue`), by method and path template.
    func operation(method: String, path: String) -> (name: String, operation: Operation)? {
        let segments = path.split(separator: "/")
        for (name, operation) in operations where operation.method == method {
            let template = operation.path.split(separator: "/")
            guard template.count == segments.count else { continue }
            if zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return (name, operation) }
        }
        return nil
    }

    /// Every field path in a JSON body: `a.b`, `[]` for array items, map keys as they are.
    static func paths(in json: Any, prefix: String = "") -> [String] {
        if let object = json as? [String: Any] {
            return object.flatMap { key, value in
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                return [path] + paths(in: value, prefix: path)
            }
        }
        if let array = json as? [Any] {
            return array.flatMap { paths(in: $0, prefix: "\(prefix)[]") }
        }
        return []
    }

    /// Whether a body path is a read-only field of the operation (`{}` in the list matches any map key).
    func isReadOnly(_ path: String, in operation: Operation) -> Bool {
        let matches = { (pattern: String) -> Bool in
            let regex = "^" + NSRegularExpression.escapedPattern(for: pattern)
                .replacingOccurrences(of: "\\{\\}", with: "\\.[^.\\[]+") + "$"
            return path.range(of: regex, options: .regularExpression) != nil
        }
        return operation.readOnly.contains(where: matches) && !referenceIDs.paths.contains(where: matches)
    }

    /// `METHOD path: field` for every read-only field the bodies carry.
    func violations(in bodies: [BodyRecorder.Sent]) throws -> [String] {
        var found: [String] = []
        for sent in bodies {
            guard let (name, operation) = operation(method: sent.method, path: sent.path) else {
                found.append("\(sent.method) \(sent.path): not an operation of the spec")
                continue
            }
            let json = try JSONSerialization.jsonObject(with: sent.body, options: [.fragmentsAllowed])
            for path in Set(Self.paths(in: json)).sorted() where isReadOnly(path, in: operation) {
                found.append("\(name): \(path)")
            }
        }
        return found
    }
}
