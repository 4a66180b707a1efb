import Foundation
import GenesysCore
@testable import GenesysRouting
import GenesysTesting
import RoutingModels
import Testing

/// Style-A listings skip pages whose entities are all left out (deleted skills) inside one fetch; these
/// tests check that loop cannot run for ever against a server that keeps offering more pages.
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

    @Test("a server that answers page 1 whatever is asked, with only deleted skills and a nextUri, ends the listing")
    func pageNumberDoesNotAdvance() async throws {
        let h = try Harness { request in
            Self.deletedOnlyPage(Int(request.param("pageNumber") ?? "") ?? 0, pageNumber: 1)
        }
        let skills = try await h.routing.listSkills().collectItems()
        #expect(skills.isEmpty)
        #expect(h.requests.map { $0.param("pageNumber") } == ["1", "2"])
    }

    @Test("a server that sends nextUri for ever (no pageNumber, no pageCount) with only deleted skills stops at the page limit")
    func endlessDeletedPages() async throws {
        let h = try Harness { request in Self.deletedOnlyPage(Int(request.param("pageNumber") ?? "") ?? 0) }
        let pages = try await Self.listSkills(h, maxPages: 50).collectPages()
        #expect(pages.count == 1, "the skipping happens inside one fetch; the page it stops at ends the sequence")
        #expect(pages.first?.pageNumber == 50)
        #expect(h.requests.count == 50)
        #expect(h.requests.map { $0.param("pageNumber") } == (1...50).map(String.init))
    }

    @Test("live skills before an endless run of deleted pages are kept, and the listing still ends")
    func liveThenEndlessDeleted() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            if n <= 2 {
                return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"active""#)], nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
            }
            return Self.deletedOnlyPage(n)
        }
        let skills = try await Self.listSkills(h, maxPages: 20).collectItems()
        #expect(skills.map(\.id) == ["s1", "s2"])
        #expect(h.requests.count == 20)
    }

    @Test("a server that sends live pages with nextUri for ever stops at the page limit too")
    func endlessLivePages() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"active""#)], nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let skills = try await Self.listSkills(h, maxPages: 30).collectItems()
        #expect(skills.count == 30)
        #expect(h.requests.count == 30)
    }

    @Test("with many ids, each chunk's pages stop at the page limit")
    func endlessChunkPages() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("s\(n)", "S\(n)", #""state":"active""#)], nextUri: "/api/v2/routing/skills?pageNumber=\(n + 1)"))
        }
        let ids = (0..<150).map { "id-\($0)" }
        let pages = try await Self.listSkills(h, maxPages: 10, ids: ids).collectPages()
        #expect(pages.count == 2)
        #expect(h.requests.count == 20, "two chunks of ten pages each")
    }

    @Test("the default page limit is 100 000 pages")
    func defaultLimit() {
        #expect(PageNumberPaging.maxPages == 100_000)
        #expect(PageNumberPaging.next(pageNumber: 99_999, pageCount: nil, nextUri: "/next", requested: 99_999) == .number(100_000))
        #expect(PageNumberPaging.next(pageNumber: 100_000, pageCount: nil, nextUri: "/next", requested: 100_000) == nil)
        #expect(PageNumberPaging.next(pageNumber: nil, pageCount: nil, nextUri: "/next", requested: 100_000) == nil)
        #expect(PageNumberPaging.next(pageNumber: 100_000, pageCount: 200_000, nextUri: nil, requested: 100_000) == nil)
    }
}
