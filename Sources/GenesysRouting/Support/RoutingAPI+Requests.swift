#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GenesysCore
import HTTPTypes
import Logging

/// Paths and request plumbing shared by every area.
extension RoutingAPI {
    typealias Query = [GenesysRequest.QueryItem]

    /// The operation name of the calling method, `routing.<method base name>`, used in logs, errors, metrics
    /// and spans. Derived from `#function`, so a method and the name it reports cannot drift apart:
    /// `findSkills(named:logger:)` reports `routing.findSkills`, `findSkill(named:logger:)` `routing.findSkill`.
    static func operation(_ function: String = #function) -> String {
        "routing." + function.prefix { $0 != "(" }
    }

    /// `GenesysRequest.escapePathSegment`, short.
    static func segment(_ value: String) -> String { GenesysRequest.escapePathSegment(value) }

    /// Sends a request without a body and decodes the response.
    func call<Response: Decodable>(
        _ method: HTTPRequest.Method, _ path: String, query: Query = [], operation: String,
        isIdempotent: Bool? = nil, isWrite: Bool? = nil, as type: Response.Type, logger: Logger?
    ) async throws -> Response {
        let request = GenesysRequest(
            method: method, path: path, query: query, operation: operation, isIdempotent: isIdempotent, isWrite: isWrite
        )
        return try await client.send(request, as: type, logger: logger)
    }

    /// Sends a request with a JSON body and decodes the response.
    func call<Response: Decodable>(
        _ method: HTTPRequest.Method, _ path: String, query: Query = [], json body: some Encodable, operation: String,
        isIdempotent: Bool? = nil, isWrite: Bool? = nil, as type: Response.Type, logger: Logger?
    ) async throws -> Response {
        let request = try GenesysRequest(
            method: method, path: path, query: query, json: body, operation: operation, isIdempotent: isIdempotent,
            isWrite: isWrite
        )
        return try await client.send(request, as: type, logger: logger)
    }

    /// Sends a request without a body and ignores the (2xx) response body.
    func callIgnoringBody(
        _ method: HTTPRequest.Method, _ path: String, query: Query = [], operation: String, logger: Logger?
    ) async throws {
        let request = GenesysRequest(method: method, path: path, query: query, operation: operation)
        _ = try await client.send(request, logger: logger)
    }

    /// Sends a request with a JSON body and ignores the (2xx) response body.
    func callIgnoringBody(
        _ method: HTTPRequest.Method, _ path: String, query: Query = [], json body: some Encodable, operation: String,
        isIdempotent: Bool? = nil, logger: Logger?
    ) async throws {
        let request = try GenesysRequest(
            method: method, path: path, query: query, json: body, operation: operation, isIdempotent: isIdempotent
        )
        _ = try await client.send(request, logger: logger)
    }
}
