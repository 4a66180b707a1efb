import Foundation
import Testing

@Suite("connecting")
struct ConnectionTests {
    @Test("no credentials and no --fake: one line naming the variables to set, exit 1")
    func missingCredentials() async throws {
        for command in [["plan", Fixtures.contactCenter], ["export"], ["report", "impact"], ["search", "skills", "B"]] {
            let run = await runCLI(command)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderrLines.count == 1)
            let line = try #require(run.stderrLines.first)
            #expect(line.hasPrefix("error: "))
            #expect(line.contains("GENESYS_CLIENT_ID"))
            #expect(line.contains("GENESYS_CLIENT_SECRET"))
            #expect(line.contains("--fake"))
        }
        let halfway = await runCLI(["export"], environment: ["GENESYS_CLIENT_ID": "abc"])
        #expect(halfway.stderr.contains("(GENESYS_CLIENT_SECRET not set)"))
    }

    @Test("plain http:// to a host that is not loopback is refused", arguments: [
        (["--api-url", "http://example.com"], "--api-url"),
        (["--api-url", "https://api.example.com", "--login-url", "http://login.example.com"], "--login-url"),
    ])
    func httpRefused(flags: [String], source: String) async throws {
        let run = await runCLI(["export"] + flags, environment: ["GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "secret"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        let line = try #require(run.stderrLines.first)
        #expect(line.hasPrefix("error: \(source): "))
        #expect(line.contains("loopback"))
    }

    @Test("GENESYS_API_URL is read from the environment and checked the same way")
    func apiURLFromEnvironment() async {
        let run = await runCLI(["export"], environment: [
            "GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "secret", "GENESYS_API_URL": "http://example.com",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: GENESYS_API_URL: "))
    }

    @Test("an unknown region is one line naming the flag")
    func unknownRegion() async {
        let run = await runCLI(["export", "--region", "narnia"], environment: ["GENESYS_CLIENT_ID": "id", "GENESYS_CLIENT_SECRET": "secret"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.hasPrefix("error: --region: unknown Genesys region \"narnia\""))
    }

    @Test("--fake options need --fake, and --fake excludes the connection flags")
    func fakeOptionCombinations() async {
        let seedWithoutFake = await runCLI(["export", "--fake-state", "/tmp/x.json"])
        #expect(seedWithoutFake.status == 1)
        #expect(seedWithoutFake.stderr.hasPrefix("error: --fake-state needs --fake"))
        let regionWithFake = await runCLI(["export", "--fake", "--region", "eu_west_1"])
        #expect(regionWithFake.status == 1)
        #expect(regionWithFake.stderr.contains("--region cannot be combined with --fake"))
    }

    @Test("--fake says on stderr that the org is fake and uses the environment's client when set")
    func fakeCredentials() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let custom = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "-v"], environment: [
            "GENESYS_CLIENT_ID": "my-client", "GENESYS_CLIENT_SECRET": "my-secret",
        ])
        #expect(custom.status == 0)
        #expect(custom.stderrLines.first?.hasPrefix("note: using an in-memory fake Genesys org (--fake)") == true)
        // The org accepts only my-client / my-secret now, so success proves the CLI used that pair.
        #expect(custom.stderr.contains("clientId=my-client"))
        let standard = await runCLI(["plan", state, "--fake", "--fake-seed", seed])
        #expect(standard.status == 0)
    }

    @Test("secrets never appear in any output, verbose included")
    func secretsNeverPrinted() async throws {
        let marker = "S3CRET-MARKER-\(UUID().uuidString)"
        let environment = ["GENESYS_CLIENT_ID": "cli-test-client", "GENESYS_CLIENT_SECRET": marker]
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", directory.path("org.json"), "--verbose"]
        var everything = ""
        for command in [
            ["plan", state], ["apply", state], ["apply", state, "--format", "json"], ["plan", state, "--format", "json"],
            ["export"], ["report", "impact"], ["search", "skills", "B"],
        ] {
            let run = await runCLI(command + fake, environment: environment)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            everything += run.all
        }
        // Error paths that stop before any request (no network in tests).
        for command in [["export", "--api-url", "http://example.com"], ["export", "--region", "nowhere"], ["plan", "/missing.yaml"]] {
            everything += await runCLI(command + ["--verbose"], environment: environment).all
        }
        #expect(everything.contains("debug"), "verbose logging was on")
        #expect(!everything.contains(marker))
        let saved = try String(contentsOfFile: directory.path("org.json"), encoding: .utf8)
        #expect(!saved.contains(marker))
    }
}
