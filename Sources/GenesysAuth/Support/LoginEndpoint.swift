#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The parts of a login base URL the token request needs, validated once.
struct LoginEndpoint: Sendable, Hashable {
    let scheme: String
    /// `host` or `host:port`, as it appears in messages.
    let authority: String
    /// `<path prefix>/oauth/token`.
    let tokenPath: String

    init(_ url: URL) throws {
        try GenesysRegion.validate(url, role: "login")
        // `validate` guarantees a scheme and a host.
        let scheme = url.scheme?.lowercased() ?? "https"
        let host = url.host(percentEncoded: false) ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var path = url.path(percentEncoded: true)
        while path.hasSuffix("/") { path.removeLast() }
        self.scheme = scheme
        self.authority = url.port.map { "\(hostPart):\($0)" } ?? hostPart
        self.tokenPath = path + "/oauth/token"
    }
}
