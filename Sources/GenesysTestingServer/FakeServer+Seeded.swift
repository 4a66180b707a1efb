public import Foundation
public import GenesysTesting
public import Logging

extension FakeServer {
    /// Serves a fresh org from `seed` (``FakeOrgSeed/sample`` by default) on a free loopback port for the
    /// duration of `body`, then stops: for suites that test other tools (any HTTP client, any language)
    /// against the fake.
    ///
    /// ```swift
    /// @Test func toolReadsSkills() async throws {
    ///     try await FakeServer.withSeededOrg { org, baseURL in
    ///         #expect(try await runMyTool(apiURL: baseURL, loginURL: baseURL) == 0)
    ///     }
    /// }
    /// ```
    /// - Parameters:
    ///   - seed: Divisions and users.
    ///   - configuration: The org's behaviour.
    ///   - logger: The server's logger; discards everything by default.
    ///   - body: Gets the org (for assertions on its state and request log) and the base URL (API and login URL).
    /// - Throws: what `body` throws, ``FakeOrgError`` for an inconsistent seed, or the bind error.
    public static func withSeededOrg<Result>(
        _ seed: FakeOrgSeed = .sample,
        configuration: FakeGenesysOrg.Configuration = FakeGenesysOrg.Configuration(),
        logger: Logger = Logger(label: "genesys.fake-server", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (FakeGenesysOrg, URL) async throws -> Result
    ) async throws -> Result {
        let org = try FakeGenesysOrg(seed: seed, configuration: configuration)
        let server = try FakeServer(org: org, logger: logger)
        let baseURL = try await server.start()
        do {
            let result = try await body(org, baseURL)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
