import Foundation
import GenesysCore
import HTTPTypes
import GenesysTesting
import Testing

/// A `GenesysClient` over a `TokenPool`, against the fake org's real token endpoint.
@Suite("pooled client")
struct PooledClientTests {
    func tokenRequests(_ org: FakeGenesysOrg) -> Int {
        org.requests.filter { $0.path == "/oauth/token" }.count
    }

    @Test("a 401 on one token replays with a new token for that token only")
    func independentReplay() async throws {
        let providers = (0..<2).map { CountingProvider(lane: $0) }
        let clock = ManualClock(mode: .autoAdvance)
        let pool = try TokenPool(tokenProviders: providers, rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 2), clock: clock)
        let client = try GenesysClient(
            configuration: .init(apiBaseURL: try #require(URL(string: "https://api.example.com"))),
            transport: RejectingToken("t0-1"), tokenPool: pool, clock: clock
        )
        // Token 1 answers 401 once: it is replaced; token 2 is never refetched.
        for _ in 0..<6 { _ = try await client.send(.getSkills) }
        #expect(providers.map(\.fetches) == [2, 1])
        #expect(providers.map(\.invalidations) == [1, 0])
        #expect(await client.counters.snapshot().reauthentications == 1)
    }

    @Test("the login host throttling extra tokens: the pool works with the token it has")
    func tokenIssuanceThrottled() async throws {
        var configuration = FakeGenesysOrg.Configuration(rateLimit: nil)
        configuration.tokenIssuanceLimit = RateLimit(requests: 1, per: .seconds(3600))
        let org = FakeGenesysOrg(configuration: configuration)
        let client = try org.makePooledClient(tokens: 4, rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 2))
        for _ in 0..<20 { _ = try await client.send(.getSkills) }
        let snapshot = try #require(await client.tokenPool?.snapshot())
        #expect(snapshot.tokensInUse == 1)
        #expect(snapshot.sent[0] == 20)
        // One issued token, then one refused request per extra token (each then set aside).
        #expect(org.requests.filter { $0.path == "/oauth/token" && $0.status == 400 }.count == 3)
        #expect(await client.counters.snapshot().throttled == 0)
    }

    @Test("per-client limit in the fake: 10 tokens converge without a 429 storm")
    func perClientConvergence() async throws {
        var configuration = FakeGenesysOrg.Configuration(rateLimit: RateLimit(requests: 60, per: .seconds(60)))
        configuration.rateLimitScope = .perClient
        let org = FakeGenesysOrg(configuration: configuration)
        let client = try org.makePooledClient(tokens: 10, rateLimit: RateLimit(requests: 60, per: .seconds(60)))
        for _ in 0..<400 { _ = try await client.send(.getSkills) }
        let throttled = org.requests.filter { $0.status == 429 }.count
        #expect(throttled <= 20)
        // Never two 429s in a row on one token without its Retry-After passing: the pool blocks it.
        let snapshot = try #require(await client.tokenPool?.snapshot())
        #expect(snapshot.sharedLimitEvents >= 1)
    }
}

/// Answers 401 to one bearer token and 200 `{}` to every other.
struct RejectingToken: HTTPTransport {
    let rejected: String
    init(_ rejected: String) { self.rejected = rejected }

    func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        let status: HTTPResponse.Status = request.headerFields[.authorization] == "Bearer \(rejected)" ? .unauthorized : .ok
        return TransportResponse(head: HTTPResponse(status: status), body: Data("{}".utf8))
    }
}
