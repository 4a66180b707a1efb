import Foundation
import GenesysCore
import GenesysRouting
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus
import RoutingSync

/// The HTTP API of `serve`, over Hummingbird:
///
/// | request | answer |
/// |---|---|
/// | `GET /health` | `200 {"status": "ok"}` (the process answers; never needs the token) |
/// | `GET /ready` | `200 {"status": "ready"}` when the org answers a cheap read (cached 5 s), else `503 {"error", "status": "unavailable"}` |
/// | `GET /api/skills/search?q=&page=&size=` | `200` the JSON of `search skills --format json`; `400 {"error"}` for a bad page or size |
/// | `GET /api/reports/impact` | `200 text/csv`, the CSV of `report impact` (`?format=json` or `markdown` for the others), as an attachment (`Content-Disposition`) |
/// | `GET /metrics` | with `serve --metrics` only: the Prometheus text format of the SDK's metrics |
///
/// Failures to reach the org are `502 {"error": "<one line>"}`, never a stack trace or a secret.
///
/// Hardened for a network: a connection that sends nothing (or stops half-way through its headers or
/// body) for ``readTimeout`` is closed; headers are limited to 16 KiB (100 fields) and bodies to 64 KiB;
/// with a `token`, every route but `/health` needs `Authorization: Bearer <token>` (see ``ServeGuard``).
struct LocalAPIServer: Sendable {
    let routing: RoutingAPI
    let host: String
    let port: Int
    /// The bearer token clients must send (`GENESYS_ROUTING_SERVE_TOKEN`), or `nil`.
    var token: String?
    /// How long a connection may stay silent (before or within a request) before it is closed.
    var readTimeout: Duration = .seconds(10)
    /// The clock `/ready` caches its answer on.
    var clock: any Clock<Duration> = ContinuousClock()
    let logger: Logger
    /// With `serve --metrics`: the registry `GET /metrics` renders (see `LocalAPIServer+Metrics.swift`).
    var metrics: PrometheusCollectorRegistry? = nil

    init(
        routing: RoutingAPI, host: String, port: Int, token: String? = nil, readTimeout: Duration = .seconds(10),
        clock: any Clock<Duration> = ContinuousClock(), logger: Logger, metrics: PrometheusCollectorRegistry? = nil
    ) {
        self.routing = routing
        self.host = host
        self.port = port
        self.token = token
        self.readTimeout = readTimeout
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    /// The HTTP/1.1 server settings: the read timeout and the header limits.
    var serverConfiguration: HTTP1Channel.Configuration {
        let (seconds, attoseconds) = readTimeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(max(nanoseconds, 1_000_000)),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100)
        )
    }

    /// Serves until the calling task is cancelled, or (with `handlingSignals`) until SIGINT or SIGTERM.
    /// - Parameter onListening: Called once with the base URL when the server listens.
    func run(handlingSignals: Bool, onListening: @escaping @Sendable (URL) async -> Void) async throws {
        let application = Application(
            router: makeRouter(),
            server: .http1(configuration: serverConfiguration),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "genesys-routing"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                let ip = channel.localAddress?.ipAddress ?? host
                let hostPart = ip.contains(":") ? "[\(ip)]" : ip
                // An IP literal and a port always make a valid URL.
                await onListening(URL(string: "http://\(hostPart):\(port)")!)
            },
            logger: logger
        )
        if handlingSignals {
            try await application.runService()
        } else {
            try await application.run()
        }
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let routing = self.routing
        let logger = self.logger
        let readiness = ReadinessProbe(routing: routing, clock: clock)
        router.add(middleware: ServeGuard(token: token))

        router.get("/health") { _, _ in
            Self.json(["status": "ok"], status: .ok)
        }

        router.get("/ready") { _, _ in
            guard let problem = await readiness.problem() else { return Self.json(["status": "ready"], status: .ok) }
            logger.warning("not ready", metadata: ["error": "\(problem)"])
            return Self.json(["status": "unavailable", "error": problem], status: .serviceUnavailable)
        }

        router.get("/api/skills/search") { request, _ in
            let parameters = request.uri.queryParameters
            let query = parameters["q"].map(String.init) ?? ""
            guard let page = Self.integer(parameters["page"], default: 1),
                  let size = Self.integer(parameters["size"], default: SkillSearch.defaultPageSize) else {
                return Self.json(["error": "page and size must be whole numbers"], status: .badRequest)
            }
            if let problem = SkillSearch.problem(page: page, size: size) {
                return Self.json(["error": problem], status: .badRequest)
            }
            do {
                let result = try await SkillSearch.search(query, page: page, size: size, routing: routing, logger: logger)
                return Self.response(try OrderedJSONEncoder.string(result), contentType: "application/json; charset=utf-8")
            } catch {
                return Self.failure(error, activity: "searching skills", logger: logger)
            }
        }

        router.get("/api/reports/impact") { request, _ in
            let formatName = request.uri.queryParameters["format"].map(String.init) ?? "csv"
            guard let format = ReportImpactCommand.Format(rawValue: formatName) else {
                return Self.json(["error": "format must be csv, json or markdown"], status: .badRequest)
            }
            do {
                let report = try await RoutingSync(routing: routing).impactReport(logger: logger)
                let contentType = switch format {
                case .csv: "text/csv; charset=utf-8; header=present"
                case .json: "application/json; charset=utf-8"
                case .markdown: "text/markdown; charset=utf-8"
                }
                var response = Self.response(ReportImpactCommand.render(report, format: format), contentType: contentType)
                response.headers[.contentDisposition] = Self.attachment(for: format)
                return response
            } catch {
                return Self.failure(error, activity: "reading the org", logger: logger)
            }
        }
        if let metrics { Self.addMetricsRoute(to: router, registry: metrics) }
        return router
    }

    static func integer(_ text: Substring?, default value: Int) -> Int? {
        guard let text, !text.isEmpty else { return value }
        return Int(text)
    }

    static func response(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: [String: String], status: HTTPResponse.Status) -> Response {
        let tree = ConfigValue.object(object.sorted { $0.key < $1.key }.map { ConfigValue.Member($0.key, .string($0.value)) })
        return response(tree.prettyText + "\n", contentType: "application/json; charset=utf-8", status: status)
    }

    static func failure(_ error: any Error, activity: String, logger: Logger) -> Response {
        let message = ErrorReporter.message(for: error, activity: activity) ?? "\(activity) failed"
        logger.warning("request failed", metadata: ["error": "\(message)"])
        return json(["error": message], status: .badGateway)
    }
}
