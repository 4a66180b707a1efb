#if AsyncHTTPClientSupport
public import AsyncHTTPClient
#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import GenesysCore
public import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An `HTTPTransport` over AsyncHTTPClient: the default transport on Linux (behind the
/// `AsyncHTTPClientSupport` package trait, on by default).
///
/// By default it uses `HTTPClient.shared`, which needs no shutdown. A caller who passes their own
/// `HTTPClient` owns it and must shut it down (`try await client.shutdown()`) after the last request.
///
/// - `TransportOptions.timeout` is a deadline for the whole request, body included.
/// - The body is collected up to `TransportOptions.maxResponseBytes`; a larger one fails with
///   `TransportError.Kind.responseTooLarge` without being buffered.
/// - Cancelling the calling task cancels the request and throws `CancellationError`.
/// - Header fields are converted both ways field by field, so repeated names keep all their values.
///
/// AsyncHTTPClient's own errors are mapped to `TransportError` kinds: a refused connection, a failed
/// DNS look-up or a connect/TLS-handshake timeout is `TransportError.Kind.connectFailed` (nothing was
/// sent); the deadline is `TransportError.Kind.timedOut`; a connection closed or reset mid-request is
/// `TransportError.Kind.connectionLost`.
///
/// Note: `HTTPClient.shared` retries failed connection attempts until the request's deadline, so a host
/// that refuses connections is reported as `TransportError.Kind.connectFailed` only when
/// `TransportOptions.timeout` runs out. To fail fast, pass a client configured with
/// `connectionPool.retryConnectionEstablishment = false`.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The client requests are executed on.
    public let client: HTTPClient

    /// Creates a transport.
    /// - Parameter client: The client to use; `HTTPClient.shared` by default (no shutdown needed). A client
    ///   you pass is yours to shut down.
    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    /// Sends `request` and returns the buffered response.
    /// - Throws: `TransportError` for network failures, timeouts and oversized bodies;
    ///   `CancellationError` when the calling task is cancelled.
    public func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        try Task.checkCancellation()
        let clientRequest = try Self.makeRequest(request, body: body)
        let timeout = min(max(options.timeout, .zero), .seconds(365 * 86_400))
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(timeout))
        let client = self.client
        let maxBytes = options.maxResponseBytes
        let logger = options.logger
        // AsyncHTTPClient enforces the deadline itself (and reports precisely why it expired); the outer
        // deadline, a little later, is a backstop for a body that stalls after the head arrived.
        return try await withDeadline(timeout + .milliseconds(250)) {
            do {
                let response = try await client.execute(clientRequest, deadline: deadline, logger: logger)
                let head = Self.makeHead(response)
                let buffer = try await response.body.collect(upTo: maxBytes)
                return TransportResponse(head: head, body: Data(buffer.readableBytesView))
            } catch {
                throw Self.map(error)
            }
        }
    }

    // MARK: - Conversion

    static func makeRequest(_ request: HTTPRequest, body: Data?) throws -> HTTPClientRequest {
        guard let scheme = request.scheme, let authority = request.authority, let path = request.path else {
            throw TransportError(kind: .other, requestMayHaveBeenProcessed: false, underlying: InvalidRequest())
        }
        var clientRequest = HTTPClientRequest(url: "\(scheme)://\(authority)\(path)")
        clientRequest.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            clientRequest.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body {
            clientRequest.body = .bytes(ByteBuffer(bytes: body))
        }
        return clientRequest
    }

    static func makeHead(_ response: HTTPClientResponse) -> HTTPResponse {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        return HTTPResponse(status: HTTPResponse.Status(code: Int(response.status.code)), headerFields: fields)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let components = duration.components
        let (seconds, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        return max(0, seconds + components.attoseconds / 1_000_000_000)
    }

    // MARK: - Errors

    /// Maps an AsyncHTTPClient / SwiftNIO error to a `TransportError`, or to `CancellationError` when
    /// the calling task was cancelled.
    static func map(_ error: any Error) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let error = error as? TransportError { return error }
        if error is NIOTooManyBytesError {
            return TransportError(kind: .responseTooLarge, requestMayHaveBeenProcessed: true, underlying: error)
        }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
                 .httpProxyHandshakeTimeout:
                return TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false, underlying: error)
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TransportError(kind: .timedOut, requestMayHaveBeenProcessed: true, underlying: error)
            case .remoteConnectionClosed:
                return TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true, underlying: error)
            case .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown:
                return TransportError(kind: .other, requestMayHaveBeenProcessed: false, underlying: error)
            default:
                return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
            }
        }
        if error is NIOConnectionError {
            return TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false, underlying: error)
        }
        if let channelError = error as? ChannelError {
            switch channelError {
            case .connectTimeout:
                return TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false, underlying: error)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true, underlying: error)
            default:
                return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
            }
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL:
                return TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false, underlying: error)
            case ECONNRESET, EPIPE, ECONNABORTED:
                return TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true, underlying: error)
            case ETIMEDOUT:
                return TransportError(kind: .timedOut, requestMayHaveBeenProcessed: true, underlying: error)
            default:
                return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
            }
        }
        return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
    }

    struct InvalidRequest: Error, CustomStringConvertible {
        var description: String { "the request head has no scheme, authority or path" }
    }
}
#endif
