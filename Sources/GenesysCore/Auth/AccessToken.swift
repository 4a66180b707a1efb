#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import Logging

/// A bearer token for the Genesys Cloud Platform API.
///
/// The token value is a secret: ``description`` and ``debugDescription`` never show it, and the SDK never
/// logs it. Read ``value`` only to put it in an `Authorization` header.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The raw token (secret).
    public var value: String
    /// The token type the server reported (`bearer` for client credentials).
    public var tokenType: String
    /// Lifetime the server reported when the token was issued (`expires_in`), if known.
    public var expiresIn: Duration?

    /// Creates a token.
    /// - Parameters:
    ///   - value: The raw token (secret).
    ///   - tokenType: The token type; `bearer` by default.
    ///   - expiresIn: Lifetime reported by the server, if known.
    public init(value: String, tokenType: String = "bearer", expiresIn: Duration? = nil) {
        self.value = value
        self.tokenType = tokenType
        self.expiresIn = expiresIn
    }

    /// A redacted, one-line description that never contains the token value.
    public var description: String {
        "AccessToken(type: \(tokenType), value: <redacted>\(expiresIn.map { ", expiresIn: \($0)" } ?? ""))"
    }

    /// Same as ``description``: the token value is never shown.
    public var debugDescription: String { description }
}

extension AccessToken: CustomReflectable {
    /// A mirror without the token value, so `dump(_:)`, debuggers and test-failure printers that walk
    /// children cannot show it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["tokenType": tokenType, "value": "<redacted>", "expiresIn": expiresIn as Any], displayStyle: .struct)
    }
}

/// Supplies bearer tokens to a ``GenesysClient``.
///
/// `GenesysAuth` ships a client-credentials provider with caching and single-flight refresh. Conform your
/// own type to bring a token from elsewhere (a vault, a token your platform already issued).
public protocol AccessTokenProvider: Sendable {
    /// Returns a token that is valid now, fetching or refreshing it if needed.
    /// - Parameter logger: Logger for this call (the provider must never log the token or a secret).
    func accessToken(logger: Logger) async throws -> AccessToken

    /// Tells the provider that the API rejected `token` with 401, so the next ``accessToken(logger:)``
    /// call must not return it. A no-op when the provider already holds a newer token.
    func invalidate(_ token: AccessToken) async

    /// Every secret the provider holds: the tokens it may hand out (all of them, for a provider that
    /// keeps several) and any credential it uses to get them, such as a client secret.
    ///
    /// ``GenesysClient`` removes these, and the token it sent, from server-provided text (error
    /// messages, details, bodies) before that text reaches an error, a log line or output, since a gateway
    /// may echo the `Authorization` header. The default implementation returns none.
    func secrets() async -> [String]
}

extension AccessTokenProvider {
    /// No secrets beyond the token the client sends, which it always redacts.
    public func secrets() async -> [String] { [] }
}

/// An ``AccessTokenProvider`` that always returns the same token: for tokens issued elsewhere and for tests.
///
/// It cannot refresh: after a 401 the client replays once with the same token, and the call then fails
/// with ``GenesysError/Code/unauthorized``.
public struct StaticTokenProvider: AccessTokenProvider {
    private let token: AccessToken

    /// Creates a provider that always returns `token`.
    public init(_ token: AccessToken) { self.token = token }

    /// Returns the fixed token.
    public func accessToken(logger: Logger) async throws -> AccessToken { token }

    /// Does nothing: a static token cannot be replaced.
    public func invalidate(_ token: AccessToken) async {}

    /// The fixed token.
    public func secrets() async -> [String] { [token.value] }
}
