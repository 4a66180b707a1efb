import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenesysRoutingCLI
import Testing

@Suite("serve")
struct ServeCommandTests {
    @Test("serves /health, /api/skills/search and /api/reports/impact on loopback, then stops")
    func endpoints() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await ExportReportSearchTests.appliedOrg(in: directory)

        let (environment, output) = CLIEnvironment.captured()
        let server = Task { await CommandRunner.run(["serve", "--port", "0"] + fake, environment: environment) }
        defer { server.cancel() }
        let baseURL = try await Self.waitForURL(output)
        #expect(baseURL.host() == "127.0.0.1")

        let (healthBody, health) = try await Self.get(baseURL.appending(path: "health"))
        #expect(health.statusCode == 200)
        #expect(try parseJSONObject(healthBody)["status"] as? String == "ok")

        let (searchBody, search) = try await Self.get(URL(string: "\(baseURL.absoluteString)/api/skills/search?q=Re&page=1&size=1")!)
        #expect(search.statusCode == 200)
        #expect(search.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/json") == true)
        let json = try parseJSONObject(searchBody)
        #expect(json["total"] as? Int == 2)
        #expect(json["pageCount"] as? Int == 2)
        #expect((json["skills"] as? [[String: Any]])?.first?["name"] as? String == "Refunds")

        let (badBody, bad) = try await Self.get(URL(string: "\(baseURL.absoluteString)/api/skills/search?q=x&size=0")!)
        #expect(bad.statusCode == 400)
        #expect(try parseJSONObject(badBody)["error"] as? String != nil)

        let (csv, impact) = try await Self.get(baseURL.appending(path: "api/reports/impact"))
        #expect(impact.statusCode == 200)
        #expect(impact.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/csv") == true)
        #expect(csv.hasPrefix("skill,agentCount,agents,skillGroups,queues\r\n"))
        #expect(csv.contains("Billing,6,"))

        server.cancel()
        let status = await server.value
        #expect(status == 0)
        #expect(output.standardError.text.contains("Serving the fake org at \(baseURL.absoluteString)"))
    }

    @Test("a host that is not loopback is refused unless --allow-remote")
    func remoteRefused() async {
        let run = await runCLI(["serve", "--host", "0.0.0.0", "--fake"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("--allow-remote"))
        let help = await runCLI(["serve", "--help"])
        #expect(help.stdout.contains("--allow-remote"))
        #expect(help.stdout.contains("loopback"))
    }

    static func waitForURL(_ output: CapturedOutput) async throws -> URL {
        for _ in 0..<200 {
            if let line = output.standardOutput.lines.first, let url = URL(string: line) { return url }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("serve printed no URL; stderr: \(output.standardError.text)")
        throw CancellationError()
    }

    static func get(_ url: URL) async throws -> (String, HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return (String(decoding: data, as: UTF8.self), try #require(response as? HTTPURLResponse))
    }
}
