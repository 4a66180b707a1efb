// How a service that embeds the SDK sees it: swift-metrics and swift-distributed-tracing are bootstrapped
// once per process (here with in-memory backends), and every request and sync phase shows up in them.

import GenesysCore
import GenesysTesting
import InMemoryTracing
import Metrics
import MetricsTestKit
import RoutingSync
import Testing
import Tracing

/// The process-wide backends, bootstrapped once (as an application does at start-up).
enum Backends {
    static let metrics = TestMetrics()
    static let tracer = InMemoryTracer()
    static let bootstrapped: Void = {
        MetricsSystem.bootstrap(metrics)
        InstrumentationSystem.bootstrap(tracer)
    }()
}

@Suite("Observability of a sync against the fake org")
struct ObservabilityExampleTests {
    @Test("counters, timers and spans of a sync")
    func syncIsObservable() async throws {
        Backends.bootstrapped
        let (org, client) = try FakeGenesysOrg.seeded()
        // One 429 on the first request: the client retries it, and the metrics show it.
        org.addFault(FakeFault(.throttle(retryAfter: .seconds(1)), when: .requests([1])))
        let desired = try DesiredStateLoader.load(string: """
            version: 1
            skills:
              - name: Billing
              - name: Refunds
            queues:
              - name: Billing Support
            agents:
              - user: ana@example.com
                skills: { Billing: 4 }
            """, format: .yaml, fileName: "routing.yaml")

        let report = try await RoutingSync(client: client).apply(desired)
        #expect(report.succeeded)

        // Metrics: requests by operation and status class, the 429 and its retry, token fetches, changes.
        let metrics = Backends.metrics
        #expect(metrics.counterTotal(label: GenesysMetrics.requests) == Int64(report.requests.total))
        #expect(metrics.counterTotal(label: GenesysMetrics.requests, dimensions: [
            (GenesysMetrics.Dimension.operation, "routing.createSkill"), (GenesysMetrics.Dimension.method, "POST"),
            (GenesysMetrics.Dimension.statusClass, "2xx"),
        ]) == 2)
        #expect(metrics.counterTotal(label: GenesysMetrics.throttled) == 1)
        #expect(metrics.counterTotal(label: GenesysMetrics.retries) == 1)
        #expect(metrics.counterTotal(label: GenesysMetrics.tokenFetches) >= 1)
        #expect(!metrics.timers(label: GenesysMetrics.requestDuration).isEmpty)
        #expect(metrics.counterTotal(label: GenesysMetrics.syncChanges, dimensions: [
            (GenesysMetrics.Dimension.kind, "skill"), (GenesysMetrics.Dimension.action, "create"),
            (GenesysMetrics.Dimension.status, "applied"),
        ]) == 2)

        // Spans: read, plan, apply with one span per tier, and a client span per request under them.
        let spans = Backends.tracer.finishedSpans
        let names = Set(spans.map(\.operationName))
        for phase in [GenesysSpans.syncRead, GenesysSpans.syncPlan, GenesysSpans.syncApply, GenesysSpans.syncApplyTier] {
            #expect(names.contains(phase), "no \(phase) span")
        }
        let createSkill = try #require(spans.first { $0.operationName == "routing.createSkill" })
        #expect(createSkill.kind == .client)
        #expect(createSkill.attributes.get(GenesysSpans.Attribute.statusCode) == .int64(200))
        let tier = try #require(spans.first { $0.spanID == createSkill.parentSpanID })
        #expect(tier.operationName == GenesysSpans.syncApplyTier)
        #expect(spans.contains { $0.attributes.get(GenesysSpans.Attribute.retryCount) == .int64(1) })
    }
}
