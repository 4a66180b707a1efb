// Keeps an org equal to a desired-state file with RoutingSync: plan (writes nothing), apply, then plan
// again, which must come back empty (that is the idempotency check).
//
// Uses Examples/contact-center.yaml and the users of Examples/fake-org-seed.yaml, or the files given as
// arguments: `swift run --package-path Examples SyncFromFile routing.yaml seed.yaml`.

import Foundation
import GenesysCore
import GenesysTesting
import RoutingSync

let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let arguments = CommandLine.arguments.dropFirst()
let stateURL = arguments.first.map { URL(fileURLWithPath: $0) } ?? examples.appendingPathComponent("contact-center.yaml")
let seedURL = arguments.dropFirst().first.map { URL(fileURLWithPath: $0) } ?? examples.appendingPathComponent("fake-org-seed.yaml")

// The org: divisions and users from the seed (a desired-state file cannot create people).
let org = try FakeGenesysOrg(seed: FakeOrgSeed.load(from: seedURL))
let sync = RoutingSync(client: org.makeClient())

// 1. Load and validate the file (no network). Every problem is reported together.
let desired: DesiredState
do {
    desired = try DesiredStateLoader.load(contentsOf: stateURL)
} catch {
    for problem in error.problems { print(problem) }
    exit(1)
}
print("\(stateURL.lastPathComponent): \(desired.skills.count) skills, \(desired.skillGroups.count) skill groups, \(desired.queues.count) queues, \(desired.agents.count) agents")

// 2. Plan: reads only.
let plan = try await sync.plan(desired)
let summary = plan.summary
print("plan: \(summary.create) to create, \(summary.update) to update, \(summary.delete) to delete, \(summary.unchanged) unchanged")
for change in plan.changes.prefix(5) { print("  \(change)") }
if plan.changes.count > 5 { print("  … and \(plan.changes.count - 5) more") }

// 3. Apply: never throws; every change gets a result.
let report = await sync.apply(plan)
print("apply: \(report.results.count(where: { $0.status == .applied })) applied, \(report.failed.count) failed, \(report.skipped.count) skipped; \(report.requests.total) requests, \(report.requests.writes) writes")
for failure in report.failed { print("  \(failure)") }
guard report.succeeded else { exit(1) }

// 4. Plan again: nothing left to do, and the read wrote nothing.
org.resetLog()
let second = try await sync.plan(desired)
precondition(!second.hasChanges, "the second plan should be empty: \(second.changes)")
precondition(org.writes.isEmpty, "planning must not write")
print("second plan: no changes (\(second.summary.unchanged) objects unchanged, \(org.requests.count) reads, 0 writes)")
