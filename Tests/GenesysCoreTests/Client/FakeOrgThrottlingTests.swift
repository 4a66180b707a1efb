import GenesysCore
import GenesysTesting
import Testing

/// The fake org's throttling knobs: a limit per client, token issuance limits, latency jitter.
@Suite("fake org throttling")
struct FakeOrgThrottlingTests {
    @Test("per-client scope: two tokens of one client share one budget")
    func perClientScope() async throws {
        var configuration = FakeGenesysOrg.Configuration(rateLimit: RateLimit(requests: 4, per: .seconds(60)))
        configuration.rateLimitScope = .perClient
        let org = FakeGenesysOrg(configuration: configuration)
        let client = try org.makePooledClient(tokens: 2, retryPolicy: NoRetryPolicy())
        var statuses: [Int] = []
        for _ in 0..<6 {
            do {
                _ = try await client.send(.getSkills)
                statuses.append(200)
            } catch let error as GenesysError {
                statuses.append(error.status ?? 0)
            }
        }
        #expect(statuses == [200, 200, 200, 200, 429, 429])
        #expect(await client.tokenPool?.snapshot().tokensInUse == 2)
    }

    @Test("token issuance limit: 400 rate_limit_exceeded with Retry-After")
    func issuanceLimit() async throws {
        var configuration = FakeGenesysOrg.Configuration()
        configuration.tokenIssuanceLimit = RateLimit(requests: 1, per: .seconds(60))
        let org = FakeGenesysOrg(configuration: configuration)
        _ = try await org.makeClient().send(.getSkills)
        await #expect(throws: GenesysError.self) { _ = try await org.makeClient().send(.getSkills) }
        let refused = try #require(org.requests.last { $0.path == "/oauth/token" })
        #expect(refused.status == 400)
    }

    @Test("latency jitter: each request's latency is drawn from latency ..< latency + jitter")
    func jitter() async throws {
        var configuration = FakeGenesysOrg.Configuration(rateLimit: nil, latency: .milliseconds(100))
        configuration.latencyJitter = .milliseconds(50)
        let clock = ManualClock(mode: .autoAdvance)
        let org = FakeGenesysOrg(configuration: configuration, clock: clock)
        let client = org.makeClient()
        var durations: [Duration] = []
        for _ in 0..<20 {
            let start = clock.now
            _ = try await client.send(.getSkills)
            durations.append(start.duration(to: clock.now))
        }
        // The first includes the token request; look at the rest.
        let api = durations.dropFirst()
        #expect(api.allSatisfy { $0 >= .milliseconds(100) && $0 < .milliseconds(150) })
        #expect(Set(api).count > 5)
    }
}

