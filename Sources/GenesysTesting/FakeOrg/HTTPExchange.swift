import Foundation
package import GenesysCore
import HTTPTypes
import RoutingModels

/// One request as the fake org's handlers see it.
struct FakeHTTPRequest {
    var method: HTTPRequest.Method
    /// The path from `/api/v2/…` (or `/oauth/token`), still percent-encoded, without the query string.
    var path: String
    /// The path segments, percent-decoded.
    var segments: [String]
    /// The query items, percent-decoded (`+` read as a space), in order.
    var query: [GenesysRequest.QueryItem]
    var headers: HTTPFields
    var body: Data?
    /// Values of the route's `{placeholders}`, percent-decoded.
    var params: [String: String] = [:]

    init(method: HTTPRequest.Method, target: String, headers: HTTPFields, body: Data?) {
        self.method = method
        self.headers = headers
        self.body = body
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = parts.first.map(String.init) ?? "/"
        // The org ignores scheme and host, and any gateway prefix before the API or token path.
        if let range = path.range(of: "/api/v2/") ?? (path.hasSuffix("/api/v2") ? path.range(of: "/api/v2") : nil) {
            path = String(path[range.lowerBound...])
        } else if path.hasSuffix("/oauth/token") {
            path = "/oauth/token"
        }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
        self.segments = path.split(separator: "/").map { Self.decode(String($0), plusAsSpace: false) }
        self.query = parts.count > 1 ? Self.parseForm(String(parts[1])) : []
    }

    /// Parses `a=1&b=2` (query strings and form bodies).
    static func parseForm(_ text: String) -> [GenesysRequest.QueryItem] {
        text.split(separator: "&").compactMap { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = kv.first, !name.isEmpty else { return nil }
            return GenesysRequest.QueryItem(
                decode(String(name), plusAsSpace: true), kv.count > 1 ? decode(String(kv[1]), plusAsSpace: true) : ""
            )
        }
    }

    static func decode(_ text: String, plusAsSpace: Bool) -> String {
        let spaced = plusAsSpace ? text.replacingOccurrences(of: "+", with: " ") : text
        return spaced.removingPercentEncoding ?? spaced
    }

    // MARK: - Query access

    /// The first value of `name`.
    func value(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Every value of `name`, accepting both repeated keys and comma lists (§3.12); empty ones dropped.
    func values(_ name: String) -> [String] {
        query.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// An integer query parameter.
    func int(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw APIError.invalidValue(field: name, "The query parameter \(name) must be an integer, got \"\(text)\"")
        }
        return number
    }

    /// A boolean query parameter (`true`/`false`, any case).
    func bool(_ name: String) throws -> Bool? {
        guard let text = value(name) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw APIError.invalidValue(field: name, "The query parameter \(name) must be true or false, got \"\(text)\"")
        }
    }

    /// A query parameter restricted to `allowed` values (compared case-insensitively); returns the
    /// allowed spelling.
    func oneOf(_ name: String, _ allowed: [String], default defaultValue: String? = nil) throws -> String? {
        guard let text = value(name) else { return defaultValue }
        guard let match = allowed.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw APIError.invalidValue(
                field: name, "The query parameter \(name) must be one of \(allowed.joined(separator: ", ")), got \"\(text)\""
            )
        }
        return match
    }

    /// `sortOrder` as the skill, language and wrap-up code lists take it (`ascending`/`descending` or
    /// `ASC`/`DESC`, any case): whether it asks for descending order (ascending by default).
    func isDescending() throws -> Bool {
        try oneOf("sortOrder", ["ascending", "descending", "ASC", "DESC"]).map { $0.lowercased().hasPrefix("desc") } ?? false
    }

    /// A path parameter.
    func param(_ name: String) -> String { params[name] ?? "" }

    // MARK: - Body

    /// Decodes the JSON body; a missing or malformed body is a 400 naming the offending field.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let body, !body.isEmpty else {
            throw APIError(status: 400, code: "bad.request", message: "The request body is required")
        }
        do {
            return try GenesysJSON.makeDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            let field = Self.fieldName(of: error)
            let isJSON = (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil
            let reason = field.map { ": invalid value for \($0)" } ?? (isJSON ? ": a value has the wrong type" : ": not valid JSON")
            throw APIError(
                status: 400, code: "bad.request",
                message: "Unable to parse the request body" + reason,
                details: [ErrorDetail(errorCode: "bad.request", fieldName: field)]
            )
        } catch {
            throw APIError(status: 400, code: "bad.request", message: "Unable to parse the request body")
        }
    }

    /// Decodes the JSON body when there is one.
    func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        guard let body, !body.isEmpty else { return nil }
        return try decode(type)
    }

    /// The dotted field path a decoding error points at, such as `skillConditions[0].operation`.
    static func fieldName(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: return nil
        }
        guard !path.isEmpty else { return nil }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }
}

/// A handler's answer.
struct FakeResponse {
    var status: Int
    var body: Data
    var headers: [(HTTPField.Name, String)] = []

    /// A JSON response encoded with the Genesys encoder.
    static func json(_ value: some Encodable, status: Int = 200) -> FakeResponse {
        // Encoding the SDK's own wire models cannot fail (no non-finite numbers are ever stored).
        let data = (try? GenesysJSON.makeEncoder().encode(value)) ?? Data("{}".utf8)
        return FakeResponse(status: status, body: data)
    }

    /// A response without a body (204 by default; 202 for accepted single-member updates).
    static func empty(status: Int = 204) -> FakeResponse {
        FakeResponse(status: status, body: Data())
    }
}

/// A Genesys error answer (`ErrorBody`, §3.7) thrown by handlers.
struct APIError: Error {
    var status: Int
    var code: String
    var message: String
    var details: [ErrorDetail] = []
    var entityId: String? = nil
    var entityName: String? = nil
    var headers: [(HTTPField.Name, String)] = []

    /// The error body, with the request's correlation id as `contextId`.
    func body(contextID: String) -> ErrorBody {
        ErrorBody(
            message: message, code: code, status: status, entityId: entityId, entityName: entityName,
            contextId: contextID, details: details, errors: []
        )
    }

    /// 404 `not.found`.
    static func notFound(_ kind: String, id: String) -> APIError {
        APIError(status: 404, code: "not.found", message: "The \(kind) \(id) was not found", entityId: id)
    }

    /// 400 `invalid.value` naming the field.
    static func invalidValue(field: String, _ message: String, entityId: String? = nil, entityName: String? = nil) -> APIError {
        APIError(
            status: 400, code: "invalid.value", message: message,
            details: [ErrorDetail(errorCode: "invalid.value", fieldName: field, entityId: entityId, entityName: entityName)],
            entityId: entityId, entityName: entityName
        )
    }

    /// 400 `bad.request`, optionally naming the field.
    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(
            status: 400, code: "bad.request", message: message,
            details: field.map { [ErrorDetail(errorCode: "bad.request", fieldName: $0)] } ?? []
        )
    }

    /// 400 `invalid.value` for a required field that is missing or blank.
    static func required(_ field: String) -> APIError {
        invalidValue(field: field, "The field \(field) is required")
    }

    /// 409 `conflict`: an object with this exact name already exists (the fake's choice, see
    /// ``FakeGenesysOrg``).
    static func duplicateName(_ kind: String, name: String, existingID: String?) -> APIError {
        APIError(
            status: 409, code: "conflict", message: "A \(kind) named \"\(name)\" already exists",
            details: [ErrorDetail(errorCode: "conflict", fieldName: "name", entityId: existingID, entityName: name)],
            entityId: existingID, entityName: name
        )
    }

    /// 400 `invalid.value` for a list body over the per-call limit.
    static func tooMany(_ count: Int, limit: Int, what: String) -> APIError {
        APIError(
            status: 400, code: "invalid.value",
            message: "At most \(limit) \(what) may be sent per request, got \(count)",
            details: [ErrorDetail(errorCode: "invalid.value", fieldName: "body")]
        )
    }
}

/// Percent-encoding of URI components, as the SDK sends them (`GenesysRequest`): the unreserved set of
/// RFC 3986 kept. Package access: the test server renders the org's logged queries with it too.
package enum URIEncoding {
    /// One path segment, query name or query value.
    package static func encode(_ text: String) -> String {
        GenesysRequest.escapePathSegment(text)
    }

    /// `name=value&…`, each part encoded.
    package static func query(_ items: [GenesysRequest.QueryItem]) -> String {
        items.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
    }

    /// `path?name=value&…`, or just `path` without items.
    static func link(_ path: String, _ items: [GenesysRequest.QueryItem]) -> String {
        items.isEmpty ? path : path + "?" + query(items)
    }
}
