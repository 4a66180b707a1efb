// An integration test written with GenesysTesting, as a runnable program: it builds an in-memory org,
// injects faults the way a real org misbehaves (503s, dropped connections, throttling), runs the code
// under test (here RoutingSync and the typed API) and asserts on the org's state and its request log.
// In your own package, put the same code in a Swift Testing `@Test` and replace `check` with `#expect`.

import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import RoutingModels
import RoutingSync

var failures = 0
/// Prints a check's outcome; the program exits 1 if any check failed.
@MainActor func check(_ condition: Bool, _ description: String) {
    print("\(condition ? "PASS" : "FAIL")  \(description)")
    if !condition { failures += 1 }
}

let desired = try DesiredStateLoader.load(string: """
    version: 1
    skills:
      - name: Billing
      - name: Refunds
    skillGroups:
      - name: Billing Experts
        conditions:
          - operation: And
            routingSkillConditions:
              - { routingSkill: Billing, comparator: GreaterThanOrEqualTo, proficiency: 3 }
    queues:
      - name: Billing Support
        skillGroups: [Billing Experts]
        members: [jane.doe@example.com]
    agents:
      - user: jane.doe@example.com
        skills: { Billing: 4 }
    """, format: .yaml, fileName: "test.yaml")

// Test 1: applying through flaky infrastructure converges, and creates nothing twice.
do {
    let org = FakeGenesysOrg()
    let jane = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
    org.addFault(FakeFault(.status(503), when: .next(2), matching: .writes))
    org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1), matching: .init(pathPrefix: "/api/v2/routing/skills", kind: .writes)))
    org.addFault(FakeFault(.throttle(retryAfter: .seconds(2)), when: .requests([3])))
    let sync = RoutingSync(client: org.makeClient())

    let report = try await sync.apply(desired)
    check(report.succeeded, "apply succeeds despite 503s, a lost connection and a 429 (\(report.requests.retries) retries)")
    let state = org.snapshot()
    check(state.skills.filter { $0.name == "Billing" }.count == 1, "the skill whose create answer was lost exists exactly once")
    check(state.queues.count == 1 && state.skillGroups.count == 1, "one queue and one skill group")
    check(state.users.first { $0.user.id == jane }?.skills.count == 1, "Jane holds one skill")

    org.resetLog()
    let again = try await sync.plan(desired)
    check(!again.hasChanges, "a second plan is empty")
    check(org.writes.isEmpty, "planning sent no writes (\(org.requests.count) reads)")
}

// Test 2: the typed API surfaces a missing object as a typed error, with the operation and status.
do {
    let org = FakeGenesysOrg()
    let routing = RoutingAPI(client: org.makeClient())
    do {
        _ = try await routing.getQueue(id: "00000000-0000-4000-8000-000000000000")
        check(false, "getQueue of an unknown id throws")
    } catch let error as GenesysError {
        check(error.code == .notFound && error.status == 404, "getQueue of an unknown id throws notFound (\(error.description))")
        check(error.correlationID != nil, "the error carries the correlation id support asks for")
    }
}

// Test 3: time is the org's clock: token expiry is tested without waiting.
do {
    let org = FakeGenesysOrg(configuration: .init(clients: [.init(tokenLifetime: .seconds(60))]))
    let routing = RoutingAPI(client: org.makeClient())
    _ = try await routing.listSkills().collectItems()
    guard let clock = org.clock as? ManualClock else { fatalError("the fake org runs on a ManualClock by default") }
    clock.advance(by: .seconds(120))
    _ = try await routing.listSkills().collectItems()
    let tokenRequests = org.count(pathPrefix: "/oauth/token")
    check(tokenRequests == 2, "an expired token is replaced transparently (\(tokenRequests) token requests)")
}

print(failures == 0 ? "All checks passed." : "\(failures) check(s) failed.")
exit(failures == 0 ? 0 : 1)
