import Foundation
@testable import GenesysAuth
import GenesysCore
import GenesysTesting
import HTTPTypes
import Logging

/// Credentials used by every test; the secret must never show up anywhere.
let testCredentials = ClientCredentials(clientID: "client-0001", clientSecret: "s3cr3t-Value-That-Must-Not-Leak")
/// `base64("client-0001:s3cr3t-Value-That-Must-Not-Leak")`, computed independently of the SDK.
let testBasicCredential = "Y2xpZW50LTAwMDE6czNjcjN0LVZhbHVlLVRoYXQtTXVzdC1Ob3QtTGVhaw=="

/// A successful token response.
func tokenResponse(_ value: String, expiresIn: Int = 86_400) -> TransportResponse {
    .json(#"{"access_token":"\#(value)","token_type":"bearer","expires_in":\#(expiresIn)}"#)
}

/// A logger that discards everything.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

extension MockTransport {
    /// Requests sent to the token endpoint.
    var tokenRequests: [Exchange] { exchanges.filter { $0.pathOnly.hasSuffix("/oauth/token") } }
    /// Requests sent to the API.
    var apiRequests: [Exchange] { exchanges.filter { $0.pathOnly.hasPrefix("/api/") } }
}

/// A closed gate tasks can wait at until the test opens it (no real sleeping).
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Number of tasks waiting at the gate.
    var waitingCount: Int { waiting.count }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}

/// A counter for handlers.
actor Counter {
    private(set) var value = 0
    /// Increments and returns the new value.
    func next() -> Int {
        value += 1
        return value
    }
}

/// Yields (never sleeps) until `condition` holds; fails the wait after many rounds so a broken test ends.
func waitUntil(_ what: String = "condition", rounds: Int = 200_000, _ condition: () async -> Bool) async throws {
    for _ in 0..<rounds {
        if await condition() { return }
        await Task.yield()
    }
    throw WaitTimedOut(what: what)
}

struct WaitTimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "gave up waiting for \(what)" }
}

extension ClientCredentialsTokenProvider {
    /// A provider for eu_west_1 over `transport`.
    static func testing(
        _ transport: MockTransport,
        clock: any Clock<Duration> = ManualClock(mode: .autoAdvance),
        refreshBeforeExpiry: Duration = .seconds(300),
        throttleRetry: ThrottleRetry = .standard
    ) -> ClientCredentialsTokenProvider {
        ClientCredentialsTokenProvider(
            credentials: testCredentials, region: .euWest1, transport: transport, clock: clock,
            refreshBeforeExpiry: refreshBeforeExpiry, throttleRetry: throttleRetry
        )
    }
}
