#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import GenesysRoutingCLI
import GenesysRouting
import GenesysTesting
import Logging
import Testing

/// `serve` on a network: timeouts and size limits, a bearer token beyond loopback, `/ready`.
@Suite("serve hardening")
struct ServeHardeningTests {
    static let token = "s3cret-serve-token-0123456789"

    /// Starts `serve` with `arguments` on a free loopback port; returns the task and the base URL.
    static func start(_ arguments: [String], variables: [String: String] = [:]) async throws -> (Task<Int32, Never>, URL, CapturedOutput) {
        let (environment, output) = CLIEnvironment.captured(variables: variables)
        let server = Task { await CommandRunner.run(["serve", "--port", "0", "--fake"] + arguments, environment: environment) }
        let url = try await ServeCommandTests.waitForURL(output, server: server)
        return (server, url, output)
    }

    static func get(_ url: URL, bearer: String? = nil) async throws -> (String, HTTPURLResponse) {
        var request = URLRequest(url: url)
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (String(decoding: data, as: UTF8.self), try #require(response as? HTTPURLResponse))
    }

    @Test("--allow-remote beyond loopback without GENESYS_ROUTING_SERVE_TOKEN refuses to start")
    func remoteNeedsToken() async {
        let run = await runCLI(["serve", "--host", "0.0.0.0", "--allow-remote", "--port", "0", "--fake"])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("GENESYS_ROUTING_SERVE_TOKEN"))
        #expect(run.stdout.isEmpty)

        let short = await runCLI(["serve", "--host", "0.0.0.0", "--allow-remote", "--port", "0", "--fake"], environment: ["GENESYS_ROUTING_SERVE_TOKEN": "short"])
        #expect(short.status == 1)
        #expect(short.stderr.contains("too short"))
    }

    @Test("with a token, every route but /health needs 'Authorization: Bearer <token>'; the token is never printed")
    func bearerToken() async throws {
        let (server, baseURL, output) = try await Self.start(
            ["--host", "0.0.0.0", "--allow-remote"], variables: ["GENESYS_ROUTING_SERVE_TOKEN": Self.token])
        defer { server.cancel() }
        // Listening on every interface; reached here over loopback.
        let port = try #require(baseURL.port)
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let search = base.appending(path: "api/skills/search")

        let (_, health) = try await Self.get(base.appending(path: "health"))
        #expect(health.statusCode == 200)
        let (body, missing) = try await Self.get(search)
        #expect(missing.statusCode == 401)
        #expect(missing.value(forHTTPHeaderField: "WWW-Authenticate") == "Bearer")
        #expect(try parseJSONObject(body)["error"] as? String != nil)
        let (_, wrong) = try await Self.get(search, bearer: Self.token + "x")
        #expect(wrong.statusCode == 401)
        let (_, prefix) = try await Self.get(search, bearer: String(Self.token.dropLast()))
        #expect(prefix.statusCode == 401)
        let (_, right) = try await Self.get(search, bearer: Self.token)
        #expect(right.statusCode == 200)
        let (_, ready) = try await Self.get(base.appending(path: "ready"))
        #expect(ready.statusCode == 401)

        server.cancel()
        #expect(await server.value == 0)
        #expect(!output.all.contains(Self.token))
        #expect(output.standardError.text.contains("bearer token required"))
    }

    @Test("a connection that stops half-way through its headers is closed after --read-timeout")
    func headerReadTimeout() async throws {
        let (server, baseURL, _) = try await Self.start(["--read-timeout", "0.3"])
        defer { server.cancel() }
        let port = try #require(baseURL.port)

        let socket = try RawConnection(port: port)
        defer { socket.close() }
        socket.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let started = ContinuousClock.now
        // The server closes the connection (end of file) without answering; the receive timeout (5 s) is
        // only a guard against a hang.
        let answer = socket.receiveAll(timeoutSeconds: 5)
        #expect(answer.closed, "connection still open after \(ContinuousClock.now - started)")
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(answer.text.isEmpty || answer.text.hasPrefix("HTTP/1.1 4"), "\(answer.text)")

        // The server still serves.
        let (_, health) = try await Self.get(baseURL.appending(path: "health"))
        #expect(health.statusCode == 200)
    }

    @Test("oversized headers and bodies are refused")
    func sizeLimits() async throws {
        let (server, baseURL, _) = try await Self.start([])
        defer { server.cancel() }
        let port = try #require(baseURL.port)

        let headers = try RawConnection(port: port)
        defer { headers.close() }
        headers.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n")
        let headerAnswer = headers.receiveAll(timeoutSeconds: 5)
        #expect(!headerAnswer.text.hasPrefix("HTTP/1.1 200"), "\(headerAnswer.text.prefix(200))")
        #expect(headerAnswer.closed || headerAnswer.text.hasPrefix("HTTP/1.1 4"))

        let body = try RawConnection(port: port)
        defer { body.close() }
        body.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n")
        let bodyAnswer = body.receiveAll(timeoutSeconds: 5, stopAfterHead: true)
        #expect(bodyAnswer.text.hasPrefix("HTTP/1.1 413"), "\(bodyAnswer.text.prefix(200))")
    }

    @Test("/ready answers 503 with a one-line reason when the org does not answer, cached for 5 s")
    func readiness() async throws {
        let org = FakeGenesysOrg()
        let clock = ManualClock()
        let routing = RoutingAPI(client: org.makeClient(clientID: FakeGenesysOrg.defaultClientID, secret: FakeGenesysOrg.defaultClientSecret))
        let server = LocalAPIServer(routing: routing, host: "127.0.0.1", port: 0, clock: clock, logger: Logger(label: "test"))
        let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
        let running = Task { try await server.run(handlingSignals: false) { continuation.yield($0) } }
        defer { running.cancel() }
        var iterator = urls.makeAsyncIterator()
        let base = try #require(await iterator.next())
        let ready = base.appending(path: "ready")

        let (okBody, ok) = try await Self.get(ready)
        #expect(ok.statusCode == 200)
        #expect(try parseJSONObject(okBody)["status"] as? String == "ready")
        let readsBefore = org.count(pathPrefix: "/api/v2/routing/skills")
        #expect(readsBefore == 1)

        let fault = org.addFault(FakeFault(.connectFailed))
        let (_, cached) = try await Self.get(ready)
        #expect(cached.statusCode == 200)
        #expect(org.count(pathPrefix: "/api/v2/routing/skills") == readsBefore)

        clock.advance(by: .seconds(6))
        let (downBody, down) = try await Self.get(ready)
        #expect(down.statusCode == 503)
        let reason = try parseJSONObject(downBody)
        #expect(reason["status"] as? String == "unavailable")
        let error = try #require(reason["error"] as? String)
        #expect(!error.isEmpty && !error.contains("\n"))
        let (_, health) = try await Self.get(base.appending(path: "health"))
        #expect(health.statusCode == 200)

        org.removeFault(fault)
        clock.advance(by: .seconds(6))
        let (_, back) = try await Self.get(ready)
        #expect(back.statusCode == 200)
    }
}

extension ServeHardeningTests {
    @Test("/ready gives up on an org that does not answer within 10 s (on the injected clock)")
    func readinessTimeout() async throws {
        let orgClock = ManualClock()
        let org = FakeGenesysOrg(clock: orgClock)
        org.addFault(FakeFault(.delay(.seconds(3_600)), matching: FakeFault.Match(pathPrefix: "/api/v2/routing/skills")))
        let routing = RoutingAPI(client: org.makeClient(clientID: FakeGenesysOrg.defaultClientID, secret: FakeGenesysOrg.defaultClientSecret))
        let clock = ManualClock()
        let probe = ReadinessProbe(routing: routing, clock: clock)
        let answer = Task { await probe.problem() }
        try await clock.waitForSleepers(1)
        clock.advance(by: .seconds(10))
        let problem = await answer.value
        #expect(problem == "reading the org failed: no answer within 10 s")
    }
}

/// A raw TCP connection to 127.0.0.1, to send incomplete or oversized requests.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        #if canImport(Darwin)
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #else
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #endif
            }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads until the server closes the connection (`closed`), or `timeoutSeconds` pass without data, or
    /// (with `stopAfterHead`) a response head has arrived.
    func receiveAll(timeoutSeconds: Int, stopAfterHead: Bool = false) -> (text: String, closed: Bool) {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
            received += buffer[0..<count]
            if stopAfterHead, String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
                return (String(decoding: received, as: UTF8.self), false)
            }
        }
    }

    func close() {
        #if canImport(Darwin)
        _ = Darwin.close(descriptor)
        #else
        _ = Glibc.close(descriptor)
        #endif
    }
}
