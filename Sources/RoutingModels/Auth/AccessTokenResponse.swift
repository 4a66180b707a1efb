/// The JSON body returned by the OAuth token endpoint `POST https://login.<region>/oauth/token`
/// (client-credentials grant, `POST /oauth/token`).
///
/// The wire keys are snake_case (`access_token`, `token_type`, `expires_in`, `error`). There is no
/// `refresh_token` for this grant. On failure the body carries ``error``; whether Genesys adds
/// further fields (such as a description) is not established.
public struct AccessTokenResponse: Codable, Sendable, Hashable {
    /// The bearer token to send as `Authorization: Bearer <token>`. Secret: never log it.
    public var accessToken: String?
    /// The token type, `"bearer"`.
    public var tokenType: String?
    /// Lifetime in seconds (per OAuth client, 300–172 800; 86 400 when the client does not set it).
    public var expiresIn: Int?
    /// An OAuth error code on failure (RFC 6749, e.g. `invalid_client`); which codes Genesys
    /// emits is not established.
    public var error: String?

    /// Creates a token response; every field is optional.
    public init(accessToken: String? = nil, tokenType: String? = nil, expiresIn: Int? = nil, error: String? = nil) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case error
    }
}

extension AccessTokenResponse: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A one-line summary that never includes the token itself.
    public var description: String {
        var parts: [String] = []
        parts.append("accessToken: \(accessToken == nil ? "nil" : "<redacted>")")
        if let tokenType { parts.append("tokenType: \(tokenType)") }
        if let expiresIn { parts.append("expiresIn: \(expiresIn)") }
        if let error { parts.append("error: \(error)") }
        return "AccessTokenResponse(\(parts.joined(separator: ", ")))"
    }

    /// Same as ``description``: the token is redacted.
    public var debugDescription: String { description }

    /// The fields for `dump(_:)`, debuggers and `Mirror`, with the token replaced by `<redacted>`.
    public var customMirror: Mirror {
        let redactedToken: String? = accessToken == nil ? nil : "<redacted>"
        return Mirror(
            self,
            children: [
                "accessToken": redactedToken as Any,
                "tokenType": tokenType as Any,
                "expiresIn": expiresIn as Any,
                "error": error as Any,
            ],
            displayStyle: .struct
        )
    }
}
