import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging
import Testing

/// The token every static-token test uses; it must never show up in a log or a description.
let secretToken = AccessToken(value: "tok-SECRET-5f1d9a7c", expiresIn: .seconds(3_600))

/// A fixed wall-clock date for `Retry-After` HTTP-dates: `Sun, 06 Nov 1994 08:49:37 GMT`.
let fixedNow = Date(timeIntervalSince1970: 784_111_777)

/// A logger that discards everything.
let quietLogger = Logger(label: "genesys-core-tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// One scripted transport step: a response, or an error to throw.
enum Step: Sendable {
    case respond(TransportResponse)
    case fail(any Error)

    static func status(_ code: Int, headers: [String: String] = [:], body: String = "{}") -> Step {
        .respond(.json(body, status: code, headers: headers))
    }
    static let ok = Step.status(200)
    static func transport(_ kind: TransportError.Kind, processed: Bool) -> Step {
        .fail(TransportError(kind: kind, requestMayHaveBeenProcessed: processed))
    }
}

extension MockTransport {
    /// A transport that plays `steps` in order; an exhausted script answers 599 so the test fails loudly.
    static func steps(_ steps: [Step]) -> MockTransport {
        let queue = LockedBox(steps[...])
        return MockTransport { _, _ in
            switch queue.withLock({ $0.popFirst() }) {
            case .respond(let response)?: return response
            case .fail(let error)?: throw error
            case nil: return .json(#"{"message":"script exhausted"}"#, status: 599)
            }
        }
    }
}

/// A token provider that issues numbered tokens (`token-1`, `token-2`, …), counting fetches and
/// invalidations.
actor CountingTokenProvider: AccessTokenProvider {
    private(set) var fetches = 0
    private(set) var invalidated: [AccessToken] = []
    private var current: AccessToken?

    func accessToken(logger: Logger) async throws -> AccessToken {
        if let current { return current }
        fetches += 1
        let token = AccessToken(value: "token-\(fetches)")
        current = token
        return token
    }

    func invalidate(_ token: AccessToken) async {
        invalidated.append(token)
        if current == token { current = nil }
    }
}

/// A retry policy with deterministic delays (no jitter) and the SDK's other defaults.
let deterministicPolicy = StandardRetryPolicy(jitter: .none)

/// Builds a client over `transport` with a deterministic policy, no rate limit and an auto-advancing clock.
func makeClient(
    _ transport: MockTransport,
    baseURL: String = "https://api.example.test",
    tokens: any AccessTokenProvider = StaticTokenProvider(secretToken),
    policy: any RetryPolicy = deterministicPolicy,
    rateLimit: RateLimit? = nil,
    clock: ManualClock = ManualClock(mode: .autoAdvance),
    logger: Logger = quietLogger
) throws -> GenesysClient {
    try GenesysClient(
        configuration: .init(apiBaseURL: try #require(URL(string: baseURL))),
        transport: transport, tokenProvider: tokens, retryPolicy: policy, rateLimit: rateLimit,
        clock: clock, logger: logger, currentDate: { fixedNow }
    )
}

extension GenesysRequest {
    static let getSkills = GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "routing.listSkills")
    static let createSkill = GenesysRequest(
        method: .post, path: "/api/v2/routing/skills", body: Data(#"{"name":"Billing"}"#.utf8), operation: "routing.createSkill"
    )
}
