import Foundation
import GenesysCore
@testable import GenesysRouting
import GenesysTesting
import RoutingModels
import Testing

/// Style-A listings that loop or contradict themselves fail with `inconsistentListing` instead of ending
/// quietly with part of the org (issue #9). These used to assert that the listing "ends" or "stops at the
/// page limit"; a partial listing passing for a complete one is the defect.
@Suite("Style-A paging guards")
struct PagingGuardTests {
    /// A page of deleted skills only, with a `nextUri`, and neither `pageCount` nor (unless given) `pageNumber`.
    static func deletedOnlyPage(_ n: Int, pageNumber: Int? = nil) -> TransportResponse {
        .json(pageJSON([entity("d\(n)", "D\(n)", #""state":"deleted""#)], pageNumber: pageNumber,
                       nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
    }

    static func listSkills(_ h: Harness, maxPages: Int, ids: [String]? = nil) -> PageSequence<SkillEntityListing, RoutingSkill> {
        h.routing.pagedByNumber(
            operation: "routing.listSkills", path: "/api/v2/routing/skills", pageSize: 25,
            ids: ids, logger: nil, maxPages: maxPages,
            item: { (skill: RoutingSkill) in skill.state == .deleted ? nil : skill }
        )
    }

    /// Runs `body`, expecting an `inconsistentListing` error naming `operation`.
    static func expectInconsistent(
        _ operation: String = "routing.listSkills", _ body: () async throws -> Void
    ) async -> GenesysError? {
        let error = await #expect(throws: GenesysError.self) { try await body() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.operation == operation)
        #expect(error?.message?.contains(operation) == true)
        return error
    }

    @Test("a server that answers page 1 whatever is asked fails on the second request")
    func pageNumberDoesNotAdvance() async throws {
        let h = try Harness { request in
            Self.deletedOnlyPage(Int(request.param("pageNumber") ?? "") ?? 0, pageNumber: 1)
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills().collectItems() }
        #expect(error?.message?.contains("page number 2 already read") == true)
        #expect(h.requests.map { $0.param("pageNumber") } == ["1", "2"])
    }

    @Test("a server that answers the same live page for every page number fails on the second request")
    func samePageEveryTime() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("s1", "S1", #""state":"active""#)], pageNumber: n,
                                  nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills().collectItems() }
        #expect(error?.message?.contains("repeats the entities of an earlier page") == true)
        #expect(h.requests.count == 2)
    }

    @Test("a server that sends nextUri for ever (no pageNumber, no pageCount) fails at the page limit")
    func endlessDeletedPages() async throws {
        let h = try Harness { request in Self.deletedOnlyPage(Int(request.param("pageNumber") ?? "") ?? 0) }
        let error = await Self.expectInconsistent { _ = try await Self.listSkills(h, maxPages: 50).collectPages() }
        #expect(error?.message?.contains("no end after 50 pages") == true)
        #expect(h.requests.count == 50)
    }

    @Test("live skills before an endless run of deleted pages are not returned as a complete listing")
    func liveThenEndlessDeleted() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            if n <= 2 {
                return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"active""#)], nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
            }
            return Self.deletedOnlyPage(n)
        }
        _ = await Self.expectInconsistent { _ = try await Self.listSkills(h, maxPages: 20).collectItems() }
        #expect(h.requests.count == 20)
    }

    @Test("pages of only deleted skills are read through, not taken as the end")
    func deletedPagesInTheMiddle() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            let state = n == 2 ? "deleted" : "active"
            return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"\#(state)""#)], pageNumber: n, pageCount: 3, total: 3))
        }
        let skills = try await h.routing.listSkills(pageSize: 1).collectItems()
        #expect(skills.map(\.id) == ["s1", "s3"])
    }

    @Test("with many ids, a chunk whose pages never end fails at the page limit")
    func endlessChunkPages() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"active""#)], nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let ids = (0..<150).map { "id-\($0)" }
        _ = await Self.expectInconsistent { _ = try await Self.listSkills(h, maxPages: 10, ids: ids).collectPages() }
        #expect(h.requests.count == 10, "the first chunk fails at its tenth page")
    }

    @Test("an absurd pageCount fails at the first page, comparing it with total")
    func absurdPageCount() async throws {
        let h = try Harness { _ in
            .json(pageJSON([entity("s1", "S1")], pageNumber: 1, pageCount: 1_000_000, total: 1,
                           nextUri: "/api/v2/routing/skills?pageNumber=2"))
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills().collectItems() }
        #expect(error?.message?.contains("declares 1000000 pages") == true)
        #expect(h.requests.count == 1)
    }

    @Test("a page that names itself as the next page fails at once")
    func nextUriIsSelf() async throws {
        let h = try Harness { _ in
            .json(#"{"entities":[{"id":"s1","name":"S1"}],"pageNumber":1,"selfUri":"/api/v2/routing/skills?pageNumber=1","nextUri":"/api/v2/routing/skills?pageNumber=1"}"#)
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills().collectItems() }
        #expect(error?.message?.contains("names itself as the next page") == true)
        #expect(h.requests.count == 1)
    }

    @Test("an empty page before the declared pageCount fails instead of ending")
    func emptyPageBeforeEnd() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            let entities = n == 1 ? [entity("s1", "S1")] : []
            return .json(pageJSON(entities, pageNumber: n, pageCount: 3, total: 3))
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills(pageSize: 1).collectItems() }
        #expect(error?.message?.contains("page 2 is empty") == true)
        #expect(h.requests.count == 2)
    }

    @Test("more entities than the declared total fail")
    func moreThanTotal() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            let entities = (0..<25).map { entity("s\(n)-\($0)", "S\(n)-\($0)") }
            return .json(pageJSON(entities, pageNumber: n, total: 30, nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills().collectItems() }
        #expect(error?.message?.contains("more than the listing's total of 30") == true)
        #expect(h.requests.count == 2)
    }

    @Test("a page that says it is the last but still names a next page fails (understated totals)")
    func understatedTotals() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("s\(n)", "S\(n)")], pageNumber: n, pageCount: n, total: n,
                                  nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let error = await Self.expectInconsistent { _ = try await h.routing.listSkills(pageSize: 1).collectItems() }
        #expect(error?.message?.contains("page 1 of 1") == true)
        #expect(h.requests.count == 1)
    }
}
