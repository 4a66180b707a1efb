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
        let baseURL = try await Self.waitForURL(output, server: server)
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

        // A page whose offset would overflow is a 400 with a one-line error, and the server keeps serving.
        let (hugeBody, huge) = try await Self.get(URL(string: "\(baseURL.absoluteString)/api/skills/search?q=x&page=\(Int.max)&size=500")!)
        #expect(huge.statusCode == 400)
        let hugeError = try #require(try parseJSONObject(hugeBody)["error"] as? String)
        #expect(hugeError == "page must be between 1 and 1000000, got \(Int.max)")
        #expect(!hugeError.contains("\n"))
        let (_, tooBigToParse) = try await Self.get(URL(string: "\(baseURL.absoluteString)/api/skills/search?q=x&page=1\(Int.max)")!)
        #expect(tooBigToParse.statusCode == 400)
        let (_, stillServing) = try await Self.get(baseURL.appending(path: "health"))
        #expect(stillServing.statusCode == 200)

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

    /// Waits for the base URL `serve` prints on the first line of stdout: signalled by the captured output as
    /// soon as the line is written, not polled. Throws ``ServeDidNotPrintURL`` (saying what was seen) when
    /// the command ends first or nothing comes within `timeout`.
    static func waitForURL(
        _ output: CapturedOutput, server: Task<Int32, Never>, timeout: Duration = .seconds(60)
    ) async throws -> URL {
        enum Outcome: Sendable { case line(String), exited(Int32), timedOut }
        // `server.value` cannot be cancelled, so it is awaited outside the group and passed on as a stream,
        // which can.
        let (exits, exitContinuation) = AsyncStream.makeStream(of: Int32.self)
        Task {
            exitContinuation.yield(await server.value)
            exitContinuation.finish()
        }
        let outcome = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                for await line in output.standardOutput.lineUpdates() { return .line(line) }
                return nil
            }
            group.addTask {
                for await status in exits { return .exited(status) }
                return nil
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return nil }
                return .timedOut
            }
            var outcome: Outcome?
            while outcome == nil, let next = await group.next() { outcome = next }
            group.cancelAll()
            return outcome ?? .timedOut
        }
        switch outcome {
        case .line(let line):
            if let url = URL(string: line), url.scheme != nil, url.host() != nil { return url }
            throw ServeDidNotPrintURL(problem: "its first line is not a URL", output: output)
        case .exited(let status):
            throw ServeDidNotPrintURL(problem: "the command ended with status \(status) first", output: output)
        case .timedOut:
            throw ServeDidNotPrintURL(problem: "nothing came within \(timeout)", output: output)
        }
    }

    /// `serve` did not print its base URL.
    struct ServeDidNotPrintURL: Error, CustomStringConvertible {
        let problem: String
        let stdout: String
        let stderr: String

        init(problem: String, output: CapturedOutput) {
            self.problem = problem
            stdout = output.standardOutput.text
            stderr = output.standardError.text
        }

        var description: String {
            "waited for 'serve' to print its base URL on the first line of stdout, but \(problem); "
                + "stdout: \(stdout.debugDescription); stderr: \(stderr.debugDescription)"
        }
    }

    static func get(_ url: URL) async throws -> (String, HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return (String(decoding: data, as: UTF8.self), try #require(response as? HTTPURLResponse))
    }
}
