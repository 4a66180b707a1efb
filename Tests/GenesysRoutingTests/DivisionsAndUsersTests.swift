import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Divisions")
struct DivisionsTests {
    @Test("list, find, home, get with objectCount")
    func reads() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/authorization/divisions": { _ in .json(pageJSON([entity("d1", "Home", #""homeDivision":true"#), entity("d2", "Home Office")], pageNumber: 1, pageCount: 1)) },
            "GET /api/v2/authorization/divisions/home": { _ in .json(entity("d1", "Home", #""homeDivision":true"#)) },
            "GET /api/v2/authorization/divisions/d2": { _ in .json(entity("d2", "Home Office", #""objectCounts":{"QUEUE":3}"#)) },
        ])
        #expect(try await h.routing.listDivisions(name: "Home").collectItems().count == 2)
        #expect(h.requests[0].param("pageSize") == "100")
        #expect(try await h.routing.findDivision(named: "Home")?.id == "d1")
        #expect(try await h.routing.getHomeDivision().homeDivision == true)
        #expect(try await h.routing.getDivision(id: "d2", objectCount: true).objectCounts?["QUEUE"] == 3)
        #expect(h.requests.last?.query("objectCount") == ["true"])
    }

    @Test("moveObjects posts the ids as a bare array to the object-type path")
    func moveObjects() async throws {
        let h = try Harness(routes: ["POST /api/v2/authorization/divisions/d1/objects/SKILLGROUP": { _ in .empty() }])
        try await h.routing.moveObjects(toDivision: "d1", objectType: .skillGroup, objectIDs: ["g1", "g2", "g1"])
        #expect(try h.requests[0].json() == JSONValue(#"["g1","g2"]"#))
        try await h.routing.moveObjects(toDivision: "d1", objectType: .queue, objectIDs: [])
        #expect(h.requests.count == 1)
    }
}

@Suite("Users")
struct UsersTests {
    @Test("getUser sends repeated expand and percent-encodes the id")
    func getUser() async throws {
        let h = try Harness { _ in .json(entity("u 1", "Ann", #""email":"ann@example.com","version":3"#)) }
        let user = try await h.routing.getUser(id: "u 1", expand: ["skills", "languages"])
        #expect(user.version == 3)
        #expect(h.requests[0].path == "/api/v2/users/u%201")
        #expect(h.requests[0].query("expand") == ["skills", "languages"])
    }

    @Test("listUsers sends ids, expand and state")
    func listUsers() async throws {
        let h = try Harness(routes: ["GET /api/v2/users": { _ in .json(pageJSON([entity("u1", "Ann")], pageNumber: 1, pageCount: 1)) }])
        _ = try await h.routing.listUsers(ids: ["u1"], expand: ["routingStatus"], state: "any").collectItems()
        #expect(h.requests[0].query("id") == ["u1"])
        #expect(h.requests[0].query("expand") == ["routingStatus"])
        #expect(h.requests[0].query("state") == ["any"])
        #expect(h.requests[0].query("pageSize") == ["500"])
    }

    @Test("findUser searches EXACT on email and compares the address on the client")
    func findUser() async throws {
        let h = try Harness(routes: [
            "POST /api/v2/users/search": { _ in
                .json(#"{"total":2,"pageCount":1,"pageNumber":1,"results":[{"id":"u1","email":"ann.lee@example.com"},{"id":"u2","email":"Ann@Example.com"}]}"#)
            },
        ])
        let user = try await h.routing.findUser(email: "ann@example.com")
        #expect(user?.id == "u2")
        #expect(try h.requests[0].json() == JSONValue(#"{"query":[{"type":"EXACT","fields":["email"],"value":"ann@example.com"}],"sortBy":"email","sortOrder":"ASC"}"#))
        #expect(try await h.routing.findUser(email: "bob@example.com") == nil)
    }
}
