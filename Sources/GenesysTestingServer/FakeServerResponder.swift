import Foundation
import GenesysCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RoutingModels

/// The request context: Hummingbird's core storage plus the connection, so a simulated lost connection
/// can close it without writing a response.
struct FakeServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// Forwards requests to the server's transport and answers the `/__fake/` control endpoints.
struct FakeServerResponder: HTTPResponder {
    typealias Context = FakeServerRequestContext

    let server: FakeServer

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        let (path, query) = Self.split(target)
        if path == "/__fake" || path.hasPrefix("/__fake/") {
            return await control(path: path, query: query, request: request, logger: context.logger)
        }
        let method = request.method.rawValue

        var request = request
        let body: Data
        do {
            let buffer = try await request.collectBody(upTo: server.configuration.maxRequestBodyBytes)
            body = Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            let response = Self.errorResponse(
                status: .contentTooLarge, code: "request.entity.too.large",
                message: "The request body exceeds the fake server's limit of \(server.configuration.maxRequestBodyBytes) bytes."
            )
            server.record(method: method, path: path, query: query, status: 413, outcome: .failed,
                          correlationID: response.headers[.correlationID], body: Data())
            return response
        }

        var head = request.head
        if head.scheme == nil { head.scheme = "http" }
        let options = TransportOptions(
            operation: "fakeServer.\(method) \(path)",
            timeout: server.configuration.transportTimeout,
            maxResponseBytes: Int.max,
            logger: context.logger
        )

        let answer: TransportResponse
        do {
            answer = try await server.transport.send(head, body: body.isEmpty ? nil : body, options: options)
        } catch let error as TransportError where error.kind == .connectionLost {
            context.logger.debug("simulating a lost connection", metadata: ["path": "\(path)"])
            server.record(method: method, path: path, query: query, status: nil, outcome: .connectionDropped,
                          correlationID: nil, body: body)
            // Close the connection without a response. The error then reaches Hummingbird, whose attempt
            // to write a 500 fails on the closed channel, so the client sees only the dropped connection.
            try? await context.channel.close()
            throw error
        } catch let error as TransportError {
            let timedOut = error.kind == .timedOut
            let response = Self.errorResponse(
                status: timedOut ? .gatewayTimeout : .badGateway,
                code: timedOut ? "request.timeout" : "bad.gateway",
                message: "The fake org failed: \(error)."
            )
            server.record(method: method, path: path, query: query, status: Int(response.status.code), outcome: .failed,
                          correlationID: response.headers[.correlationID], body: body)
            return response
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.debug("transport error", metadata: ["error": "\(error)"])
            let response = Self.errorResponse(
                status: .internalServerError, code: "internal.server.error",
                message: "The fake org failed unexpectedly."
            )
            server.record(method: method, path: path, query: query, status: 500, outcome: .failed,
                          correlationID: response.headers[.correlationID], body: body)
            return response
        }

        var headers = answer.head.headerFields
        // Hummingbird frames the body itself.
        headers[.contentLength] = nil
        headers[.transferEncoding] = nil
        headers[.connection] = nil
        server.record(method: method, path: path, query: query, status: answer.head.status.code, outcome: .responded,
                      correlationID: answer.head.headerFields[.correlationID], body: body)
        return Response(status: answer.head.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    // MARK: Control endpoints

    private func control(path: String, query: String?, request: Request, logger: Logger) async -> Response {
        let method = request.method
        do {
            switch path {
            case "/__fake/advance":
                guard method == .post else { return Self.methodNotAllowed(path, allowed: "POST") }
                guard let advance = server.controls.advanceClock else {
                    return Self.errorResponse(
                        status: .conflict, code: "fake.manual.clock.required",
                        message: "The fake server does not run on a manual clock (start it with --manual-clock)."
                    )
                }
                // Non-finite, negative or huge values would crash the conversion to milliseconds below.
                guard let raw = Self.queryValue("seconds", in: query), let seconds = Double(raw), seconds.isFinite,
                      (0...Self.maxAdvanceSeconds).contains(seconds) else {
                    return Self.errorResponse(
                        status: .badRequest, code: "invalid.value",
                        message: "advance needs ?seconds=N with N a number from 0 to \(Int(Self.maxAdvanceSeconds)) (10 years)."
                    )
                }
                try await advance(.milliseconds(Int64((seconds * 1000).rounded())))
                logger.debug("advanced the manual clock", metadata: ["seconds": "\(seconds)"])
                return Self.json(["advancedBySeconds": seconds])
            case "/__fake/state":
                guard method == .get else { return Self.methodNotAllowed(path, allowed: "GET") }
                guard let snapshot = server.controls.snapshotJSON else {
                    return Self.errorResponse(status: .notImplemented, code: "fake.not.supported",
                                              message: "This fake server has no state snapshot.")
                }
                return Self.json(data: try await snapshot())
            case "/__fake/requests":
                guard method == .get else { return Self.methodNotAllowed(path, allowed: "GET") }
                let records = try await server.controls.requestLog?() ?? server.requestLog
                return Self.json(data: try GenesysJSON.makeEncoder(sortedKeys: true).encode(RequestLog(requests: records)))
            case "/__fake/reset-log":
                guard method == .post else { return Self.methodNotAllowed(path, allowed: "POST") }
                server.resetRequestLog()
                try await server.controls.resetRequestLog?()
                return Response(status: .noContent)
            default:
                return Self.errorResponse(
                    status: .notFound, code: "not.found",
                    message: "Unknown control endpoint \(path) (known: /__fake/advance, /__fake/state, /__fake/requests, /__fake/reset-log)."
                )
            }
        } catch {
            logger.debug("control endpoint failed", metadata: ["path": "\(path)", "error": "\(error)"])
            return Self.errorResponse(status: .internalServerError, code: "internal.server.error",
                                      message: "The control endpoint \(path) failed: \(error)")
        }
    }

    private struct RequestLog: Encodable {
        var requests: [FakeServer.RequestRecord]
    }

    // MARK: Helpers

    /// The most `POST /__fake/advance` moves the clock at once: 10 years, in seconds.
    static let maxAdvanceSeconds: Double = 10 * 365 * 86_400

    static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    static func queryValue(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first.map(String.init)?.removingPercentEncoding == name {
                return parts.count > 1 ? String(parts[1]).removingPercentEncoding : ""
            }
        }
        return nil
    }

    static func json(_ object: [String: Double]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return json(data: data)
    }

    static func json(data: Data, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]) -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func methodNotAllowed(_ path: String, allowed: String) -> Response {
        var response = errorResponse(status: .methodNotAllowed, code: "method.not.allowed",
                                     message: "\(path) accepts \(allowed) only.")
        response.headers[.allow] = allowed
        return response
    }

    /// A Genesys-shaped `ErrorBody` with a fresh correlation id (also in `ININ-Correlation-Id`).
    static func errorResponse(status: HTTPResponse.Status, code: String, message: String) -> Response {
        let correlationID = UUID().uuidString.lowercased()
        let body = ErrorBody(message: message, code: code, status: status.code, contextId: correlationID, details: [], errors: [])
        let data = (try? GenesysJSON.makeEncoder(sortedKeys: true).encode(body)) ?? Data()
        var headers = HTTPFields()
        headers[.correlationID] = correlationID
        return json(data: data, status: status, extraHeaders: headers)
    }
}
