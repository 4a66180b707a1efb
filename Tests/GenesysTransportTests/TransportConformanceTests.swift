#if AsyncHTTPClientSupport
import AsyncHTTPClient
#endif
import Foundation
import GenesysTesting
import GenesysAsyncHTTPClient
import GenesysCore
import GenesysURLSession
import HTTPTypes
import Logging
import Testing

/// The transports under test.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession
    #if AsyncHTTPClientSupport
    case asyncHTTPClient
    #endif

    func make() -> any HTTPTransport {
        switch self {
        case .urlSession: return URLSessionTransport()
        #if AsyncHTTPClientSupport
        case .asyncHTTPClient: return AsyncHTTPClientTransport()
        #endif
        }
    }

    var testDescription: String { rawValue }
}

@Suite("HTTPTransport conformance (loopback server)")
struct TransportConformanceTests {
    static let logger = Logger(label: "transport-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func options(timeout: Duration = .seconds(10), maxResponseBytes: Int = 1 << 20) -> TransportOptions {
        TransportOptions(operation: "test.transport", timeout: timeout, maxResponseBytes: maxResponseBytes, logger: logger)
    }

    static func request(_ server: LoopbackServer, _ path: String) -> HTTPRequest {
        request(.get, server, path)
    }

    static func request(_ method: HTTPRequest.Method, _ server: LoopbackServer, _ path: String, headers: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: method, scheme: "http", authority: server.authority, path: path, headerFields: headers)
    }

    @Test("method, path, query, header fields and body reach the server exactly",
          arguments: TransportKind.allCases, [HTTPRequest.Method.get, .post, .put, .patch, .delete])
    func echo(kind: TransportKind, method: HTTPRequest.Method) async throws {
        try await LoopbackServer.with { server in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer abc.def"
            headers[.accept] = "application/json"
            headers[HTTPField.Name("X-Test-Header")!] = "value with spaces; and=symbols"
            let body: Data? = method == .get || method == .delete ? nil : Data(#"{"name":"Skill é ✓","n":1}"#.utf8)
            if body != nil { headers[.contentType] = "application/json" }
            let request = Self.request(method, server, "/echo/api/v2/routing/skills/a%2Fb?name=x%20y&id=1&id=2", headers: headers)

            let response = try await kind.make().send(request, body: body, options: Self.options())

            #expect(response.head.status == .ok)
            let echo = try JSONDecoder().decode(LoopbackServer.Echo.self, from: response.body)
            #expect(echo.method == method.rawValue)
            #expect(echo.path == "/echo/api/v2/routing/skills/a%2Fb")
            #expect(echo.query == "name=x%20y&id=1&id=2")
            #expect(echo.values("Authorization") == ["Bearer abc.def"])
            #expect(echo.values("Accept") == ["application/json"])
            #expect(echo.values("X-Test-Header") == ["value with spaces; and=symbols"])
            #expect(echo.body == body.map { String(decoding: $0, as: UTF8.self) } ?? "")
            if body != nil { #expect(echo.values("Content-Type") == ["application/json"]) }
        }
    }

    @Test("status codes come back as sent, with Retry-After preserved on 429",
          arguments: TransportKind.allCases, [200, 204, 404, 429, 500])
    func statusCodes(kind: TransportKind, status: Int) async throws {
        try await LoopbackServer.with { server in
            let response = try await kind.make().send(Self.request(server, "/status/\(status)"), body: nil, options: Self.options())
            #expect(response.head.status.code == status)
            #expect(response.body.isEmpty)
            if status == 429 { #expect(response.head.headerFields[.retryAfter] == "7") }
        }
    }

    @Test("repeated response header fields keep all their values", arguments: TransportKind.allCases)
    func multiValueHeaders(kind: TransportKind) async throws {
        try await LoopbackServer.with { server in
            let response = try await kind.make().send(Self.request(server, "/multi"), body: nil, options: Self.options())
            let name = HTTPField.Name("X-Multi")!
            // AsyncHTTPClient keeps two fields; URLSession combines them into "a, b". Both mean the same.
            #expect(response.head.headerFields[name] == "a, b")
            #expect(response.head.headerFields[values: name].joined(separator: ", ") == "a, b")
            #expect(String(decoding: response.body, as: UTF8.self) == "multi")
        }
    }

    @Test("an empty body is an empty Data", arguments: TransportKind.allCases)
    func emptyBody(kind: TransportKind) async throws {
        try await LoopbackServer.with { server in
            let response = try await kind.make().send(Self.request(server, "/empty"), body: nil, options: Self.options())
            #expect(response.head.status == .ok)
            #expect(response.body.isEmpty)
        }
    }

    @Test("a body of exactly maxResponseBytes is accepted", arguments: TransportKind.allCases)
    func bodyAtLimit(kind: TransportKind) async throws {
        try await LoopbackServer.with { server in
            let response = try await kind.make().send(
                Self.request(server, "/bytes/4096"), body: nil, options: Self.options(maxResponseBytes: 4096)
            )
            #expect(response.body.count == 4096)
        }
    }

    @Test("a body over maxResponseBytes fails with responseTooLarge",
          arguments: TransportKind.allCases, ["/bytes/65536", "/chunked/65536"])
    func bodyTooLarge(kind: TransportKind, path: String) async throws {
        try await LoopbackServer.with { server in
            let error = await #expect(throws: TransportError.self) {
                try await kind.make().send(Self.request(server, path), body: nil, options: Self.options(maxResponseBytes: 1024))
            }
            #expect(error?.kind == .responseTooLarge)
        }
    }

    @Test("a server that does not answer in time fails with timedOut", arguments: TransportKind.allCases, ["/slow", "/stall"])
    func timeout(kind: TransportKind, path: String) async throws {
        try await LoopbackServer.with { server in
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: TransportError.self) {
                try await kind.make().send(Self.request(server, path), body: nil, options: Self.options(timeout: .milliseconds(300)))
            }
            #expect(error?.kind == .timedOut)
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test("cancelling the calling task ends the request promptly with CancellationError", arguments: TransportKind.allCases)
    func cancellation(kind: TransportKind) async throws {
        try await LoopbackServer.with { server in
            let transport = kind.make()
            let request = Self.request(server, "/slow")
            let task = Task { try await transport.send(request, body: nil, options: Self.options(timeout: .seconds(20))) }
            var arrivals = server.arrivals.makeAsyncIterator()
            #expect(await arrivals.next() == "/slow")

            let clock = ContinuousClock()
            let start = clock.now
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test("a refused connection fails with connectFailed and nothing processed", arguments: TransportKind.allCases)
    func connectionRefused(kind: TransportKind) async throws {
        let closed = try LoopbackServer.closedPort()
        defer { closed.close() }
        let request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:\(closed.port)", path: "/echo")

        // `HTTPClient.shared` retries connecting until the deadline, so the AsyncHTTPClient case uses its own
        // client that does not: the refusal then comes back at once, as with URLSession, and the generous
        // deadline only keeps a busy machine from turning it into a timeout.
        #if AsyncHTTPClientSupport
        let ownClient = kind == .asyncHTTPClient ? Self.clientWithoutConnectRetries() : nil
        let transport: any HTTPTransport = ownClient.map { AsyncHTTPClientTransport(client: $0) } ?? kind.make()
        #else
        let transport = kind.make()
        #endif

        let error = await #expect(throws: TransportError.self) {
            try await transport.send(request, body: Data("{}".utf8), options: Self.options(timeout: .seconds(15)))
        }
        #expect(error?.kind == .connectFailed)
        #expect(error?.requestMayHaveBeenProcessed == false)

        #if AsyncHTTPClientSupport
        try await ownClient?.shutdown()
        #endif
    }

    #if AsyncHTTPClientSupport
    /// A client of its own (shut it down) that reports a failed connection attempt at once instead of
    /// retrying it until the deadline.
    static func clientWithoutConnectRetries() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
    #endif
}
