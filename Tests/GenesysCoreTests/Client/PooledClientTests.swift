import GenesysCore
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
        // Each token is revoked after 3 API requests.
        let org = FakeGenesysOrg(configuration: FakeGenesysOrg.Configuration(tokenRequestLimit: 3, rateLimit: nil))
        let client = org.makePooledClient(tokens: 2, rateLimit: RateLimit(requests: 100, per: .seconds(60), burst: 3))
        // Token 1 takes the first three (its burst), token 2 the next three.
        for _ in 0..<6 { _ = try await client.send(.getSkills) }
        #expect(tokenRequests(org) == 2)
        // The next goes to token 1, whose token is now revoked: 401, a new token 1, replay succeeds.
        _ = try await client.send(.getSkills)
        #expect(tokenRequests(org) == 3)
        let counts = await client.counters.snapshot()
        #expect(counts.reauthentications == 1)
        #expect(counts.total == 8)
        #expect(await client.tokenPool?.snapshot().sent == [5, 3])
    }

    @Test("the login host throttling extra tokens: the pool works with the token it has")
    func tokenIssuanceThrottled() async throws {
        var configuration = FakeGenesysOrg.Configuration(rateLimit: nil)
        configuration.tokenIssuanceLimit = RateLimit(requests: 1, per: .seconds(3600))
        let org = FakeGenesysOrg(configuration: configuration)
        let client = org.makePooledClient(tokens: 4, rateLimit: RateLimit(requests: 60, per: .seconds(60), burst: 2))
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
        let client = org.makePooledClient(tokens: 10, rateLimit: RateLimit(requests: 60, per: .seconds(60)))
        for _ in 0..<400 { _ = try await client.send(.getSkills) }
        let throttled = org.requests.filter { $0.status == 429 }.count
        #expect(throttled <= 20)
        // Never two 429s in a row on one token without its Retry-After passing: the pool blocks it.
        let snapshot = try #require(await client.tokenPool?.snapshot())
        #expect(snapshot.sharedLimitEvents >= 1)
    }
}
