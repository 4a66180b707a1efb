import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenesysRoutingCLI
import GenesysTesting
import Testing

/// Commands against a "real" org: a URL given with `--api-url`, reached over HTTP through the CLI's own
/// transport (on Linux with the `AsyncHTTPClientSupport` trait, an `HTTPClient` the CLI creates and shuts
/// down when the command ends; with `--verbose` it logs that, which these tests check on each path).
@Suite("connecting to an org over HTTP")
struct RealOrgConnectionTests {
    static let clientID = "cli-test-client"

    /// Whether the CLI creates (and must shut down) an HTTP client of its own for a real org.
    static var ownsHTTPClient: Bool {
        #if AsyncHTTPClientSupport && !canImport(Darwin)
        true
        #else
        false
        #endif
    }

    /// Expects the `--verbose` log line saying the CLI's HTTP client was shut down, when it has one.
    static func expectShutDown(_ run: CLIRun, _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        guard ownsHTTPClient else { return }
        #expect(run.stderr.contains("HTTP client shut down"), "\(comment) \(run.stderr)", sourceLocation: sourceLocation)
    }

    @Test("an API URL nobody listens on: exit 1, one line naming the host and the network / login-URL hint")
    func unreachable() async throws {
        let closed = try ClosedPort()
        defer { closed.close() }
        let marker = "S3CRET-MARKER-\(UUID().uuidString)"
        let environment = ["GENESYS_CLIENT_ID": Self.clientID, "GENESYS_CLIENT_SECRET": marker]
        for command in [["plan", Fixtures.contactCenter], ["export"]] {
            let run = await runCLI(command + ["--api-url", "http://127.0.0.1:\(closed.port)"], environment: environment)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderrLines.count == 1, "\(command): \(run.stderr)")
            let line = try #require(run.stderrLines.first)
            #expect(line.hasPrefix("error: "))
            // The refused token request is reported (not a timeout), naming the host it tried.
            #expect(line.contains("could not reach 127.0.0.1:\(closed.port)"), "\(line)")
            // The CLI's hint: the network and the login URL, with the variables and flags that set it.
            #expect(line.contains("Check the network connection and the login URL"), "\(line)")
            #expect(line.contains("--login-url"))
            #expect(line.contains("GENESYS_REGION"))
            #expect(!line.contains("GENESYS_CLIENT_SECRET"), "not a credentials problem: \(line)")
            #expect(!run.all.contains(marker))

            // The same failure with --verbose: the client is shut down on this error path too.
            let verbose = await runCLI(command + ["--api-url", "http://127.0.0.1:\(closed.port)", "--verbose"], environment: environment)
            #expect(verbose.status == 1)
            #expect(verbose.stderrLines.filter { $0.hasPrefix("error: ") } == [line])
            Self.expectShutDown(verbose, "\(command)")
            #expect(!verbose.all.contains(marker))
        }
    }

    @Test("a wrong client secret: exit 1, one line naming GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET, never the secret")
    func wrongSecret() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        try await Self.withFakeServer(seed: seed, secret: "the-right-secret") { url in
            // The right pair works through the same path (so the failure below is the secret's).
            let good = await runCLI(["plan", state, "--api-url", url.absoluteString, "--verbose"], environment: [
                "GENESYS_CLIENT_ID": Self.clientID, "GENESYS_CLIENT_SECRET": "the-right-secret",
            ])
            #expect(good.status == 0, "\(good.stderr)")
            #expect(good.stdout.contains("Billing"))
            Self.expectShutDown(good, "success")

            let marker = "S3CRET-MARKER-\(UUID().uuidString)"
            let bad = await runCLI(["plan", state, "--api-url", url.absoluteString, "--verbose"], environment: [
                "GENESYS_CLIENT_ID": Self.clientID, "GENESYS_CLIENT_SECRET": marker,
            ])
            #expect(bad.status == 1)
            #expect(bad.stdout.isEmpty)
            let errors = bad.stderrLines.filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 1, "\(bad.stderr)")
            let line = try #require(errors.first)
            #expect(line.contains("GENESYS_CLIENT_ID"), "\(line)")
            #expect(line.contains("GENESYS_CLIENT_SECRET"), "\(line)")
            #expect(line.contains("region"))
            #expect(line.contains(Self.clientID), "the client id is named, the secret never")
            #expect(!bad.all.contains(marker))
            Self.expectShutDown(bad, "wrong secret")
        }
    }

    @Test("serve against an org over HTTP stops cleanly when interrupted")
    func serveStops() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (_, seed) = try Fixtures.writeSmall(in: directory)
        try await Self.withFakeServer(seed: seed, secret: "the-right-secret") { url in
            let (environment, output) = CLIEnvironment.captured(variables: [
                "GENESYS_CLIENT_ID": Self.clientID, "GENESYS_CLIENT_SECRET": "the-right-secret",
            ])
            let serve = Task {
                await CommandRunner.run(["serve", "--port", "0", "--api-url", url.absoluteString, "--verbose"], environment: environment)
            }
            defer { serve.cancel() }
            let base = try await ServeCommandTests.waitForURL(output, server: serve)
            let (body, response) = try await ServeCommandTests.get(base.appending(path: "api/reports/impact"))
            #expect(response.statusCode == 200, "\(body)")
            serve.cancel()
            #expect(await serve.value == 0, "\(output.standardError.text)")
            if Self.ownsHTTPClient { #expect(output.standardError.text.contains("HTTP client shut down")) }
        }
    }

    /// Runs `fake-server` in process (accepting ``clientID`` / `secret`, seeded from `seed`), runs `body`
    /// with its base URL, then stops it.
    static func withFakeServer(seed: String, secret: String, _ body: (URL) async throws -> Void) async throws {
        let (environment, output) = CLIEnvironment.captured(variables: [
            "GENESYS_CLIENT_ID": clientID, "GENESYS_CLIENT_SECRET": secret,
        ])
        let server = Task {
            await CommandRunner.run(["fake-server", "--port", "0", "--seed", seed, "--rate-limit", "off"], environment: environment)
        }
        defer { server.cancel() }
        let url = try await ServeCommandTests.waitForURL(output, server: server)
        try await body(url)
        server.cancel()
        #expect(await server.value == 0, "\(output.standardError.text)")
    }
}
