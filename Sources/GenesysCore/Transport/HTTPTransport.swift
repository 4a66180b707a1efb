#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import HTTPTypes
public import Logging

/// Sends one HTTP request and returns the buffered response.
///
/// A transport only moves bytes: it does no retry, authentication or decoding (``GenesysClient`` does
/// those). It must honour task cancellation by cancelling the underlying request, must enforce
/// ``TransportOptions/timeout`` and ``TransportOptions/maxResponseBytes``, and must report failures as
/// ``TransportError`` so retry code never has to recognise foreign error types.
///
/// Customise by wrapping: a transport that adds headers or records exchanges is just another
/// `HTTPTransport` around the real one.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with `body` and returns the full response.
    /// - Throws: ``TransportError`` for network failures, `CancellationError` when the task is cancelled.
    func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse
}

/// Per-request settings a transport must honour.
public struct TransportOptions: Sendable {
    /// The SDK operation, such as `routing.listSkills`, for logs, metrics and errors.
    public var operation: String
    /// The whole-request deadline (connect, send and receive).
    public var timeout: Duration
    /// The largest response body the transport may buffer; a larger one fails with
    /// ``TransportError/Kind/responseTooLarge``.
    public var maxResponseBytes: Int
    /// Logger for this request.
    public var logger: Logger

    /// Creates transport options.
    public init(operation: String, timeout: Duration = .seconds(30), maxResponseBytes: Int = 32 << 20, logger: Logger) {
        self.operation = operation
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.logger = logger
    }
}

/// A buffered HTTP response.
public struct TransportResponse: Sendable {
    /// Status and header fields.
    public var head: HTTPResponse
    /// The complete body (empty when the server sent none).
    public var body: Data

    /// Creates a response.
    public init(head: HTTPResponse, body: Data = Data()) {
        self.head = head
        self.body = body
    }
}
