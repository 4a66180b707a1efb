#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GenesysCore

/// The parts of a login base URL the token request needs, validated once.
struct LoginEndpoint: Sendable, Hashable {
    let scheme: String
    /// `host` or `host:port`, as it appears in messages.
    let authority: String
    /// `<path prefix>/oauth/token`.
    let tokenPath: String

    init(scheme: String, authority: String, tokenPath: String) {
        self.scheme = scheme
        self.authority = authority
        self.tokenPath = tokenPath
    }

    init(_ url: URL) throws {
        // The region check gives the login-specific messages (and refuses user info); the client's own
        // base-URL parsing then splits the URL exactly as it does for the API host.
        try GenesysRegion.validate(url, role: "login")
        let base = try Endpoint(url)
        self.scheme = base.scheme
        self.authority = base.authority
        self.tokenPath = base.basePath + "/oauth/token"
    }
}
