public import Foundation
public import GenesysCore
import GenesysTesting
import Hummingbird
public import Logging
import NIOCore

/// Serves an ``HTTPTransport`` (in practice a `FakeGenesysOrg`) over HTTP on loopback, so tools and test
/// suites in any language can talk to the in-memory org as if it were Genesys Cloud.
///
/// Every request is forwarded **verbatim** to the transport (method, path and query, header fields and
/// body), and the transport's status, header fields and body come back verbatim; the token endpoint
/// (`POST /oauth/token`) is just another path, so point an SDK's API URL *and* login URL at
/// ``baseURL``. When the transport throws ``TransportError`` with kind
/// ``TransportError/Kind/connectionLost`` (the org's fault injection), the server **closes the
/// connection without writing a response**, so a client sees exactly what a dropped connection looks
/// like. Other transport failures — including ``TransportError/Kind/connectFailed``, which cannot be
/// reproduced once a connection is accepted — become a JSON `ErrorBody` (`504 request.timeout` for
/// ``TransportError/Kind/timedOut``, else `502 bad.gateway`); a request body larger than
/// ``Configuration/maxRequestBodyBytes`` gets `413 request.entity.too.large`.
///
/// ## Control endpoints
///
/// Paths under `/__fake/` are handled by the server itself (never forwarded, never logged):
///
/// | request | does | answers |
/// |---|---|---|
/// | `POST /__fake/advance?seconds=N` | moves the org's manual clock forward by N seconds (fractions allowed, at most 10 years) | `200 {"advancedBySeconds": N}`; `409 fake.manual.clock.required` when the server has no manual clock; `400 invalid.value` for an N that is not a number from 0 to 315360000 |
/// | `GET /__fake/state` | the org's snapshot | `200` JSON; `501 fake.not.supported` without a snapshot provider |
/// | `GET /__fake/requests` | the request log, oldest first | `200 {"requests": [RequestRecord…]}` |
/// | `POST /__fake/reset-log` | empties the request log | `204` |
///
/// See ``Controls`` for where the clock and the snapshot come from, and ``RequestRecord`` for the log's
/// JSON shape.
///
/// ## Running
///
/// - ``start()`` runs the server in the background and returns the base URL once it listens;
///   ``stop()`` shuts it down. This is what test suites use.
/// - ``run()`` runs in the calling task until that task is cancelled (structured concurrency; put it in a
///   task group, or in a `ServiceGroup`: the server is a `Service` and shuts down gracefully with the
///   group). ``runUntilShutdownSignal()`` additionally shuts down
///   gracefully on SIGINT and SIGTERM (`genesys-routing fake-server` runs the server in a `ServiceGroup`
///   with those signals instead).
///
/// A server runs once: create a new one to serve again.
///
/// ```swift
/// let org = FakeGenesysOrg()
/// let server = try FakeServer(org: org, logger: logger)   // controls included
/// let baseURL = try await server.start()                  // http://127.0.0.1:PORT
/// // … point any HTTP client (API and login URL) at baseURL …
/// await server.stop()
/// ```
public final class FakeServer: Sendable {
    /// Where and how the server listens.
    public struct Configuration: Sendable, Hashable {
        /// The interface to bind: `127.0.0.1` by default. Must be a loopback address (`127.x.x.x`, `::1`,
        /// `localhost`) unless ``allowNonLoopbackHost`` is set.
        public var host: String
        /// The TCP port; `0` lets the system pick a free one (read it back from ``FakeServer/baseURL``).
        public var port: Int
        /// Allows binding a non-loopback interface. The fake accepts a well-known client id and secret and
        /// has no TLS, so leave this off unless the network is private.
        public var allowNonLoopbackHost: Bool
        /// The largest request body accepted, in bytes (16 MiB by default); larger ones get `413`.
        public var maxRequestBodyBytes: Int
        /// How many requests ``FakeServer/requestLog`` keeps (the oldest are dropped first).
        public var requestLogLimit: Int
        /// The whole-request timeout handed to the transport in ``TransportOptions/timeout``.
        public var transportTimeout: Duration

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            allowNonLoopbackHost: Bool = false,
            maxRequestBodyBytes: Int = 16 << 20,
            requestLogLimit: Int = 10_000,
            transportTimeout: Duration = .seconds(300)
        ) {
            self.host = host
            self.port = port
            self.allowNonLoopbackHost = allowNonLoopbackHost
            self.maxRequestBodyBytes = maxRequestBodyBytes
            self.requestLogLimit = requestLogLimit
            self.transportTimeout = transportTimeout
        }
    }

    enum Phase {
        case idle
        case starting
        case running(URL)
        case finished
    }

    struct State {
        var phase: Phase = .idle
        var waiters: [CheckedContinuation<URL, any Error>] = []
        var backgroundTask: Task<Void, Never>?
        var log: [RequestRecord] = []
        var nextSequence = 1
    }

    /// The transport every non-control request is forwarded to.
    public let transport: any HTTPTransport
    /// The hooks behind the `/__fake/` control endpoints.
    public let controls: Controls
    /// Where and how the server listens.
    public let configuration: Configuration
    let logger: Logger
    let state = LockedBox(State())

    /// Creates a server; nothing listens until ``start()``, ``run()`` or ``runUntilShutdownSignal()``.
    ///
    /// - Parameters:
    ///   - transport: Receives every forwarded request (a `FakeGenesysOrg`, or any other transport).
    ///   - controls: Hooks for the control endpoints (clock, snapshot); empty by default.
    ///   - configuration: Host, port and limits.
    ///   - logger: Used for the server's own logs (binding, dropped connections, control calls).
    /// - Throws: ``FakeServerError`` with ``FakeServerError/Code/nonLoopbackHost`` for a non-loopback host
    ///   without ``Configuration/allowNonLoopbackHost``, or ``FakeServerError/Code/invalidConfiguration``.
    public init(
        transport: any HTTPTransport,
        controls: Controls = Controls(),
        configuration: Configuration = Configuration(),
        logger: Logger
    ) throws(FakeServerError) {
        guard (0...65_535).contains(configuration.port) else {
            throw FakeServerError(code: .invalidConfiguration, message: "port \(configuration.port) is out of range (0–65535; 0 = any free port)")
        }
        guard configuration.maxRequestBodyBytes > 0, configuration.requestLogLimit >= 0 else {
            throw FakeServerError(code: .invalidConfiguration, message: "maxRequestBodyBytes must be positive and requestLogLimit not negative")
        }
        guard configuration.allowNonLoopbackHost || Self.isLoopback(configuration.host) else {
            throw FakeServerError(
                code: .nonLoopbackHost,
                message: "refusing to listen on \(configuration.host): the fake org is for loopback only (127.0.0.1, ::1 or localhost; Configuration.allowNonLoopbackHost allows others)"
            )
        }
        self.transport = transport
        self.controls = controls
        self.configuration = configuration
        self.logger = logger
    }

    /// The base URL (`http://127.0.0.1:PORT`) while the server is listening, else `nil`.
    public var baseURL: URL? {
        state.withLock { state in
            if case .running(let url) = state.phase { return url }
            return nil
        }
    }

    // MARK: Running

    /// Runs the server in the calling task until the task is cancelled (or binding fails).
    ///
    /// Use ``waitUntilRunning()`` from another task to learn the base URL.
    /// - Throws: ``FakeServerError/Code/alreadyStarted`` when this server already ran; the bind error
    ///   (for example the port is in use).
    public func run() async throws {
        try claimStart()
        try await serve(untilSignalled: false)
    }

    /// Runs the server until SIGINT or SIGTERM, then shuts down gracefully (in-flight requests finish).
    /// Also ends when the calling task is cancelled.
    /// - Throws: as ``run()``.
    public func runUntilShutdownSignal() async throws {
        try claimStart()
        try await serve(untilSignalled: true)
    }

    /// Starts the server in the background and returns its base URL once it is listening.
    /// Call ``stop()`` when done.
    /// - Throws: ``FakeServerError/Code/alreadyStarted`` when this server already ran; the bind error.
    @discardableResult
    public func start() async throws -> URL {
        try claimStart()
        let task = Task { [self] in
            do {
                try await serve(untilSignalled: false)
            } catch {
                logger.debug("fake server ended with an error", metadata: ["error": "\(error)"])
            }
        }
        state.withLock { $0.backgroundTask = task }
        return try await waitUntilRunning()
    }

    /// Stops a server started with ``start()`` and waits until it no longer listens. Does nothing for a
    /// server that is not running in the background (cancel the task that calls ``run()`` instead).
    public func stop() async {
        let task = state.withLock { state -> Task<Void, Never>? in
            defer { state.backgroundTask = nil }
            return state.backgroundTask
        }
        guard let task else { return }
        task.cancel()
        await task.value
    }

    /// Waits until the server listens and returns its base URL.
    /// - Throws: ``FakeServerError/Code/stoppedBeforeRunning`` when the server ended (or failed to bind)
    ///   first; `CancellationError` is not thrown: the wait ends only with the server.
    public func waitUntilRunning() async throws -> URL {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<URL, any Error>) in
            let immediate: Result<URL, any Error>? = state.withLock { state in
                switch state.phase {
                case .running(let url):
                    return .success(url)
                case .finished:
                    return .failure(FakeServerError(code: .stoppedBeforeRunning, message: "the fake server is not running"))
                case .idle, .starting:
                    state.waiters.append(continuation)
                    return nil
                }
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }

    private func claimStart() throws(FakeServerError) {
        let claimed = state.withLock { state -> Bool in
            guard case .idle = state.phase else { return false }
            state.phase = .starting
            return true
        }
        guard claimed else {
            throw FakeServerError(code: .alreadyStarted, message: "this fake server has already been started; create a new one")
        }
    }

    private func serve(untilSignalled: Bool) async throws {
        let application = Application(
            responder: FakeServerResponder(server: self),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { [self] channel in didBind(channel) },
            logger: logger
        )
        do {
            if untilSignalled {
                try await application.runService()
            } else {
                try await application.run()
            }
            didFinish(error: nil)
        } catch {
            didFinish(error: error)
            throw error
        }
    }

    private func didBind(_ channel: any Channel) {
        let port = channel.localAddress?.port ?? configuration.port
        let ip = channel.localAddress?.ipAddress ?? configuration.host
        let host = ip.contains(":") ? "[\(ip)]" : ip
        // Force-unwrap is safe: scheme, an IP literal and a number always form a valid URL.
        let url = URL(string: "http://\(host):\(port)")!
        let waiters = state.withLock { state -> [CheckedContinuation<URL, any Error>] in
            state.phase = .running(url)
            defer { state.waiters = [] }
            return state.waiters
        }
        logger.debug("fake server listening", metadata: ["url": "\(url.absoluteString)"])
        for waiter in waiters { waiter.resume(returning: url) }
    }

    private func didFinish(error: (any Error)?) {
        let waiters = state.withLock { state -> [CheckedContinuation<URL, any Error>] in
            state.phase = .finished
            defer { state.waiters = [] }
            return state.waiters
        }
        let message = error.map { "the fake server stopped before listening: \($0)" } ?? "the fake server stopped before listening"
        for waiter in waiters {
            waiter.resume(throwing: FakeServerError(code: .stoppedBeforeRunning, message: message))
        }
    }

    // MARK: Loopback

    static func isLoopback(_ host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
