#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GenesysCore
import HTTPTypes
import Logging

/// Performs one client-credentials token request (with throttling retries) and maps every failure to a
/// `GenesysError` whose message never contains the secret, the Basic credential or a token.
struct TokenFetcher: Sendable {
    static let operation = "auth.requestToken"
    /// Token responses are tiny; anything bigger is not a token response.
    static let maxResponseBytes = 64 << 10
    /// Lifetime assumed when the server omits `expires_in` (or sends one that is not a finite positive
    /// number): Genesys' shortest allowed token lifetime.
    static let fallbackLifetime: Duration = .seconds(300)
    /// The longest lifetime believed: Genesys' longest allowed token lifetime (450 days, for SCIM clients; see `accessTokenValiditySeconds` on Genesys' OAuth client).
    /// A larger `expires_in` is clamped to it.
    static let maxLifetimeSeconds: Double = 38_880_000

    let credentials: ClientCredentials
    let endpoint: LoginEndpoint
    let transport: any HTTPTransport
    let clock: any Clock<Duration>
    let requestTimeout: Duration
    let throttleRetry: ClientCredentialsTokenProvider.ThrottleRetry
    let currentDate: @Sendable () -> Date

    /// Requests a token, retrying on throttling as ``throttleRetry`` allows (sleeping on ``clock``).
    func fetch(logger: Logger) async throws -> AccessToken {
        var retries = 0
        while true {
            try Task.checkCancellation()
            logger.debug("requesting token", metadata: ["loginHost": "\(endpoint.authority)", "attempt": "\(retries + 1)"])
            let response = try await send(logger: logger)
            let status = Int(response.head.status.code)
            if (200..<300).contains(status) {
                return try token(from: response, status: status)
            }
            let body = try? JSONDecoder().decode(TokenEndpointBody.self, from: response.body)
            guard isThrottled(status: status, body: response.body) else {
                throw failure(status: status, body: body)
            }

            let retryAfter = response.head.headerFields[.retryAfter].flatMap { RetryAfter.parse($0, now: currentDate()) }
            if let retryAfter, retryAfter > throttleRetry.maxRetryAfter {
                throw error(
                    "the login host \(endpoint.authority) is throttling token requests (HTTP \(status)) and asked to wait \(Self.seconds(retryAfter)), longer than the \(Self.seconds(throttleRetry.maxRetryAfter)) the SDK waits: try again later",
                    status: status, serverCode: body?.error, retryAfter: retryAfter
                )
            }
            guard retries < throttleRetry.maxRetries else {
                throw error(
                    "the login host \(endpoint.authority) kept throttling token requests (HTTP \(status)) after \(retries) \(retries == 1 ? "retry" : "retries"): try again later",
                    status: status, serverCode: body?.error, retryAfter: retryAfter
                )
            }
            let delay = retryAfter ?? throttleRetry.backoff(retryNumber: retries)
            retries += 1
            logger.debug("token request throttled; retrying", metadata: [
                "loginHost": "\(endpoint.authority)", "status": "\(status)", "attempt": "\(retries + 1)",
                "delayMs": "\(delay / .milliseconds(1))",
            ])
            try await clock.sleep(for: delay)
        }
    }

    // MARK: - Request

    /// The client secret and the Basic credential, scrubbed from server text.
    var credentialSecrets: [String] { [credentials.clientSecret, basicCredential] }

    /// The Basic credential sent with the token request (`base64(id:secret)`), also scrubbed from messages.
    private var basicCredential: String {
        Data("\(credentials.clientID):\(credentials.clientSecret)".utf8).base64EncodedString()
    }

    private func send(logger: Logger) async throws -> TransportResponse {
        var fields = HTTPFields()
        fields[.authorization] = "Basic " + basicCredential
        fields[.contentType] = "application/x-www-form-urlencoded"
        fields[.accept] = "application/json"
        let head = HTTPRequest(method: .post, scheme: endpoint.scheme, authority: endpoint.authority, path: endpoint.tokenPath, headerFields: fields)
        let options = TransportOptions(
            operation: Self.operation, timeout: requestTimeout, maxResponseBytes: Self.maxResponseBytes, logger: logger
        )
        do {
            let response = try await transport.send(head, body: Data("grant_type=client_credentials".utf8), options: options)
            GenesysMetrics.recordTokenFetch(status: Int(response.head.status.code))
            return response
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as TransportError {
            GenesysMetrics.recordTokenFetch(status: nil)
            logger.debug("token request failed", metadata: ["loginHost": "\(endpoint.authority)", "kind": "\(error.kind)"])
            throw transportFailure(error)
        } catch {
            throw GenesysError(
                code: .authenticationFailed, operation: Self.operation,
                message: "the token request to \(endpoint.authority) failed (\(type(of: error)))", underlying: error
            )
        }
    }

    // MARK: - Response

    private func token(from response: TransportResponse, status: Int) throws -> AccessToken {
        guard let body = try? JSONDecoder().decode(TokenEndpointBody.self, from: response.body),
              let value = body.accessToken, !value.isEmpty else {
            throw error("the login host \(endpoint.authority) answered HTTP \(status) without an access_token", status: status)
        }
        return AccessToken(value: value, tokenType: body.tokenType ?? "bearer", expiresIn: Self.lifetime(expiresIn: body.expiresIn))
    }

    /// The token lifetime for the server's `expires_in` (seconds): a finite positive value, clamped to
    /// ``maxLifetimeSeconds``; anything else (missing, zero, negative, `inf`, `nan`) is treated as
    /// missing, giving ``fallbackLifetime``.
    static func lifetime(expiresIn seconds: Double?) -> Duration {
        guard let seconds, seconds.isFinite, seconds > 0 else { return fallbackLifetime }
        let milliseconds = (min(seconds, maxLifetimeSeconds) * 1000).rounded(.down)
        guard milliseconds >= 1 else { return fallbackLifetime }
        return .milliseconds(Int64(milliseconds))
    }

    /// HTTP 429, or HTTP 400 whose body talks about rate limiting (Genesys answers token-endpoint
    /// throttling with 400).
    private func isThrottled(status: Int, body: Data) -> Bool {
        if status == 429 { return true }
        guard status == 400 else { return false }
        let text = String(decoding: body.prefix(4096), as: UTF8.self).lowercased()
        let markers = [
            "rate limit", "ratelimit", "rate-limit", "rate_limit", "rate.limit",
            "too many requests", "too_many_requests", "too.many.requests", "toomanyrequests", "throttl",
        ]
        return markers.contains { text.contains($0) }
    }

    private func failure(status: Int, body: TokenEndpointBody?) -> GenesysError {
        let oauthError = body?.error.map(clean)
        let rejected = status == 401 || (status == 400 && (oauthError == "invalid_client" || oauthError == "unauthorized_client"))
        if rejected {
            return error(
                "the login host rejected the client id or secret (check the client id and secret, and that the region is the OAuth client's home region): \(endpoint.authority) answered HTTP \(status)\(oauthError.map { " \($0)" } ?? "") for client id \(clean(credentials.clientID))",
                status: status, serverCode: oauthError
            )
        }
        let explanation = [oauthError, body?.explanation.map(clean)].compactMap { $0 }.filter { !$0.isEmpty }
        return error(
            "the login host \(endpoint.authority) refused the token request with HTTP \(status)\(explanation.isEmpty ? "" : ": " + explanation.joined(separator: ": "))",
            status: status, serverCode: oauthError
        )
    }

    private func transportFailure(_ failure: TransportError) -> GenesysError {
        let message: String
        switch failure.kind {
        case .connectFailed:
            message = "could not reach \(endpoint.authority): check the region or login URL"
        case .timedOut:
            message = "the login host \(endpoint.authority) did not answer within \(Self.seconds(requestTimeout)): check the region or login URL, or try again"
        case .responseTooLarge:
            message = "the login host \(endpoint.authority) sent a response larger than \(Self.maxResponseBytes) bytes: is the login URL right?"
        default:
            message = "the connection to the login host \(endpoint.authority) failed (\(failure.kind)): try again"
        }
        return GenesysError(code: .authenticationFailed, operation: Self.operation, message: message, underlying: failure)
    }

    private func error(_ message: String, status: Int? = nil, serverCode: String? = nil, retryAfter: Duration? = nil) -> GenesysError {
        GenesysError(
            code: .authenticationFailed, operation: Self.operation, status: status, serverCode: serverCode,
            message: message, retryAfter: retryAfter
        )
    }

    /// Server-provided text as one short line, with the credentials scrubbed out in case a server echoes them.
    private func clean(_ text: String) -> String {
        var line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        for secret in credentialSecrets where !secret.isEmpty {
            line = line.replacing(secret, with: "<redacted>")
        }
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        if components.attoseconds == 0 { return "\(components.seconds) s" }
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return "\((value * 1000).rounded() / 1000) s"
    }
}

/// The token endpoint's JSON, success and failure fields together (all optional).
struct TokenEndpointBody: Decodable {
    var accessToken: String?
    var tokenType: String?
    var expiresIn: Double?
    var error: String?
    var errorDescription: String?
    var description: String?
    var message: String?

    /// The human-readable part of an error body, whichever field the server used.
    var explanation: String? { errorDescription ?? description ?? message }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case error
        case errorDescription = "error_description"
        case description
        case message
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try? container.decodeIfPresent(String.self, forKey: .accessToken)
        tokenType = try? container.decodeIfPresent(String.self, forKey: .tokenType)
        if let seconds = try? container.decodeIfPresent(Double.self, forKey: .expiresIn) {
            expiresIn = seconds
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .expiresIn) {
            expiresIn = Double(text)
        }
        error = try? container.decodeIfPresent(String.self, forKey: .error)
        errorDescription = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
        description = try? container.decodeIfPresent(String.self, forKey: .description)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
    }
}
