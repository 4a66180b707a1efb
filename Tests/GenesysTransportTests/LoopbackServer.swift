#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GenesysTesting
import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import ServiceLifecycle

/// A loopback HTTP server for the transport conformance suite, bound to 127.0.0.1 on a free port.
///
/// Routes:
/// - `/echo/...`: 200 with a JSON ``Echo`` of the method, path, query, header fields and body;
/// - `/status/<code>`: that status, empty body (`Retry-After: 7` on 429);
/// - `/multi`: `X-Multi: a` and `X-Multi: b` as two header fields;
/// - `/empty`: 200 with an empty body;
/// - `/bytes/<n>`: n bytes with a Content-Length; `/chunked/<n>`: n bytes in 1 KiB chunks without one;
/// - `/slow`: reports its arrival, then never answers (until the server stops);
/// - `/stall`: sends the head and part of the body, then stalls.
struct LoopbackServer: Sendable {
    /// The bound port.
    let port: Int
    /// Paths of `/slow` and `/stall` requests as they arrive.
    let arrivals: AsyncStream<String>

    /// `http://127.0.0.1:<port>`.
    var authority: String { "127.0.0.1:\(port)" }

    /// What `/echo` saw.
    struct Echo: Codable, Sendable {
        var method: String
        var path: String
        var query: String?
        var headers: [[String]]
        var body: String

        func values(_ name: String) -> [String] {
            headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
        }
    }

    /// Runs `body` with a running server, then shuts it down gracefully (stops accepting, lets
    /// connections finish; the `/slow` and `/stall` handlers give up at once).
    static func with<T: Sendable>(_ body: @Sendable (LoopbackServer) async throws -> T) async throws -> T {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let (arrivals, arrivalContinuation) = AsyncStream.makeStream(of: String.self)
        let quiet = Logger(label: "loopback-server", factory: { _ in SwiftLogNoOpLogHandler() })
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await respond(to: request, arrivals: arrivalContinuation)
        }
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: quiet
        )
        var configuration = ServiceGroupConfiguration(services: [app], logger: quiet)
        configuration.maximumGracefulShutdownDuration = .seconds(2)
        let services = ServiceGroup(configuration: configuration)
        defer { arrivalContinuation.finish() }

        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            do {
                var ports = portStream.makeAsyncIterator()
                guard let port = await ports.next(), port > 0 else { throw ServerDidNotStart() }
                let result = try await body(LoopbackServer(port: port, arrivals: arrivals))
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    struct ServerDidNotStart: Error {}

    private static func respond(to request: Request, arrivals: AsyncStream<String>.Continuation) async throws -> Response {
        let path = request.uri.path
        let segments = path.split(separator: "/").map(String.init)
        switch segments.first {
        case "echo":
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let echo = Echo(
                method: request.method.rawValue, path: path, query: request.uri.query,
                headers: request.headers.map { [$0.name.rawName, $0.value] },
                body: String(buffer: body)
            )
            let data = try JSONEncoder().encode(echo)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case "status":
            let code = Int(segments.last ?? "") ?? 500
            var headers = HTTPFields()
            if code == 429 { headers[.retryAfter] = "7" }
            return Response(status: .init(code: code), headers: headers)
        case "multi":
            var headers = HTTPFields()
            headers.append(HTTPField(name: HTTPField.Name("X-Multi")!, value: "a"))
            headers.append(HTTPField(name: HTTPField.Name("X-Multi")!, value: "b"))
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "multi")))
        case "empty":
            return Response(status: .ok)
        case "bytes":
            let count = Int(segments.last ?? "") ?? 0
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: count)))
        case "chunked":
            let count = Int(segments.last ?? "") ?? 0
            return Response(status: .ok, body: ResponseBody { writer in
                var remaining = count
                while remaining > 0 {
                    let size = min(1024, remaining)
                    try await writer.write(ByteBuffer(repeating: UInt8(ascii: "x"), count: size))
                    remaining -= size
                }
                try await writer.finish(nil)
            })
        case "slow":
            arrivals.yield(path)
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(30)) }
            return Response(status: .ok)
        case "stall":
            arrivals.yield(path)
            return Response(status: .ok, headers: [.contentLength: "100"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "partial"))
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(30)) }
                try await writer.finish(nil)
            })
        default:
            return Response(status: .notFound)
        }
    }

    /// A port on 127.0.0.1 that refuses connections for as long as the returned ``ClosedPort`` is open:
    /// close it when the test is done.
    static func closedPort() throws -> ClosedPort {
        try ClosedPort()
    }
}
