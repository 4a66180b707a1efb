import Foundation
import RoutingModels
import Testing

@Suite("Divisions")
struct DivisionsTests {
    @Test("a division page decodes home flag and object counts")
    func divisionsPage() throws {
        let page = try roundTripFixture("authz-divisions-page", as: AuthzDivisionEntityListing.self)
        let divisions = try #require(page.entities)
        #expect(divisions.map(\.name) == ["Home", "Europe"])
        #expect(divisions.map(\.homeDivision) == [true, false])
        #expect(divisions[0].description == "The home division")
        #expect(divisions[0].objectCounts == ["QUEUE": 17, "USER": 250, "SKILLGROUP": 4])
        #expect(divisions[1].objectCounts == nil)
        #expect(page.total == 2)
        #expect(page.pageCount == 1)
    }

    @Test("a division reference sends only its id when only the id is set")
    func divisionReference() throws {
        #expect(try encodeToString(Division(id: "d-1")) == #"{"id":"d-1"}"#)
        let division = try decode(#"{"id":"d-1","name":"Home","selfUri":"/api/v2/authorization/divisions/d-1"}"#, as: Division.self)
        #expect(division == Division(id: "d-1", name: "Home", selfUri: "/api/v2/authorization/divisions/d-1"))
        try expectRoundTrip(division)
        try expectRoundTrip(AuthzDivision(id: "d-1", name: "Home", description: "x", homeDivision: true, objectCounts: ["QUEUE": 1]))
    }

    @Test("division object types use the path segment spelling")
    func objectTypes() {
        #expect(DivisionObjectType.queue.rawValue == "QUEUE")
        #expect(DivisionObjectType.skillGroup.rawValue == "SKILLGROUP")
        #expect(DivisionObjectType.user.rawValue == "USER")
        #expect(DivisionObjectType.team.rawValue == "TEAM")
    }
}
