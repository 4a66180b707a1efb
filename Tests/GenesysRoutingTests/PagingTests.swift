import Foundation
import GenesysCore
import GenesysRouting
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Paging styles")
struct PagingTests {
    @Test("style A follows pageNumber until pageCount: three pages")
    func styleAThreePages() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/queues": { request in
                let n = Int(request.param("pageNumber") ?? "") ?? 0
                return .json(pageJSON([entity("q\(n)", "Queue \(n)")], pageNumber: n, pageCount: 3, total: 3))
            },
        ])
        let pages = try await h.routing.listQueues(pageSize: 1).collectPages()
        #expect(pages.map(\.pageNumber) == [1, 2, 3])
        #expect(try await h.routing.listQueues(pageSize: 1).collectItems().map(\.id) == ["q1", "q2", "q3"])
        #expect(h.requests.prefix(3).map { $0.param("pageSize") } == ["1", "1", "1"])
    }

    @Test("style A without pageCount keeps going while nextUri is present")
    func styleANextUriFallback() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/wrapupcodes": { request in
                let n = Int(request.param("pageNumber") ?? "") ?? 0
                return .json(pageJSON([entity("w\(n)", "W\(n)")], pageNumber: n, nextUri: n < 2 ? "/api/v2/routing/wrapupcodes?pageNumber=\(n + 1)" : nil))
            },
        ])
        #expect(try await h.routing.listWrapupCodes().collectItems().map(\.id) == ["w1", "w2"])
        #expect(h.requests.count == 2)
    }

    // Used to assert the listing quietly "stops" with two items: a partial listing must fail instead (#9).
    @Test("style A fails when the server repeats the page it was asked to leave")
    func styleARepeatedToken() async throws {
        // A server that ignores pageNumber and always answers page 1 of 5.
        let h = try Harness { _ in .json(pageJSON([entity("x", "X")], pageNumber: 1, pageCount: 5)) }
        let error = await #expect(throws: GenesysError.self) { _ = try await h.routing.listLanguages().collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.operation == "routing.listLanguages")
        #expect(h.requests.map { $0.param("pageNumber") } == ["1", "2"])
    }

    @Test("style B (queue members) continues until an empty page")
    func styleBUntilEmptyPage() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/queues/q1/members": { request in
                let n = Int(request.param("pageNumber") ?? "") ?? 0
                let members = n <= 2 ? [entity("u\(n)a", "A", #""joined":true"#), entity("u\(n)b", "B", #""joined":false,"ringNumber":2"#)] : []
                return .json(#"{"entities":[\#(members.joined(separator: ","))],"pageNumber":\#(n),"pageSize":2,"nextUri":"/api/v2/routing/queues/q1/members?pageNumber=\#(n + 1)"}"#)
            },
        ])
        let members = try await h.routing.listQueueMembers(queueID: "q1").collectItems()
        #expect(members.map(\.id) == ["u1a", "u1b", "u2a", "u2b"])
        #expect(members[1].ringNumber == 2)
        #expect(members[0].joined == true)
        #expect(h.requests.map { $0.param("pageNumber") } == ["1", "2", "3"])
    }

    @Test("style B stops when a page has no nextUri")
    func styleBNoNextUri() async throws {
        let h = try Harness { _ in .json(#"{"entities":[{"id":"u1"}],"pageNumber":1,"pageSize":100}"#) }
        #expect(try await h.routing.listQueueMembers(queueID: "q1").collectItems().count == 1)
        #expect(h.requests.count == 1)
    }

    @Test("style C takes the cursor from nextUri and sends it as after")
    func styleCCursor() async throws {
        let h = try Harness(routes: [
            "GET /api/v2/routing/skillgroups": { request in
                switch request.param("after") {
                case nil: .json(#"{"entities":[{"id":"g1","name":"G1"}],"nextUri":"/api/v2/routing/skillgroups?pageSize=100&after=abc%3D%3D"}"#)
                case "abc=="?: .json(#"{"entities":[{"id":"g2","name":"G2"}],"nextUri":"/api/v2/routing/skillgroups?after=def&pageSize=100"}"#)
                default: .json(#"{"entities":[{"id":"g3","name":"G3"}]}"#)
                }
            },
        ])
        let groups = try await h.routing.listSkillGroups(name: "G").collectItems()
        #expect(groups.map(\.id) == ["g1", "g2", "g3"])
        #expect(h.requests.map { $0.param("after") } == [nil, "abc==", "def"])
        #expect(h.requests.allSatisfy { $0.param("name") == "G" && $0.param("pageSize") == "100" })
    }

    // Used to assert the listing quietly "stops" with two groups: a partial listing must fail instead (#9).
    @Test("style C fails on a repeated cursor")
    func styleCRepeatedCursor() async throws {
        let h = try Harness { _ in .json(#"{"entities":[{"id":"g"}],"nextUri":"/api/v2/routing/skillgroups?after=same"}"#) }
        let error = await #expect(throws: GenesysError.self) { _ = try await h.routing.listSkillGroups().collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(error?.operation == "routing.listSkillGroups")
        #expect(h.requests.map { $0.param("after") } == [nil, "same"])
    }

    @Test("style C fails when nextUri carries no after cursor, instead of ending")
    func styleCNextWithoutCursor() async throws {
        let h = try Harness { _ in .json(#"{"entities":[{"id":"g"}],"nextUri":"/api/v2/routing/skillgroups?pageSize=100"}"#) }
        let error = await #expect(throws: GenesysError.self) { _ = try await h.routing.listSkillGroups().collectItems() }
        #expect(error?.code == .inconsistentListing)
        #expect(h.requests.count == 1)
    }

    @Test("style D posts the search, then follows nextPage with q64 GETs")
    func styleDSearch() async throws {
        let h = try Harness(routes: [
            "POST /api/v2/users/search": { _ in
                .json(#"{"total":3,"pageCount":3,"pageNumber":1,"pageSize":1,"nextPage":"tok2","results":[{"id":"u1"}]}"#)
            },
            "GET /api/v2/users/search": { request in
                switch request.param("q64") {
                case "tok2"?: .json(#"{"total":3,"pageCount":3,"pageNumber":2,"nextPage":"tok3","results":[{"id":"u2"}]}"#)
                default: .json(#"{"total":3,"pageCount":3,"pageNumber":3,"nextPage":"tok4","results":[{"id":"u3"}]}"#)
                }
            },
        ])
        let request = UserSearchRequest(pageSize: 1, expand: ["skills"], query: [UserSearchCriteria(value: "a", fields: ["name"], type: .contains)])
        let users = try await h.routing.searchUsers(request).collectItems()
        #expect(users.map(\.id) == ["u1", "u2", "u3"])
        #expect(h.routes == ["POST /api/v2/users/search", "GET /api/v2/users/search", "GET /api/v2/users/search"])
        #expect(h.requests.dropFirst().map { $0.param("q64") } == ["tok2", "tok3"])
        #expect(h.requests.dropFirst().allSatisfy { $0.query("expand") == ["skills"] })
        #expect(try h.requests[0].json() == JSONValue(#"{"pageSize":1,"expand":["skills"],"query":[{"value":"a","fields":["name"],"type":"CONTAINS"}]}"#))
        let counts = await h.client.counters.snapshot()
        #expect(counts.writes == 0)
    }

    @Test("items iterate lazily across pages")
    func itemsAcrossPages() async throws {
        let h = try Harness { request in
            let n = Int(request.param("pageNumber") ?? "") ?? 0
            return .json(pageJSON([entity("d\(n)", "D")], pageNumber: n, pageCount: 4))
        }
        var seen: [String] = []
        for try await division in h.routing.listDivisions().items {
            seen.append(division.id ?? "")
            if seen.count == 2 { break }
        }
        #expect(seen == ["d1", "d2"])
        #expect(h.requests.count == 2)
    }
}
