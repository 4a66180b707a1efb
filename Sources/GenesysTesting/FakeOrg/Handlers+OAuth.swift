import Foundation
import GenesysCore
import HTTPTypes
import RoutingModels

extension OrgEngine {
    /// `POST /oauth/token` (client credentials grant): Basic header with the client id and
    /// secret, form body `grant_type=client_credentials`. Returns the answer and, on success, the client id.
    ///
    /// Errors use the OAuth body `{"error": …, "description": …}`: 401 `invalid_client` for a missing or
    /// malformed Basic header or a wrong id/secret (credentials in the form body are not accepted — not
    /// established for Genesys), 400 `invalid_request` without `grant_type`, 400
    /// `unsupported_grant_type` for any other grant.
    mutating func handleTokenRequest(_ request: FakeHTTPRequest) -> (FakeResponse, String?) {
        func failure(_ status: Int, _ error: String, _ description: String) -> (FakeResponse, String?) {
            (FakeResponse.json(["error": error, "description": description], status: status), nil)
        }
        guard request.method == .post else {
            return failure(405, "invalid_request", "The token endpoint accepts POST only")
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
              let decoded = Data(base64Encoded: header.dropFirst("basic ".count).trimmingCharacters(in: .whitespaces)),
              let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else {
            return failure(401, "invalid_client", "Client authentication failed: send the client id and secret in a Basic Authorization header")
        }
        let clientID = String(pair[..<colon])
        let secret = String(pair[pair.index(after: colon)...])
        guard let client = configuration.clients.first(where: { $0.id == clientID }), client.secret == secret else {
            return failure(401, "invalid_client", "Client authentication failed")
        }
        let form = FakeHTTPRequest.parseForm(String(decoding: request.body ?? Data(), as: UTF8.self))
        guard let grant = form.first(where: { $0.name == "grant_type" })?.value, !grant.isEmpty else {
            return failure(400, "invalid_request", "Missing grant_type")
        }
        guard grant == "client_credentials" else {
            return failure(400, "unsupported_grant_type", "Unsupported grant type: \(grant)")
        }
        if let limit = configuration.tokenIssuanceLimit,
           let wait = Self.checkWindow(&runtime.issuanceWindows[client.id, default: []], limit: limit, now: now) {
            var response = FakeResponse.json(
                ["error": "rate_limit_exceeded", "description": "Too many token requests for this client. Retry in [\(wait)] seconds"],
                status: 400
            )
            response.headers.append((.retryAfter, "\(wait)"))
            return (response, nil)
        }
        let token = issueToken(clientID: client.id, lifetime: client.tokenLifetime)
        let seconds = max(1, Self.ceilSeconds(client.tokenLifetime))
        let body = AccessTokenResponse(accessToken: token, tokenType: "bearer", expiresIn: seconds)
        return (FakeResponse.json(body), client.id)
    }

    /// Issues a token for `clientID`, valid for `lifetime` on the org clock.
    mutating func issueToken(clientID: String, lifetime: Duration) -> String {
        runtime.tokenCounter += 1
        let n = runtime.tokenCounter
        let value = "fake-token-\(n)-" + String(SplitMix64.mix(0x70CE_2011 &+ configuration.faultSeed &+ n), radix: 16)
        runtime.tokens[value] = IssuedToken(clientID: clientID, expiresAt: now + lifetime)
        return value
    }
}
