import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import Logging
import RoutingModels
@testable import RoutingSync
import Testing

/// Issue 9: apply is bounded (one deadline per change), refuses plans over the delete budget, and stops
/// starting changes when cancelled.
@Suite("Apply safety: deadlines, delete budget, cancellation")
struct ApplySafetyTests {
    static let threeKinds = "version: 1\nskills: [{ name: Billing }]\nlanguages: [{ name: Spanish }]\nwrapupCodes: [{ name: Resolved }]\n"

    @Test("a create that always answers 500 fails at its change deadline; independent changes still apply")
    func changeDeadline() async throws {
        let harness = try Harness()
        let org = harness.org
        org.addFault(FakeFault(.status(500), when: .always, matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        let plan = try await harness.sync.plan(try DesiredState.yaml(Self.threeKinds))
        let clock = try #require(org.clock as? ManualClock)
        let start = clock.now

        let report = await harness.sync.apply(plan, concurrency: 1)

        let elapsed = start.duration(to: clock.now)
        let timeout = RoutingSync.Configuration().changeTimeout
        #expect(elapsed <= timeout + .seconds(8), "the change ran \(elapsed), past its deadline of \(timeout) plus one retry delay")
        let results = Dictionary(uniqueKeysWithValues: report.results.map { ("\($0.kind.rawValue) \($0.name)", $0) })
        let skill = try #require(results["skill Billing"])
        #expect(skill.status == .failed)
        #expect(skill.error?.contains("deadline") == true, "\(skill.error ?? "")")
        #expect(skill.error?.contains("create skill \"Billing\"") == true, "\(skill.error ?? "")")
        #expect(skill.error?.contains("deadlineExceeded, status 500") == true, "the last failure is named: \(skill.error ?? "")")
        #expect(results["language Spanish"]?.status == .applied)
        #expect(results["wrapupCode Resolved"]?.status == .applied)
        #expect(report.halted == nil)
    }

    @Test("a shorter changeTimeout is honoured on the client's clock")
    func configurableDeadline() async throws {
        let harness = try Harness(syncConfiguration: RoutingSync.Configuration(changeTimeout: .seconds(5)))
        harness.org.addFault(FakeFault(.status(500), when: .always, matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        let plan = try await harness.sync.plan(try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n"))
        let clock = try #require(harness.org.clock as? ManualClock)
        let start = clock.now
        let report = await harness.sync.apply(plan)
        #expect(start.duration(to: clock.now) <= .seconds(5))
        #expect(report.results.first?.status == .failed)
    }

    @Test("a plan over the delete budget is refused before any write, by both apply entry points")
    func deleteBudget() async throws {
        let harness = try Harness(syncConfiguration: RoutingSync.Configuration(maxDeletes: 2))
        for name in ["Old A", "Old B", "Old C"] { _ = try harness.org.addSkill(name: name) }
        let state = try DesiredState.yaml("version: 1\npolicy: { prune: true }\nskills: [{ name: Billing }]\n")
        harness.org.resetLog()

        let error = try await #require(throws: GenesysError.self) { try await harness.sync.apply(state) }
        #expect(error.code == .invalidRequest)
        #expect(error.operation == RoutingSync.deleteBudgetOperation)
        #expect(error.message?.contains("deletes 3 objects, more than the delete budget of 2") == true, "\(error.message ?? "")")
        #expect(error.message?.contains("maxDeletes") == true)
        #expect(harness.org.writes.isEmpty)

        // A plan value built elsewhere is refused too: nothing written, every change skipped, the reason given.
        let plan = try await harness.sync.plan(state)
        #expect(RoutingSync.deleteCount(of: plan) == 3)
        let report = await harness.sync.apply(plan)
        #expect(harness.org.writes.isEmpty)
        #expect(report.results.count == plan.changes.count)
        #expect(report.results.allSatisfy { $0.status == .skipped })
        #expect(report.halted?.contains("delete budget of 2") == true)
        #expect(!report.succeeded)

        // The default budget is 25; nil lifts it.
        #expect(RoutingSync.Configuration().maxDeletes == 25)
        let lifted = harness.freshSync(configuration: RoutingSync.Configuration(maxDeletes: nil))
        let applied = try await lifted.apply(state)
        #expect(applied.succeeded, "\(applied.failed.map(\.description))")
        #expect(harness.org.snapshot().skills.filter { $0.state != .deleted }.compactMap(\.name) == ["Billing"])
    }

    @Test("cancelling the apply task lets the change in flight finish and reports the others as not started")
    func cancellation() async throws {
        let harness = try Harness()
        let org = harness.org
        // The first create answers 503 once: the client sleeps before retrying, and the test cancels then.
        org.addFault(FakeFault(.status(503), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        let plan = try await harness.sync.plan(try DesiredState.yaml("version: 1\nskills: [{ name: A }, { name: B }, { name: C }]\n"))
        let running = LockedBox<Task<SyncReport, Never>?>(nil)
        let logger = Logger(label: "cancel-test") { _ in
            CallbackLogHandler { message in if message == "genesys retry" { running.current?.cancel() } }
        }
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            for await _ in gate { break }
            return await harness.sync.apply(plan, concurrency: 1, logger: logger)
        }
        running.withLock { $0 = task }
        open.yield()
        let report = await task.value

        #expect(report.halted == "cancelled")
        #expect(report.results.count == 3)
        let applied = report.results.filter { $0.status == .applied }
        #expect(applied.count == 1, "the change in flight finished: \(report.results.map(\.description))")
        let notStarted = report.results.filter { $0.status == .skipped }
        #expect(notStarted.count == 2)
        #expect(notStarted.allSatisfy { $0.error == "not started: cancelled" })
        let skills = org.snapshot().skills.filter { $0.state != .deleted }
        #expect(skills.count == 1)

        // A re-run converges.
        let reports = try await harness.applyUntilConverged(try DesiredState.yaml("version: 1\nskills: [{ name: A }, { name: B }, { name: C }]\n"))
        #expect(reports.last?.succeeded == true)
        harness.expectNoDuplicates()
    }
}
