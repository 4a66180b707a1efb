import Foundation
import RoutingModels
import Testing

@Suite("Listings")
struct ListingsTests {
    @Test("a page-number listing (style A) decodes totals and links")
    func pageNumberListing() throws {
        let page = try roundTripFixture("skills-page", as: SkillEntityListing.self)
        #expect(page.pageSize == 2)
        #expect(page.pageNumber == 1)
        #expect(page.total == 5)
        #expect(page.pageCount == 3)
        #expect(page.firstUri == "/api/v2/routing/skills?pageSize=2&pageNumber=1")
        #expect(page.selfUri == "/api/v2/routing/skills?pageSize=2&pageNumber=1")
        #expect(page.nextUri == "/api/v2/routing/skills?pageSize=2&pageNumber=2")
        #expect(page.lastUri == "/api/v2/routing/skills?pageSize=2&pageNumber=3")
        #expect(page.previousUri == nil)
        #expect(page.entities?.map(\.name) == ["Billing", "Refunds"])
        #expect(page.entities?.map(\.state) == [.active, .deleted])
        #expect(page.entities?[1].division == nil)
    }

    @Test("a total beyond 32 bits decodes (int64 on the wire)")
    func largeTotal() throws {
        let page = try decode(#"{"entities":[],"total":5000000000}"#, as: UserEntityListing.self)
        #expect(page.total == 5_000_000_000)
        #expect(page.entities == [])
    }

    @Test("the deprecated queue-users listing is style A with queue members")
    func queueMemberListingV1() throws {
        let page = try decode(#"{"entities":[{"id":"u-1","joined":true}],"total":1,"pageCount":1}"#, as: QueueMemberEntityListingV1.self)
        #expect(page.entities == [QueueMember(id: "u-1", joined: true)])
        #expect(page.total == 1)
        try expectRoundTrip(page)
    }

    @Test("the style-B member listing has no totals")
    func queueMemberListingHasNoTotals() throws {
        let page = try decode(#"{"entities":[],"pageNumber":3,"pageSize":100,"total":999,"pageCount":10}"#, as: QueueMemberEntityListing.self)
        #expect(page.pageNumber == 3)
        #expect(try encodeToString(page) == #"{"entities":[],"pageNumber":3,"pageSize":100}"#)
    }

    @Test("a cursor listing (style C) decodes and exposes the percent-decoded after cursor")
    func cursorListing() throws {
        let page = try roundTripFixture("skillgroups-cursor-page", as: SkillGroupEntityListing.self)
        #expect(page.entities?.map(\.name) == ["Billing Experts", "Spanish Speakers"])
        #expect(page.entities?.first?.memberCount == 42)
        #expect(page.selfUri == "/api/v2/routing/skillgroups?pageSize=2")
        #expect(page.previousUri == "/api/v2/routing/skillgroups?pageSize=2&before=eyJpZCI6IjFjNmQifQ%3D%3D")
        #expect(page.nextCursor == "eyJpZCI6IjJkN2UifQ==")
    }

    @Test(
        "nextCursor reads the after value of nextUri",
        arguments: [
            ("/api/v2/routing/skillgroups?after=abc123", "abc123"),
            ("/api/v2/routing/skillgroups?pageSize=25&after=abc%2Bdef%2F%3D%3D&name=B", "abc+def/=="),
            ("/api/v2/routing/skillgroups?before=zzz&after=a%20b", "a b"),
            ("https://api.mypurecloud.ie/api/v2/users/u/skillgroups?after=XYZ", "XYZ"),
            ("/api/v2/routing/skillgroups/g/members?pageSize=25&after=%E2%9C%93", "✓"),
        ] as [(String, String)]
    )
    func nextCursorExtraction(_ nextUri: String, _ cursor: String) {
        #expect(UserSkillGroupEntityListing(nextUri: nextUri).nextCursor == cursor)
    }

    @Test(
        "nextCursor is nil without a usable after value",
        arguments: [
            nil,
            "",
            "/api/v2/routing/skillgroups",
            "/api/v2/routing/skillgroups?pageSize=25",
            "/api/v2/routing/skillgroups?before=abc",
            "/api/v2/routing/skillgroups?after=",
            "/api/v2/routing/skillgroups?afterwards=abc",
        ] as [String?]
    )
    func nextCursorAbsent(_ nextUri: String?) {
        #expect(SkillGroupEntityListing(nextUri: nextUri).nextCursor == nil)
    }

    @Test("listings over any Codable entity round-trip")
    func genericListings() throws {
        let listing = EntityListing(entities: [WrapupCode(name: "A")], pageSize: 1, pageNumber: 1, total: 1, pageCount: 1)
        #expect(
            try encodeToString(listing) == #"{"entities":[{"name":"A"}],"pageCount":1,"pageNumber":1,"pageSize":1,"total":1}"#
        )
        try expectRoundTrip(listing)
        try expectRoundTrip(CursorListing(entities: [SkillGroup(name: "G")], nextUri: "/x?after=1"))
    }
}
