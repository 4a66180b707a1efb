import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
@testable import RoutingSync
import Testing

/// Creates whose answer is lost: apply looks the object up by exact name before sending a create again,
/// so it never relies on the API refusing a duplicate name with 409 (only the in-memory org is known to).
@Suite("Creates whose outcome is unknown")
struct LostCreateTests {
    /// One object of each kind the sync creates, and the path its create is POSTed to.
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: String
        var yaml: String
        var path: String
        var testDescription: String { kind }
    }

    static let cases: [Case] = [
        Case(kind: "skill", yaml: "skills: [{ name: Billing }]", path: "/api/v2/routing/skills"),
        Case(kind: "language", yaml: "languages: [{ name: German }]", path: "/api/v2/routing/languages"),
        Case(kind: "wrap-up code", yaml: "wrapupCodes: [{ name: Resolved }]", path: "/api/v2/routing/wrapupcodes"),
        Case(kind: "skill group", yaml: """
            skillGroups:
              - name: Billing Experts
                conditions: [{ operation: And, routingSkillConditions: [{ routingSkill: Existing, comparator: GreaterThan, proficiency: 1 }] }]
            """, path: "/api/v2/routing/skillgroups"),
        Case(kind: "queue", yaml: "queues: [{ name: Help Desk }]", path: "/api/v2/routing/queues"),
    ]

    /// An org whose searches lag `indexLag` behind writes, with a skill `Existing` already in it.
    static func harness(indexLag: Duration = .seconds(5), consistencyTimeout: Duration = .seconds(60)) throws -> Harness {
        let harness = try Harness(
            configuration: FakeGenesysOrg.Configuration(rateLimit: nil, indexLag: indexLag),
            syncConfiguration: RoutingSync.Configuration(consistencyTimeout: consistencyTimeout)
        )
        _ = try harness.org.addSkill(name: "Existing")
        return harness
    }

    static func posts(_ harness: Harness, to path: String) -> [FakeOrgRequest] {
        harness.apiRequests.filter { $0.method == .post && $0.path == path }
    }

    /// Name lookups (`GET <path>?name=…`) in the request log.
    static func lookups(_ harness: Harness, at path: String) -> [FakeOrgRequest] {
        harness.apiRequests.filter { $0.method == .get && $0.path == path && $0.queryValue("name") != nil }
    }

    @Test("the create took effect but its answer was lost: found by name while the index catches up, never POSTed twice", arguments: cases)
    func answerLostAfterApplying(_ item: Case) async throws {
        let harness = try Self.harness()
        let state = try DesiredState.yaml("version: 1\n" + item.yaml)
        let plan = try await harness.sync.plan(state)
        #expect(plan.changes.count == 1)
        harness.org.resetLog()
        harness.org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                                       matching: .init(methods: [.post], pathPrefix: item.path)))
        let clock = try #require(harness.org.clock as? ManualClock)
        let sleepsBefore = clock.sleeps.count

        let report = await harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.results.map(\.description))")

        // One POST (its answer dropped), then name lookups that poll while the index lags; no second POST, so
        // the fake's duplicate-name 409 never had a chance to matter.
        let posts = Self.posts(harness, to: item.path)
        #expect(posts.count == 1, "\(harness.apiRequests.map(\.description))")
        #expect(posts.first?.status == nil, "the answer was dropped")
        #expect(!harness.apiRequests.contains { $0.status == 409 })
        let lookups = Self.lookups(harness, at: item.path)
        #expect(lookups.count >= 2, "the first lookup misses while the index lags; later ones poll")
        #expect(lookups.allSatisfy { $0.timestamp >= posts[0].timestamp })
        #expect(lookups.last?.timestamp ?? .zero >= posts[0].timestamp + .seconds(5), "polled until the index caught up")
        #expect(clock.sleeps.count - sleepsBefore >= lookups.count - 1, "backoff between lookups, on the client's clock")

        try await harness.settle()
        harness.expectNoDuplicates()
        harness.expectOrgMatches(state)
        #expect(try await harness.sync.plan(state).changes.isEmpty)
    }

    @Test("the create never arrived: looked up by name until the bound, then sent again exactly once", arguments: cases)
    func lostBeforeApplying(_ item: Case) async throws {
        let harness = try Self.harness(consistencyTimeout: .seconds(10))
        let state = try DesiredState.yaml("version: 1\n" + item.yaml)
        let plan = try await harness.sync.plan(state)
        harness.org.resetLog()
        harness.org.addFault(FakeFault(.connectionLost(afterApplying: false), when: .next(1),
                                       matching: .init(methods: [.post], pathPrefix: item.path)))

        let report = await harness.sync.apply(plan)
        #expect(report.succeeded, "\(report.results.map(\.description))")

        let posts = Self.posts(harness, to: item.path)
        #expect(posts.count == 2, "\(harness.apiRequests.map(\.description))")
        #expect(posts.last?.succeeded == true)
        let between = Self.lookups(harness, at: item.path).filter { $0.timestamp >= posts[0].timestamp && $0.timestamp <= posts[1].timestamp }
        #expect(between.count >= 2, "looked up by name (with backoff) before sending the create again")
        let firstPost = try #require(harness.apiRequests.firstIndex { $0.method == .post && $0.path == item.path })
        let secondPost = try #require(harness.apiRequests.lastIndex { $0.method == .post && $0.path == item.path })
        #expect(harness.apiRequests[firstPost..<secondPost].contains { $0.method == .get && $0.path == item.path })
        #expect(posts[1].timestamp - posts[0].timestamp >= .seconds(5), "the re-send waited for the lookups")
        #expect(posts[1].timestamp - posts[0].timestamp <= .seconds(10) + .seconds(1), "bounded by the consistency timeout")
        harness.expectNoDuplicates()
        harness.expectOrgMatches(state)
    }

    @Test("a 502 on the create (not retried by the client for a POST): the re-send comes only after a name lookup says the object does not exist")
    func serverErrorChecksFirst() async throws {
        let harness = try Self.harness(indexLag: .zero)
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n")
        let plan = try await harness.sync.plan(state)
        harness.org.resetLog()
        harness.org.addFault(FakeFault(.status(502), when: .next(1), matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))

        let report = await harness.sync.apply(plan)
        #expect(report.succeeded)
        let log = harness.apiRequests.map { "\($0.method.rawValue) \($0.path) \($0.status.map(String.init) ?? "-")" }
        let firstPost = try #require(log.firstIndex(of: "POST /api/v2/routing/skills 502"))
        let secondPost = try #require(log.firstIndex(of: "POST /api/v2/routing/skills 200"))
        #expect(firstPost < secondPost)
        #expect(log[firstPost..<secondPost].contains("GET /api/v2/routing/skills 200"), "\(log)")
        #expect(harness.org.snapshot().skills.filter { $0.name == "Billing" }.count == 1)
    }

    @Test("when no lookup can be answered the change fails without a second POST; a re-run converges")
    func lookupsUnanswered() async throws {
        let harness = try Self.harness(indexLag: .zero, consistencyTimeout: .seconds(5))
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n")
        let plan = try await harness.sync.plan(state)
        harness.org.resetLog()
        harness.org.addFault(FakeFault(.connectionLost(afterApplying: true), when: .next(1),
                                       matching: .init(methods: [.post], pathPrefix: "/api/v2/routing/skills")))
        harness.org.addFault(FakeFault(.status(503), matching: .init(methods: [.get], pathPrefix: "/api/v2/routing/skills")))

        let report = await harness.sync.apply(plan)
        #expect(!report.succeeded)
        #expect(report.results.first?.status == .failed)
        #expect(Self.posts(harness, to: "/api/v2/routing/skills").count == 1, "never re-sent without a definite answer")
        #expect(Self.lookups(harness, at: "/api/v2/routing/skills").count >= 2)

        harness.org.removeAllFaults()
        let again = try await harness.sync.apply(state)
        #expect(again.plan.changes.isEmpty, "the first create did take effect: \(again.plan.lines)")
        harness.expectNoDuplicates()
        harness.expectOrgMatches(state)
    }

    @Test("a 409 naming the existing object is still adopted (second safety net)")
    func conflictStillAdopted() async throws {
        let harness = try Self.harness(indexLag: .zero)
        let state = try DesiredState.yaml("version: 1\nskills: [{ name: Billing }]\n")
        let plan = try await harness.sync.plan(state)
        // Someone else creates it between plan and apply.
        let id = try harness.org.addSkill(name: "Billing")
        harness.org.resetLog()
        let report = await harness.sync.apply(plan)
        #expect(report.succeeded)
        #expect(harness.apiRequests.contains { $0.method == .post && $0.status == 409 })
        #expect(harness.org.snapshot().skills.filter { $0.name == "Billing" }.compactMap(\.id) == [id])
    }

    @Test("which failures leave a create's outcome unknown")
    func unknownOutcomeCodes() {
        func error(_ code: GenesysError.Code) -> GenesysError { GenesysError(code: code, operation: "routing.createSkill", message: "x") }
        for code in [GenesysError.Code.transport, .timedOut, .serverError] {
            #expect(CreateOrAdopt.outcomeIsUnknown(error(code)), "\(code)")
        }
        for code in [GenesysError.Code.badRequest, .conflict, .notFound, .unauthorized, .forbidden, .rateLimited, .decoding] {
            #expect(!CreateOrAdopt.outcomeIsUnknown(error(code)), "\(code)")
        }
    }
}
