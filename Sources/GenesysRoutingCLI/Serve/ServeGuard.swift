import Hummingbird
import NIOCore

/// What `serve` checks before a request reaches a route: a body no larger than ``maximumBodySize`` (the API
/// only answers GETs, so anything bigger is `413`), and, when a token is configured, the header
/// `Authorization: Bearer <token>` on every route but `/health` (`401` otherwise).
///
/// The token is compared in constant time and never logged or echoed.
struct ServeGuard: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The largest request body accepted, in bytes.
    static let maximumBodySize = 64 * 1024

    /// The bearer token clients must send, or `nil` for none (loopback without a token set).
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maximumBodySize {
            return LocalAPIServer.json(["error": "request body too large (at most \(Self.maximumBodySize) bytes)"], status: .contentTooLarge)
        }
        if let token, request.uri.path != "/health", !Self.authorized(request.headers[.authorization], token: token) {
            var response = LocalAPIServer.json(
                ["error": "missing or wrong bearer token: send 'Authorization: Bearer <GENESYS_ROUTING_SERVE_TOKEN>'"],
                status: .unauthorized
            )
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: Self.maximumBodySize)
        } catch {
            return LocalAPIServer.json(["error": "request body too large (at most \(Self.maximumBodySize) bytes)"], status: .contentTooLarge)
        }
        return try await next(request, context)
    }

    /// Whether `header` is `Bearer <token>`, compared in constant time (for a given length).
    static func authorized(_ header: String?, token: String) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        return constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8))
    }

    /// Compares every byte whatever the first difference, so the time taken does not reveal how much of a
    /// guess was right.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            difference |= (index < lhs.count ? lhs[index] : 0) ^ (index < rhs.count ? rhs[index] : 0)
        }
        return difference == 0
    }
}
