public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
public import GenesysCore
public import HTTPTypes
import HTTPTypesFoundation
import Logging

/// An `HTTPTransport` over Foundation's `URLSession`: the default transport on Apple platforms, and the
/// fallback on Linux when the `AsyncHTTPClientSupport` trait is off.
///
/// The transport owns a dedicated session (ephemeral by default: no cookies, no cache, no credential
/// storage) whose delegate buffers each response, so it can
///
/// - enforce `TransportOptions.timeout` as a deadline for the whole request (connect, send and the
///   complete body), not just as URLSession's idle timeout;
/// - stop a download as soon as it exceeds `TransportOptions.maxResponseBytes`
///   (`TransportError.Kind.responseTooLarge`), without buffering the rest;
/// - cancel the `URLSessionTask` when the calling Swift task is cancelled (`CancellationError`).
///
/// `URLError`s are mapped to `TransportError` kinds: `cannotConnectToHost`, `cannotFindHost`,
/// `dnsLookupFailed` and `notConnectedToInternet` are `TransportError.Kind.connectFailed` (nothing was
/// sent); `networkConnectionLost` is `TransportError.Kind.connectionLost`; `timedOut` is
/// `TransportError.Kind.timedOut`.
///
/// Limits on Linux (swift-corelibs-foundation): responses are buffered only (no streaming, which the SDK
/// does not need), HTTP/2 and connection reuse depend on the system libcurl, and a refused connection or
/// DNS failure may be reported less precisely than on Apple platforms. Prefer the AsyncHTTPClient
/// transport on Linux when the trait is available.
///
/// Multiple response header fields with the same name reach the caller combined into one
/// comma-separated value (URLSession's representation); request fields with the same name are combined
/// the same way.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let registry: TaskRegistry

    /// Creates a transport with its own session.
    ///
    /// - Parameter configuration: The session configuration. By default `.ephemeral` with cookies and the
    ///   URL cache turned off. Timeouts in it are upper bounds only: each request's
    ///   `TransportOptions.timeout` is enforced on top.
    public init(configuration: URLSessionConfiguration? = nil) {
        let configuration = configuration ?? Self.defaultConfiguration()
        let registry = TaskRegistry()
        self.registry = registry
        self.session = URLSession(configuration: configuration, delegate: registry, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    private static func defaultConfiguration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCredentialStorage = nil
        return configuration
    }

    /// Sends `request` and returns the buffered response.
    /// - Throws: `TransportError` for network failures, timeouts and oversized bodies;
    ///   `CancellationError` when the calling task is cancelled.
    public func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        try Task.checkCancellation()
        guard var urlRequest = URLRequest(httpRequest: request) else {
            throw TransportError(kind: .other, requestMayHaveBeenProcessed: false, underlying: InvalidRequest())
        }
        urlRequest.httpBody = body
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        let seconds = Double(options.timeout.components.seconds) + Double(options.timeout.components.attoseconds) / 1e18
        urlRequest.timeoutInterval = max(0.001, seconds)
        let finalRequest = urlRequest

        return try await withDeadline(options.timeout) { [session, registry] in
            try await Self.perform(finalRequest, session: session, registry: registry, maxBytes: options.maxResponseBytes)
        }
    }

    private static func perform(_ request: URLRequest, session: URLSession, registry: TaskRegistry, maxBytes: Int) async throws -> TransportResponse {
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<TransportResponse, any Error>) in
                registry.register(task.taskIdentifier, maxBytes: maxBytes, continuation: continuation)
                if Task.isCancelled {
                    registry.fail(task.taskIdentifier, with: CancellationError())
                    task.cancel()
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            task.cancel()
        }
    }

    struct InvalidRequest: Error, CustomStringConvertible {
        var description: String { "the request head has no absolute URL (scheme, authority and path)" }
    }
}

/// The session delegate: buffers each task's response and completes its continuation exactly once.
final class TaskRegistry: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Invariant: `entries` is only touched under `lock`.
    private struct Entry {
        var continuation: CheckedContinuation<TransportResponse, any Error>?
        var maxBytes: Int
        var response: HTTPURLResponse?
        var body = Data()
        var tooLarge = false
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]

    private func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func register(_ id: Int, maxBytes: Int, continuation: CheckedContinuation<TransportResponse, any Error>) {
        withLock { entries[id] = Entry(continuation: continuation, maxBytes: maxBytes) }
    }

    /// Completes the task's continuation with `error` (if not completed yet) and forgets the task.
    func fail(_ id: Int, with error: any Error) {
        let continuation = withLock { entries.removeValue(forKey: id)?.continuation }
        continuation?.resume(throwing: error)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        let allow: Bool = withLock {
            guard var entry = entries[id] else { return false }
            entry.response = response as? HTTPURLResponse
            entry.body = Data()
            let expected = response.expectedContentLength
            if expected > Int64(entry.maxBytes) {
                entry.tooLarge = true
                entries[id] = entry
                return false
            }
            entries[id] = entry
            return true
        }
        completionHandler(allow ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let exceeded: Bool = withLock {
            guard var entry = entries[id], !entry.tooLarge else { return false }
            if entry.body.count + data.count > entry.maxBytes {
                entry.tooLarge = true
                entry.body = Data()
                entries[id] = entry
                return true
            }
            entry.body.append(data)
            entries[id] = entry
            return false
        }
        if exceeded { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = withLock({ entries.removeValue(forKey: task.taskIdentifier) }),
              let continuation = entry.continuation else { return }
        if entry.tooLarge {
            continuation.resume(throwing: TransportError(kind: .responseTooLarge, requestMayHaveBeenProcessed: true))
            return
        }
        if let error {
            continuation.resume(throwing: Self.map(error))
            return
        }
        guard let response = entry.response, let head = response.httpResponse else {
            continuation.resume(throwing: TransportError(kind: .other, requestMayHaveBeenProcessed: true))
            return
        }
        continuation.resume(returning: TransportResponse(head: head, body: entry.body))
    }

    /// Maps a URLSession error to a `TransportError` (or `CancellationError` for a cancelled task).
    static func map(_ error: any Error) -> any Error {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
        }
        switch URLError.Code(rawValue: nsError.code) {
        case .cancelled:
            return CancellationError()
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return TransportError(kind: .connectFailed, requestMayHaveBeenProcessed: false, underlying: error)
        case .networkConnectionLost:
            return TransportError(kind: .connectionLost, requestMayHaveBeenProcessed: true, underlying: error)
        case .timedOut:
            return TransportError(kind: .timedOut, requestMayHaveBeenProcessed: true, underlying: error)
        case .dataLengthExceedsMaximum:
            return TransportError(kind: .responseTooLarge, requestMayHaveBeenProcessed: true, underlying: error)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired, .badURL, .unsupportedURL:
            return TransportError(kind: .other, requestMayHaveBeenProcessed: false, underlying: error)
        default:
            return TransportError(kind: .other, requestMayHaveBeenProcessed: true, underlying: error)
        }
    }
}
