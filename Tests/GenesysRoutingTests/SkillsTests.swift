import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Skills")
struct SkillsTests {
    @Test("listSkills sends the name filter, repeated ids and the page size, and decodes skills")
    func listRequestShape() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { _ in
                .json(pageJSON([entity("s1", "Billing", #""state":"active","division":{"id":"d1","name":"Home"}"#)], pageNumber: 1, pageCount: 1))
            },
        ])
        let skills = try await h.routing.listSkills(name: "Bill", ids: ["s1", "s2"]).collectItems()
        #expect(skills.map(\.id) == ["s1"])
        #expect(skills.first?.division?.name == "Home")
        #expect(skills.first?.state == .active)
        let request = try #require(h.requests.first)
        #expect(request.method == .get)
        #expect(request.query("name") == ["Bill"])
        #expect(request.query("id") == ["s1", "s2"])
        #expect(request.query("pageSize") == ["500"])
        #expect(request.query("pageNumber") == ["1"])
        #expect(h.transport.exchanges.first?.operation == "routing.listSkills")
    }

    @Test("deleted skills are left out of the items, and a page of only deleted skills does not end the listing")
    func deletedSkillsFiltered() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { request in
                switch request.param("pageNumber") {
                case "1": .json(pageJSON([entity("a", "A", #""state":"active""#), entity("b", "B", #""state":"deleted""#)], pageNumber: 1, pageCount: 3))
                case "2": .json(pageJSON([entity("c", "C", #""state":"deleted""#)], pageNumber: 2, pageCount: 3))
                default: .json(pageJSON([entity("d", "D", #""state":"inactive""#)], pageNumber: 3, pageCount: 3))
                }
            },
        ])
        let skills = try await h.routing.listSkills().collectItems()
        #expect(skills.map(\.id) == ["a", "d"])
        #expect(h.requests.map { $0.param("pageNumber") } == ["1", "2", "3"])
    }

    @Test("findSkill matches the exact name only, ignoring prefix matches and deleted skills")
    func findSkillExact() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { _ in
                .json(pageJSON([
                    entity("1", "Billing EN", #""state":"active""#),
                    entity("2", "Billing", #""state":"deleted""#),
                    entity("3", "billing", #""state":"active""#),
                    entity("4", "Billing", #""state":"active""#),
                ], pageNumber: 1, pageCount: 1))
            },
        ])
        let skill = try await h.routing.findSkill(named: "Billing")
        #expect(skill?.id == "4")
        #expect(h.requests.first?.param("name") == "Billing")
        #expect(try await h.routing.findSkill(named: "Billin") == nil)
    }

    @Test("findSkill throws conflict when two live skills have exactly the name; findSkills returns both")
    func findSkillAmbiguous() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { _ in
                .json(pageJSON([entity("1", "Sales", #""state":"active""#), entity("2", "Sales", #""state":"inactive""#)], pageNumber: 1, pageCount: 1))
            },
        ])
        let error = await genesysError { _ = try await h.routing.findSkill(named: "Sales") }
        #expect(error?.code == .conflict)
        #expect(error?.operation == "routing.findSkill")
        #expect(error?.message?.contains("1, 2") == true)
        #expect(try await h.routing.findSkills(named: "Sales").map(\.id) == ["1", "2"])
    }

    @Test("getSkill percent-encodes the id in the path")
    func getSkillEncodesID() async throws {
        let h = try Harness { _ in .json(entity("a/b c", "X")) }
        let skill = try await h.routing.getSkill(id: "a/b c?x=1")
        #expect(skill.name == "X")
        #expect(h.requests.first?.path == "/api/v2/routing/skills/a%2Fb%20c%3Fx%3D1")
        #expect(h.requests.first?.query.isEmpty == true)
    }

    @Test("createSkill posts CreateRoutingSkill with name and divisionId")
    func createSkill() async throws {
        let h = try Harness(routes: [
            "POST /api/v2/routing/skills": { _ in .json(entity("new", "Billing", #""state":"active""#)) },
        ])
        let skill = try await h.routing.createSkill(CreateRoutingSkill(name: "Billing", divisionId: "d1"))
        #expect(skill.id == "new")
        #expect(try h.requests[0].json() == JSONValue(#"{"name":"Billing","divisionId":"d1"}"#))
        _ = try await h.routing.createSkill(CreateRoutingSkill(name: "Billing"))
        #expect(try h.requests[1].json() == JSONValue(#"{"name":"Billing"}"#))
    }

    @Test("moveSkill patches divisionId and deleteSkill sends DELETE")
    func updateDivisionAndDelete() async throws {
        let h = try Harness(routes: [
            "PATCH /api/v2/routing/skills/s1": { _ in .json(entity("s1", "A", #""division":{"id":"d2"}"#)) },
            "DELETE /api/v2/routing/skills/s1": { _ in .empty(status: 204) },
        ])
        let moved = try await h.routing.moveSkill(id: "s1", toDivision: "d2")
        #expect(moved.division?.id == "d2")
        #expect(try h.requests[0].json() == JSONValue(#"{"divisionId":"d2"}"#))
        try await h.routing.deleteSkill(id: "s1")
        #expect(h.routes == ["PATCH /api/v2/routing/skills/s1", "DELETE /api/v2/routing/skills/s1"])
    }

    @Test("a 404 error body becomes GenesysError.notFound with server code, message and correlation id")
    func notFound() async throws {
        let h = try Harness { _ in
            .json(errorBody(status: 404, code: "not.found", message: "skill not found", contextId: "body-ctx"), status: 404,
                  headers: ["ININ-Correlation-Id": "corr-123"])
        }
        let error = await genesysError { _ = try await h.routing.getSkill(id: "missing") }
        #expect(error?.code == .notFound)
        #expect(error?.status == 404)
        #expect(error?.serverCode == "not.found")
        #expect(error?.message == "skill not found")
        #expect(error?.correlationID == "corr-123")
        #expect(error?.operation == "routing.getSkill")
    }

    @Test("invalid arguments are refused before anything is sent", arguments: [
        "getSkill", "createSkill", "deleteSkill", "moveSkill", "findSkill",
    ])
    func invalidArguments(_ call: String) async throws {
        let h = try Harness { _ in .json("{}") }
        let error = await genesysError {
            switch call {
            case "getSkill": _ = try await h.routing.getSkill(id: "")
            case "createSkill": _ = try await h.routing.createSkill(CreateRoutingSkill(name: "  "))
            case "deleteSkill": try await h.routing.deleteSkill(id: "")
            case "moveSkill": _ = try await h.routing.moveSkill(id: "s", toDivision: "")
            default: _ = try await h.routing.findSkill(named: "")
            }
        }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message?.contains("must not be empty") == true)
        #expect(h.requests.isEmpty)
    }

    @Test("listing is lazy: nothing is sent until iteration starts")
    func lazy() async throws {
        let h = try Harness { _ in .json(pageJSON([], pageNumber: 1, pageCount: 0)) }
        let sequence = h.routing.listSkills()
        #expect(h.requests.isEmpty)
        _ = try await sequence.collectItems()
        #expect(h.requests.count == 1)
    }

    @Test("more than 100 ids are fetched in chunks of 100; an empty id list sends nothing")
    func chunkedIDs() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skills": { request in
                .json(pageJSON(request.query("id").map { entity($0, "n-\($0)", #""state":"active""#) }, pageNumber: 1, pageCount: 1))
            },
        ])
        let ids = (1...250).map { "id\($0)" }
        let skills = try await h.routing.listSkills(ids: ids).collectItems()
        #expect(skills.map(\.id) == ids)
        #expect(h.requests.map { $0.query("id").count } == [100, 100, 50])
        #expect(try await h.routing.listSkills(ids: []).collectItems().isEmpty)
        #expect(h.requests.count == 3)
    }
}
