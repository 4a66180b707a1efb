import GenesysCore
@testable import GenesysRouting
import RoutingModels
import Testing

@Suite("Paging and bulk helpers")
struct InternalsTests {
    @Test("style A next token", arguments: [
        (1, 3, nil, 1, PageToken?.some(.number(2))),
        (3, 3, "/next", 3, nil),
        (2, nil, "/next", 2, .number(3)),
        (2, nil, nil, 2, nil),
        (nil, 4, nil, 2, .number(3)),
    ] as [(Int?, Int?, String?, Int, PageToken?)])
    func styleA(pageNumber: Int?, pageCount: Int?, nextUri: String?, requested: Int, expected: PageToken?) {
        #expect(PageNumberPaging.next(pageNumber: pageNumber, pageCount: pageCount, nextUri: nextUri, requested: requested) == expected)
    }

    @Test("style B next token needs a non-empty page and a nextUri", arguments: [
        (2, "/n", PageToken?.some(.number(2))),
        (0, "/n", nil),
        (2, nil, nil),
    ] as [(Int, String?, PageToken?)])
    func styleB(count: Int, nextUri: String?, expected: PageToken?) {
        #expect(PageNumberWithoutTotalsPaging.next(entityCount: count, pageNumber: 1, nextUri: nextUri, requested: 1) == expected)
    }

    @Test("style C next token is the after value of nextUri")
    func styleC() {
        #expect(CursorPaging.next(SkillGroupEntityListing(nextUri: "/api/v2/routing/skillgroups?pageSize=5&after=x%2By")) == .cursor("x+y"))
        #expect(CursorPaging.next(SkillGroupEntityListing(nextUri: "/api/v2/routing/skillgroups?pageSize=5")) == nil)
        #expect(CursorPaging.next(SkillGroupEntityListing()) == nil)
    }

    @Test("style D next token needs nextPage and pageNumber < pageCount")
    func styleD() {
        #expect(SearchPaging.next(UsersSearchResponse(pageCount: 2, pageNumber: 1, nextPage: "t")) == .search("t"))
        #expect(SearchPaging.next(UsersSearchResponse(pageCount: 2, pageNumber: 2, nextPage: "t")) == nil)
        #expect(SearchPaging.next(UsersSearchResponse(nextPage: "t")) == .search("t"))
        #expect(SearchPaging.next(UsersSearchResponse(pageCount: 2, pageNumber: 1, nextPage: "")) == nil)
    }

    @Test("chunking at 100 and 50", arguments: [(250, 100, [100, 100, 50]), (120, 50, [50, 50, 20]), (100, 100, [100]), (0, 50, [])])
    func chunking(count: Int, size: Int, expected: [Int]) {
        #expect(Array(0..<count).chunked(into: size).map(\.count) == expected)
    }

    @Test("duplicates keep the first position and the last value")
    func uniqued() {
        let posts = [UserRoutingSkillPost(id: "a", proficiency: 1), UserRoutingSkillPost(id: "b", proficiency: 2), UserRoutingSkillPost(id: "a", proficiency: 3)]
        #expect(posts.uniqued(by: { $0.id ?? "" }).map(\.proficiency) == [3, 2])
        #expect([RoutingSkill].mergedByID([[RoutingSkill(id: "a", name: "1")], [RoutingSkill(id: "b"), RoutingSkill(id: "a", name: "2")]], id: \.id).map(\.name) == ["2", nil])
    }

    @Test("version conflicts are recognised", arguments: [
        (GenesysError(code: .conflict, operation: "x", status: 409), true),
        (GenesysError(code: .badRequest, operation: "x", status: 400, message: "Version 3 does not match the current version 4"), true),
        (GenesysError(code: .badRequest, operation: "x", status: 400, message: "invalid proficiency"), false),
        (GenesysError(code: .conflict, operation: "x", message: "local ambiguity"), false),
    ])
    func versionConflict(error: GenesysError, expected: Bool) {
        #expect(RoutingAPI.isVersionConflict(error) == expected)
    }
}
