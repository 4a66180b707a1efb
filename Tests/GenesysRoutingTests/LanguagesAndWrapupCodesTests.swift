import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Languages")
struct LanguagesTests {
    @Test("list, exact find ignoring deleted, get, create, delete")
    func lifecycle() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/languages": { _ in
                .json(pageJSON([entity("1", "Spanish", #""state":"deleted""#), entity("2", "Spanish (MX)", #""state":"active""#), entity("3", "Spanish", #""state":"active""#)], pageNumber: 1, pageCount: 1))
            },
            "GET /api/v2/routing/languages/3": { _ in .json(entity("3", "Spanish", #""state":"active","version":"2""#)) },
            "POST /api/v2/routing/languages": { _ in .json(entity("4", "German")) },
            "DELETE /api/v2/routing/languages/4": { _ in .empty() },
        ])
        #expect(try await h.routing.listLanguages(name: "Spanish", ids: ["1", "2", "3"]).collectItems().map(\.id) == ["2", "3"])
        #expect(h.requests[0].query("id") == ["1", "2", "3"])
        #expect(h.requests[0].param("pageSize") == "100")
        #expect(try await h.routing.findLanguage(named: "Spanish")?.id == "3")
        #expect(try await h.routing.getLanguage(id: "3").version == "2")
        #expect(try await h.routing.createLanguage(Language(name: "German")).id == "4")
        #expect(try h.requests.last?.json() == JSONValue(#"{"name":"German"}"#))
        try await h.routing.deleteLanguage(id: "4")
        #expect(h.routes.last == "DELETE /api/v2/routing/languages/4")
    }
}

@Suite("Wrap-up codes")
struct WrapupCodesTests {
    @Test("listWrapupCodes sends name, repeated id and divisionId")
    func listShape() async throws {
        let h = try Harness(routes: ["GET /api/v2/routing/wrapupcodes": { _ in .json(pageJSON([entity("w1", "Sold")], pageNumber: 1, pageCount: 1)) }])
        _ = try await h.routing.listWrapupCodes(name: "So", ids: ["w1"], divisionIDs: ["d1", "d2"]).collectItems()
        #expect(h.requests[0].query("name") == ["So"])
        #expect(h.requests[0].query("id") == ["w1"])
        #expect(h.requests[0].query("divisionId") == ["d1", "d2"])
    }

    @Test("create POSTs and update PUTs a WrapupCodeRequest; delete DELETEs; find is exact")
    func writes() async throws {
        let h = try Harness(routes: [
            "POST /api/v2/routing/wrapupcodes": { _ in .json(entity("w1", "Sold", #""division":{"id":"d1"}"#)) },
            "PUT /api/v2/routing/wrapupcodes/w1": { _ in .json(entity("w1", "Sold out")) },
            "DELETE /api/v2/routing/wrapupcodes/w1": { _ in .empty() },
            "GET /api/v2/routing/wrapupcodes": { _ in .json(pageJSON([entity("w0", "Sold out"), entity("w1", "Sold")], pageNumber: 1, pageCount: 1)) },
            "GET /api/v2/routing/wrapupcodes/w1": { _ in .json(entity("w1", "Sold")) },
        ])
        let created = try await h.routing.createWrapupCode(WrapupCodeRequest(name: "Sold", division: Division(id: "d1"), description: "won"))
        #expect(created.division?.id == "d1")
        #expect(try h.requests[0].json() == JSONValue(#"{"name":"Sold","division":{"id":"d1"},"description":"won"}"#))
        _ = try await h.routing.updateWrapupCode(id: "w1", WrapupCodeRequest(name: "Sold out"))
        #expect(try h.requests[1].json() == JSONValue(#"{"name":"Sold out"}"#))
        #expect(h.requests[1].method == .put)
        #expect(try await h.routing.findWrapupCode(named: "Sold")?.id == "w1")
        #expect(try await h.routing.getWrapupCode(id: "w1").name == "Sold")
        try await h.routing.deleteWrapupCode(id: "w1")
        #expect(h.routes.last == "DELETE /api/v2/routing/wrapupcodes/w1")
    }

    @Test("a wrap-up code without a name is refused")
    func needsName() async throws {
        let h = try Harness { _ in .json("{}") }
        let error = await genesysError { _ = try await h.routing.createWrapupCode(WrapupCodeRequest()) }
        #expect(error?.code == .invalidRequest)
        #expect(h.requests.isEmpty)
    }
}
