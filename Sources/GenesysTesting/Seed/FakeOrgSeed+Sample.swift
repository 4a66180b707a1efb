public import GenesysCore

extension FakeOrgSeed {
    /// A small org for tests: divisions `Home` (the home division) and `Sales`, and three agents
    /// (`ana@example.com` and `ben@example.com` in Home, `cara@example.com` in Sales).
    public static let sample = FakeOrgSeed(
        divisions: ["Home", "Sales"],
        users: [
            User(name: "Ana Agent", email: "ana@example.com"),
            User(name: "Ben Agent", email: "ben@example.com"),
            User(name: "Cara Agent", email: "cara@example.com", division: "Sales"),
        ]
    )
}

extension FakeGenesysOrg {
    /// A fresh in-memory org from `seed` (``FakeOrgSeed/sample`` by default) and a client to it: one line
    /// of setup per test, so an integration test is three lines.
    ///
    /// ```swift
    /// @Test func createsASkill() async throws {
    ///     let (org, client) = try FakeGenesysOrg.seeded()
    ///     _ = try await RoutingAPI(client: client).createSkill(CreateRoutingSkill(name: "Billing"))
    ///     #expect(org.snapshot().skills.map(\.name) == ["Billing"])
    /// }
    /// ```
    ///
    /// Every call builds a new org, so tests running in parallel never share state.
    /// - Parameters:
    ///   - seed: Divisions and users (its `state` file is not applied; use `RoutingSync` for that).
    ///   - configuration: The org's behaviour (rate limit, lag, clients).
    /// - Returns: The org and ``makeClient(clientID:secret:rateLimit:retryPolicy:logger:)``'s client.
    /// - Throws: ``FakeOrgError`` when the seed is inconsistent.
    public static func seeded(
        _ seed: FakeOrgSeed = .sample, configuration: Configuration = Configuration()
    ) throws -> (org: FakeGenesysOrg, client: GenesysClient) {
        let org = try FakeGenesysOrg(seed: seed, configuration: configuration)
        return (org, org.makeClient())
    }
}
