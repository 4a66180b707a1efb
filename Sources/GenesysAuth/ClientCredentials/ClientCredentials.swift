/// An OAuth client id and secret for the client-credentials grant.
///
/// The secret never appears in ``description``, ``debugDescription`` or a `Mirror` (so not in `dump`,
/// string interpolation or logs either); read ``clientSecret`` only to authenticate.
public struct ClientCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The OAuth client id (not secret).
    public var clientID: String
    /// The OAuth client secret (secret).
    public var clientSecret: String

    /// Creates credentials.
    /// - Parameters:
    ///   - clientID: The OAuth client id.
    ///   - clientSecret: The OAuth client secret.
    public init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// `ClientCredentials(clientID: <id>, clientSecret: <redacted>)`.
    public var description: String { "ClientCredentials(clientID: \(clientID), clientSecret: <redacted>)" }

    /// Same as ``description``: the secret is never shown.
    public var debugDescription: String { description }

    /// A mirror that shows the client id and hides the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "clientSecret": "<redacted>"], displayStyle: .struct)
    }
}
