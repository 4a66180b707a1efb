import CoreMetrics
import GenesysCore
import InMemoryTracing
import MetricsTestKit
@testable import RoutingSync
import Testing
import Tracing

/// What a sync reports through swift-metrics and swift-distributed-tracing (task-local backends).
@Suite("Sync metrics and spans")
struct SyncObservabilityTests {
    @Test("a sync has read, plan and apply spans, one span per tier parenting its requests, and counts its changes")
    func syncSpansAndChangeCounts() async throws {
        let harness = try Harness()
        let state = try harness.realisticState()
        let metrics = TestMetrics()
        let tracer = InMemoryTracer()

        let report = try await withTracer(tracer) {
            try await withMetricsFactory(metrics) { try await harness.sync.apply(state) }
        }
        #expect(report.succeeded)

        let spans = tracer.finishedSpans
        func named(_ name: String) -> [FinishedInMemorySpan] { spans.filter { $0.operationName == name } }
        #expect(named(GenesysSpans.syncRead).count == 1)
        #expect(named(GenesysSpans.syncPlan).count == 1)
        let apply = try #require(named(GenesysSpans.syncApply).first)
        let changeCount = Int64(report.plan.changes.count)
        #expect(apply.attributes.get(GenesysSpans.Attribute.changes) == .int64(changeCount))
        #expect(apply.attributes.get(GenesysSpans.Attribute.failed) == .int64(0))

        let tiers = named(GenesysSpans.syncApplyTier)
        let expectedTiers = Set(report.plan.changes.map(Tier.init(of:)))
        #expect(tiers.count == expectedTiers.count)
        #expect(tiers.allSatisfy { $0.parentSpanID == apply.spanID && $0.traceID == apply.traceID })
        let tierIDs = Set(tiers.map(\.spanID))
        let creates = spans.filter { $0.operationName == "routing.createSkill" }
        #expect(!creates.isEmpty)
        #expect(creates.allSatisfy { tierIDs.contains($0.parentSpanID ?? "") && $0.kind == .client })
        let read = try #require(named(GenesysSpans.syncRead).first)
        #expect(spans.contains { $0.operationName == "routing.listSkills" && $0.parentSpanID == read.spanID })

        let applied = metrics.counterTotal(label: GenesysMetrics.syncChanges, dimensions: [
            (GenesysMetrics.Dimension.kind, "skill"), (GenesysMetrics.Dimension.action, "create"),
            (GenesysMetrics.Dimension.status, "applied"),
        ])
        let skillCreates = report.plan.changes.filter { $0.kind == .skill && $0.action == .create }.count
        #expect(applied == Int64(skillCreates))
        #expect(metrics.counterTotal(label: GenesysMetrics.syncChanges) == Int64(report.results.count))
    }
}
