// The Swift code of Documentation/Transports.md and the two Observability articles, compiled.
// `ArticleSnippetsTests` checks that every ```swift block of them appears here (fragments excepted).
#if AsyncHTTPClientSupport
import AsyncHTTPClient
import GenesysAsyncHTTPClient
#endif
import CoreMetrics
import Foundation
import GenesysAuth
import GenesysCore
import GenesysRouting
import GenesysURLSession
import HTTPTypes
import InMemoryTracing
import Metrics
import MetricsTestKit
import Tracing

/// One exchange, without headers (they carry the token) and without bodies.
struct RecordedExchange: Sendable {
    var operation: String
    var method: String
    var path: String
    var status: Int?                 // nil when the transport failed
    var failure: TransportError.Kind?
    var duration: Duration
}

actor ExchangeLog {
    private(set) var exchanges: [RecordedExchange] = []
    func append(_ exchange: RecordedExchange) { exchanges.append(exchange) }
}

struct RecordingTransport: HTTPTransport {
    let base: any HTTPTransport
    let log: ExchangeLog

    func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
        let started = ContinuousClock.now
        var record = RecordedExchange(
            operation: options.operation, method: request.method.rawValue,
            path: request.path ?? "", status: nil, failure: nil, duration: .zero
        )
        do {
            let response = try await base.send(request, body: body, options: options)
            record.status = response.head.status.code
            record.duration = ContinuousClock.now - started
            await log.append(record)
            return response
        } catch {
            record.failure = (error as? TransportError)?.kind ?? .other
            record.duration = ContinuousClock.now - started
            await log.append(record)
            throw error   // rethrow unchanged: the client decides about retries
        }
    }
}

enum GuideSnippets {
    static func urlSession(credentials: ClientCredentials) throws {
        let client = try GenesysClient(region: .euWest1, credentials: credentials, transport: URLSessionTransport())
        _ = client
    }

    #if AsyncHTTPClientSupport
    static func ownHTTPClient(credentials: ClientCredentials) async throws {
        var configuration = HTTPClient.Configuration()
        // HTTPClient.shared retries failed connection attempts until the request's deadline, so an unreachable
        // host surfaces as `.connectFailed` only after `timeout`. Fail fast instead:
        configuration.connectionPool.retryConnectionEstablishment = false

        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let routing = try RoutingAPI(
                region: .euWest1, credentials: credentials, transport: AsyncHTTPClientTransport(client: httpClient)
            )
            let skills = try await routing.listSkills().collectItems()
            print(skills.count)
        } catch {
            print(error)
        }
        try await httpClient.shutdown()
    }
    #endif

    static func headers(gatewayKey: String) {
        /// Adds fixed header fields (a gateway key, a tracing header) to every request.
        struct HeaderAddingTransport: HTTPTransport {
            let base: any HTTPTransport
            let extraFields: HTTPFields

            func send(_ request: HTTPRequest, body: Data?, options: TransportOptions) async throws -> TransportResponse {
                var request = request
                for field in extraFields { request.headerFields.append(field) }
                return try await base.send(request, body: body, options: options)
            }
        }

        var fields = HTTPFields()
        fields[HTTPField.Name("X-Gateway-Key")!] = gatewayKey
        let transport = HeaderAddingTransport(base: DefaultTransport.make(), extraFields: fields)
        _ = transport
    }

    static func bootstrap(myMetricsFactory: any MetricsFactory, myTracer: any Tracer) {
        MetricsSystem.bootstrap(myMetricsFactory)          // e.g. swift-prometheus' PrometheusMetricsFactory
        InstrumentationSystem.bootstrap(myTracer)          // e.g. swift-otel's tracer
        // … create GenesysClient / RoutingAPI / RoutingSync as usual …
    }

    static func scopedBackends(client: GenesysClient, request: GenesysRequest) async throws {
        let metrics = TestMetrics()          // MetricsTestKit
        let tracer = InMemoryTracer()        // InMemoryTracing
        let skills = try await withTracer(tracer) {
            try await withMetricsFactory(metrics) { try await client.send(request) }
        }
        _ = skills
    }
}
