import HTTPTypes

/// A small method + path-pattern router. Patterns are written like the API reference,
/// `/api/v2/routing/skills/{skillId}`; a literal segment beats a `{placeholder}` (so
/// `/users/search` is not read as a user id). Path segments are matched percent-decoded.
struct Router: Sendable {
    typealias Handler = @Sendable (inout OrgEngine, FakeHTTPRequest) throws -> FakeResponse

    struct Route: Sendable {
        enum Segment: Equatable, Sendable {
            case literal(String)
            case parameter(String)
        }

        let method: HTTPRequest.Method
        let segments: [Segment]
        /// The SDK-style operation name for the request log, such as `routing.listSkills`.
        let operation: String
        /// Whether the request changes state (a read-only POST such as user search is not a write).
        let isWrite: Bool
        let handler: Handler

        init(_ method: HTTPRequest.Method, _ pattern: String, _ operation: String, isWrite: Bool? = nil, _ handler: @escaping Handler) {
            self.method = method
            self.segments = pattern.split(separator: "/").map { part in
                part.hasPrefix("{") && part.hasSuffix("}")
                    ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
            }
            self.operation = operation
            self.isWrite = isWrite ?? !(method == .get || method == .head)
            self.handler = handler
        }

        /// The path parameters when `segments` match, else `nil`.
        func match(_ path: [String]) -> [String: String]? {
            guard path.count == segments.count else { return nil }
            var params: [String: String] = [:]
            for (segment, value) in zip(segments, path) {
                switch segment {
                case .literal(let literal): guard literal == value else { return nil }
                case .parameter(let name): params[name] = value
                }
            }
            return params
        }

        /// How many literal segments the pattern has: more literals = more specific.
        var specificity: Int { segments.filter { if case .literal = $0 { true } else { false } }.count }
    }

    enum Match {
        case found(Route, [String: String])
        case methodNotAllowed
        case notFound
    }

    let routes: [Route]

    func match(method: HTTPRequest.Method, segments: [String]) -> Match {
        var best: (Route, [String: String])?
        var pathExists = false
        for route in routes {
            guard let params = route.match(segments) else { continue }
            pathExists = true
            guard route.method == method else { continue }
            if best == nil || route.specificity > best!.0.specificity { best = (route, params) }
        }
        // A literal route of another method must not make a parameter route of this method lose:
        // `/users/search` (GET, POST) versus `/users/{userId}` (GET) is settled by specificity above.
        if let best { return .found(best.0, best.1) }
        return pathExists ? .methodNotAllowed : .notFound
    }
}
