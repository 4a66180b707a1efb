import CoreMetrics
import GenesysCore
import GenesysTesting
import HTTPTypes
import InMemoryTracing
import MetricsTestKit
import Testing
import Tracing

/// The metrics and spans a request produces, captured with a task-local `TestMetrics` and
/// `InMemoryTracer` (nothing is bootstrapped, so tests stay independent).
@Suite("Client metrics and spans")
struct ClientObservabilityTests {
    @Test("a request throttled once: attempts by status class, one 429, one retry, one client span")
    func throttledThenSucceeds() async throws {
        let transport = MockTransport.steps([
            .status(429, headers: ["Retry-After": "1"]),
            .status(200, headers: ["ININ-Correlation-Id": "corr-42"]),
        ])
        let client = try makeClient(transport)
        let request = GenesysRequest(method: .get, path: "/api/v2/routing/skills", operation: "getRoutingSkills")
        let metrics = TestMetrics()
        let tracer = InMemoryTracer()

        _ = try await withTracer(tracer) {
            try await withMetricsFactory(metrics) { try await client.send(request) }
        }

        let op = GenesysMetrics.Dimension.operation
        let statusClass = GenesysMetrics.Dimension.statusClass
        let method = GenesysMetrics.Dimension.method
        #expect(metrics.counterTotal(label: GenesysMetrics.requests, dimensions: [(op, "getRoutingSkills"), (method, "GET"), (statusClass, "4xx")]) == 1)
        #expect(metrics.counterTotal(label: GenesysMetrics.requests, dimensions: [(op, "getRoutingSkills"), (method, "GET"), (statusClass, "2xx")]) == 1)
        #expect(metrics.counterTotal(label: GenesysMetrics.throttled) == 1)
        #expect(metrics.counterTotal(label: GenesysMetrics.retries, dimensions: [(op, "getRoutingSkills")]) == 1)
        #expect(metrics.timers(label: GenesysMetrics.requestDuration).flatMap(\.values).count == 2)

        let spans = tracer.finishedSpans
        #expect(spans.count == 1)
        let span = try #require(spans.first)
        #expect(span.operationName == "getRoutingSkills")
        #expect(span.kind == .client)
        #expect(span.attributes.get(GenesysSpans.Attribute.method) == .string("GET"))
        #expect(span.attributes.get(GenesysSpans.Attribute.statusCode) == .int64(200))
        #expect(span.attributes.get(GenesysSpans.Attribute.retryCount) == .int64(1))
        #expect(span.attributes.get(GenesysSpans.Attribute.correlationID) == .string("corr-42"))
    }

    @Test("a failed request's span has the error, its status and no token anywhere")
    func failedRequestSpan() async throws {
        let transport = MockTransport.steps([.status(403, body: #"{"message":"no","code":"missing.permissions"}"#)])
        let client = try makeClient(transport)
        let request = GenesysRequest(method: .get, path: "/api/v2/routing/queues", operation: "getRoutingQueues")
        let tracer = InMemoryTracer()

        await withTracer(tracer) {
            _ = try? await client.send(request)
        }

        let span = try #require(tracer.finishedSpans.first)
        #expect(span.attributes.get(GenesysSpans.Attribute.statusCode) == .int64(403))
        #expect(span.attributes.get(GenesysSpans.Attribute.errorCode) != nil)
        #expect(span.errors.count == 1)
        #expect(span.status?.code == .error)
        var texts: [String] = []
        span.attributes.forEach { key, value in texts.append("\(key)=\(value)") }
        texts += span.errors.map { "\($0.error)" }
        #expect(!texts.contains { $0.contains(secretToken.value) })
    }

    @Test("a lost connection counts as status class error; the rate limiter's wait is timed")
    func transportFailureAndRateLimiterWait() async throws {
        let transport = MockTransport.steps([.transport(.connectionLost, processed: false), .ok])
        let client = try makeClient(transport, rateLimit: RateLimit(requests: 2, per: .seconds(60), burst: 1))
        let request = GenesysRequest(method: .get, path: "/api/v2/routing/languages", operation: "getRoutingLanguages")
        let metrics = TestMetrics()

        _ = try await withMetricsFactory(metrics) { try await client.send(request) }

        #expect(metrics.counterTotal(label: GenesysMetrics.requests, dimensions: [
            (GenesysMetrics.Dimension.operation, "getRoutingLanguages"), (GenesysMetrics.Dimension.method, "GET"),
            (GenesysMetrics.Dimension.statusClass, "error"),
        ]) == 1)
        let waits = metrics.timers(label: GenesysMetrics.rateLimiterWait).flatMap(\.values)
        #expect(waits.count == 2)
        #expect(waits.contains { $0 > 0 })
    }

    @Test("status classes", arguments: [(200, "2xx"), (301, "3xx"), (429, "4xx"), (503, "5xx"), (nil, "error"), (42, "error")] as [(Int?, String)])
    func statusClasses(status: Int?, expected: String) {
        #expect(GenesysMetrics.statusClass(status) == expected)
    }
}
