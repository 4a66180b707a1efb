import Foundation
import GenesysRoutingCLI
import RoutingSync
import Testing

/// Issue #13: org profiles (`--org`, `GENESYS_ORG`, `credentialProcess`) and `diff`.
@Suite("org profiles and diff")
struct ProfilesAndDiffTests {
    /// Runs the CLI with `directory` as the working directory (where `genesys-routing.yaml` is looked for).
    static func run(_ arguments: [String], in directory: TemporaryDirectory, variables: [String: String] = [:]) async -> CLIRun {
        var (environment, output) = CLIEnvironment.captured(variables: variables)
        environment.workingDirectory = directory.url.path
        environment.homeDirectory = directory.path("home")
        let status = await CommandRunner.run(arguments, environment: environment)
        return CLIRun(status: status, output: output)
    }

    /// Two fake orgs from the same seed, kept in two state files.
    static func twoOrgs() throws -> (TemporaryDirectory, state: String) {
        let directory = try TemporaryDirectory()
        let (state, _) = try Fixtures.writeSmall(in: directory)
        try directory.write("genesys-routing.yaml", """
            orgs:
              test: {fake: {seed: seed.yaml, state: test-org.json}}
              prod: {fake: {seed: seed.yaml, state: prod-org.json}}
            """)
        return (directory, state)
    }

    @Test("diff between two fake orgs round-trips: after applying it, a second diff is empty")
    func roundTrip() async throws {
        let (directory, state) = try Self.twoOrgs()
        defer { directory.cleanUp() }
        #expect(await Self.run(["apply", state, "--org", "test"], in: directory).status == 0)

        let first = await Self.run(["diff", "--source-org", "test", "--target-org", "prod", "--detailed-exitcode"], in: directory)
        #expect(first.status == 2, "\(first.all)")
        #expect(first.stdout.contains("  + create skill group \"Billing Experts\""))
        #expect(first.stdout.contains("Routing impact ("))

        let json = await Self.run(["diff", "--source-org", "test", "--target-org", "prod", "--format", "json"], in: directory)
        #expect(Set(try parseJSONObject(json.stdout).keys) == ["changes", "summary", "impact"])

        let exported = directory.path("test.yaml")
        #expect(await Self.run(["export", "--org", "test", "--output", exported], in: directory).status == 0)
        #expect(await Self.run(["apply", exported], in: directory, variables: ["GENESYS_ORG": "prod"]).status == 0)

        let second = await Self.run(["diff", "--source-org", "test", "--target-org", "prod", "--detailed-exitcode"], in: directory)
        #expect(second.status == 0, "\(second.all)")
        #expect(second.stdout == "No changes. The org matches the file.\n")
    }

    @Test("objects only in the target are deletes only with --prune")
    func prune() async throws {
        let (directory, state) = try Self.twoOrgs()
        defer { directory.cleanUp() }
        #expect(await Self.run(["apply", state, "--org", "prod"], in: directory).status == 0)
        let plain = await Self.run(["diff", "--source-org", "test", "--target-org", "prod", "--format", "json"], in: directory)
        let plainSummary = try #require(try parseJSONObject(plain.stdout)["summary"] as? [String: Int])
        #expect(plainSummary["delete"] == 0)
        let pruned = await Self.run(["diff", "--source-org", "test", "--target-org", "prod", "--prune", "--format", "json"], in: directory)
        let summary = try #require(try parseJSONObject(pruned.stdout)["summary"] as? [String: Int])
        #expect(summary["delete"] == 7, "3 skills, 1 language, 1 wrap-up code, 1 skill group, 1 queue: \(pruned.all)")
    }

    @Test("a credential process that fails, prints garbage or hangs: one line naming the profile, its output never shown", arguments: [
        ("echo SECRET-OUT; echo SECRET-ERR >&2; exit 3", "failed (exit status 3)"),
        ("echo '{\"clientId\": \"SECRET-OUT\"}'", "did not print {\"clientId\", \"clientSecret\"} JSON"),
        ("echo SECRET-OUT; exec sleep 30", "did not finish within 0.3 s"),
    ])
    func credentialProcess(command: String, expected: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, _) = try Fixtures.writeSmall(in: directory)
        let quoted = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try directory.write("genesys-routing.yaml", "orgs:\n  prod: {region: eu_west_1, credentials: {credentialProcess: \"\(quoted)\"}}\n")
        let run = await Self.run(["plan", state, "--org", "prod"], in: directory, variables: ["GENESYS_CREDENTIAL_PROCESS_TIMEOUT": "0.3"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1, "\(run.stderrLines)")
        #expect(run.stderr.contains("org profile \"prod\": credentialProcess \(expected)"), "\(run.stderr)")
        #expect(!run.all.contains("SECRET"))
    }

    @Test("a profile file with a secret in it, or an unknown profile, is refused naming the file and profile")
    func badProfiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, _) = try Fixtures.writeSmall(in: directory)
        try directory.write("genesys-routing.yaml", "orgs:\n  prod: {region: eu_west_1, credentials: {clientId: abc, clientSecret: hunter2}}\n")
        let secret = await Self.run(["plan", state, "--org", "prod"], in: directory)
        #expect(secret.status == 1)
        #expect(secret.stderr.contains("genesys-routing.yaml: org profile \"prod\" credentials: clientId is not allowed"), "\(secret.stderr)")
        #expect(!secret.all.contains("hunter2"))
        try directory.write("genesys-routing.yaml", "orgs:\n  prod: {region: eu_west_1, credentials: {clientIdEnv: A, clientSecretEnv: B}}\n")
        let unknown = await Self.run(["plan", state], in: directory, variables: ["GENESYS_ORG": "staging"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no org profile \"staging\" (profiles: prod)"), "\(unknown.stderr)")
    }

    @Test("credentials from environment variables a profile names; the working directory's file wins over the home one")
    func environmentCredentials() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.createDirectory(atPath: directory.path("home/.config/genesys-routing"), withIntermediateDirectories: true)
        try directory.write("home/.config/genesys-routing/config.yaml", "orgs: {}\n")
        #expect(OrgProfiles.locate(workingDirectory: directory.url.path, homeDirectory: directory.path("home")) == directory.path("home/.config/genesys-routing/config.yaml"))
        try directory.write("genesys-routing.yaml", "orgs:\n  test: {region: eu_west_1, tokens: 4, credentials: {clientIdEnv: TEST_ID, clientSecretEnv: TEST_SECRET}}\n")
        let path = try #require(OrgProfiles.locate(workingDirectory: directory.url.path, homeDirectory: directory.path("home")))
        #expect(path == directory.path("genesys-routing.yaml"))
        let profile = try OrgProfiles.load(contentsOf: path).profile(named: "test")
        #expect(profile.region == "eu_west_1" && profile.tokens == 4)
        #expect(profile.credentials == .environment(clientIDVariable: "TEST_ID", clientSecretVariable: "TEST_SECRET"))
    }
}
