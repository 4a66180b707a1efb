import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenesysRoutingCLI
import Testing

/// `--version`, the confirmations and messages of issue #12, and `serve --metrics`.
@Suite("Version, confirmations, paging message, serve --metrics")
struct ConsumerPolishTests {
    @Test("--version prints the version on stdout and exits 0")
    func version() async {
        let run = await runCLI(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == GenesysRoutingCommand.version + "\n")
    }

    @Test("report impact -o confirms on stderr like export -o; search past the last page says so")
    func confirmationsAndPaging() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await ExportReportSearchTests.appliedOrg(in: directory)

        let file = directory.path("impact.csv")
        let report = await runCLI(["report", "impact", "-o", file] + fake)
        #expect(report.status == 0)
        #expect(report.stdout.isEmpty)
        #expect(report.stderrLines.last == "Wrote the impact report to \(file) (12 skills).")

        let beyond = await runCLI(["search", "skills", "re", "--page", "99"] + fake)
        #expect(beyond.status == 0)
        #expect(beyond.stdout.isEmpty)
        #expect(!beyond.stderr.contains("page 99 of 1"))
        #expect(beyond.stderrLines.last == "page 99 is past the last page (1 page of 2 skills at --size 25)")
    }

    @Test("serve --metrics: GET /metrics in Prometheus text with the SDK's request counters; the CSV is an attachment")
    func serveMetrics() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await ExportReportSearchTests.appliedOrg(in: directory)

        let (environment, output) = CLIEnvironment.captured()
        let server = Task { await CommandRunner.run(["serve", "--port", "0", "--metrics"] + fake, environment: environment) }
        defer { server.cancel() }
        let baseURL = try await ServeCommandTests.waitForURL(output, server: server)

        let (_, impact) = try await ServeCommandTests.get(baseURL.appending(path: "api/reports/impact"))
        #expect(impact.statusCode == 200)
        #expect(impact.value(forHTTPHeaderField: "Content-Disposition") == "attachment; filename=\"routing-impact.csv\"")

        let (text, metrics) = try await ServeCommandTests.get(baseURL.appending(path: "metrics"))
        #expect(metrics.statusCode == 200)
        #expect(metrics.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(text.contains("# TYPE genesys_requests_total counter"))
        #expect(text.contains(#"genesys_requests_total{operation="routing.listSkills",method="GET",status_class="2xx"}"#))
        #expect(text.contains("genesys_request_duration_seconds"))

        server.cancel()
        #expect(await server.value == 0)
    }

    @Test("without --metrics there is no /metrics")
    func noMetricsByDefault() async throws {
        let (environment, output) = CLIEnvironment.captured()
        let server = Task { await CommandRunner.run(["serve", "--port", "0", "--fake"], environment: environment) }
        defer { server.cancel() }
        let baseURL = try await ServeCommandTests.waitForURL(output, server: server)
        let (_, metrics) = try await ServeCommandTests.get(baseURL.appending(path: "metrics"))
        #expect(metrics.statusCode == 404)
        server.cancel()
        _ = await server.value
    }
}
