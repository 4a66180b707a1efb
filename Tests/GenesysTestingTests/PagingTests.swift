import Foundation
import GenesysCore
import GenesysTesting
import HTTPTypes
import RoutingModels
import Testing

@Suite("Paging styles A–D")
struct PagingTests {
    @Test("style A: totals, page count and relative links with the other query parameters kept")
    func styleA() async throws {
        let h = FakeOrgHarness()
        for index in 1...30 { try h.org.addSkill(name: String(format: "Skill %02d", index)) }
        let first = try await h.get("/api/v2/routing/skills", [("pageSize", "10"), ("name", "Skill")], as: SkillEntityListing.self)
        #expect(first.total == 30)
        #expect(first.pageCount == 3)
        #expect(first.pageNumber == 1)
        #expect(first.pageSize == 10)
        #expect(first.previousUri == nil)
        #expect(first.firstUri == "/api/v2/routing/skills?pageSize=10&pageNumber=1&name=Skill")
        #expect(first.selfUri == "/api/v2/routing/skills?pageSize=10&pageNumber=1&name=Skill")
        #expect(first.nextUri == "/api/v2/routing/skills?pageSize=10&pageNumber=2&name=Skill")
        #expect(first.lastUri == "/api/v2/routing/skills?pageSize=10&pageNumber=3&name=Skill")

        var names = first.entities?.compactMap(\.name) ?? []
        var page = first
        while let next = page.nextUri {
            page = try await h.follow(next, as: SkillEntityListing.self)
            names += page.entities?.compactMap(\.name) ?? []
        }
        #expect(page.pageNumber == 3)
        #expect(page.previousUri == "/api/v2/routing/skills?pageSize=10&pageNumber=2&name=Skill")
        #expect(names == (1...30).map { String(format: "Skill %02d", $0) })
    }

    @Test("style A: default page size 25; page size above 500 or below 1 is 400 naming the field")
    func pageSizeLimits() async throws {
        let h = FakeOrgHarness()
        for index in 1...26 { try h.org.addSkill(name: "S\(index)") }
        let page = try await h.get("/api/v2/routing/skills", as: SkillEntityListing.self)
        #expect(page.pageSize == 25)
        #expect(page.entities?.count == 25)
        #expect(try await h.get("/api/v2/routing/skills", [("pageSize", "500")], as: SkillEntityListing.self).entities?.count == 26)
        for (name, value) in [("pageSize", "501"), ("pageSize", "0"), ("pageNumber", "0"), ("pageSize", "ten")] {
            let error = await h.failure { try await h.send(.get, "/api/v2/routing/skills", [(name, value)]) }
            #expect(error?.status == 400)
            #expect(error?.serverCode == "invalid.value")
            #expect(error?.details.first?.fieldName == name)
        }
        let beyond = try await h.get("/api/v2/routing/skills", [("pageNumber", "9")], as: SkillEntityListing.self)
        #expect(beyond.entities == [])
        #expect(beyond.nextUri == nil)
    }

    @Test("style B (queue members): no totals, page size at most 100, a full last page still links on")
    func styleB() async throws {
        let h = FakeOrgHarness()
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Big")))
        var users: [String] = []
        for index in 1...120 { users.append(try h.org.addUser(name: String(format: "Agent %03d", index), email: "a\(index)@example.com")) }
        try h.org.addQueueMembers(queueID: queue, userIDs: Array(users[..<100]))
        try h.org.addQueueMembers(queueID: queue, userIDs: Array(users[100...]))

        let path = "/api/v2/routing/queues/\(queue)/members"
        let raw = try await h.send(.get, path, [("pageSize", "100")])
        let object = try #require(try JSONSerialization.jsonObject(with: raw.body) as? [String: Any])
        #expect(object["total"] == nil && object["pageCount"] == nil && object["lastUri"] == nil)
        let first = try h.decode(QueueMemberEntityListing.self, raw)
        #expect(first.entities?.count == 100)
        #expect(first.nextUri == "\(path)?pageSize=100&pageNumber=2")
        let second = try await h.follow(try #require(first.nextUri), as: QueueMemberEntityListing.self)
        #expect(second.entities?.count == 20)
        #expect(second.nextUri == nil)
        #expect(second.previousUri == "\(path)?pageSize=100&pageNumber=1")
        let names = (first.entities ?? []) + (second.entities ?? [])
        #expect(names.compactMap(\.name) == (1...120).map { String(format: "Agent %03d", $0) })

        // 120 members in pages of 60: the second page is full, so it links to an empty third page.
        let full = try await h.get(path, [("pageSize", "60"), ("pageNumber", "2")], as: QueueMemberEntityListing.self)
        #expect(full.entities?.count == 60)
        let empty = try await h.follow(try #require(full.nextUri), as: QueueMemberEntityListing.self)
        #expect(empty.entities == [])
        #expect(empty.nextUri == nil)

        let error = await h.failure { try await h.send(.get, path, [("pageSize", "101")]) }
        #expect(error?.status == 400)
        #expect(error?.details.first?.fieldName == "pageSize")
    }

    @Test("style C (skill groups): cursors in nextUri, stable when items are deleted in between")
    func styleC() async throws {
        let h = FakeOrgHarness()
        try h.org.addSkill(name: "Billing")
        var ids: [String] = []
        for index in 1...30 {
            ids.append(try h.org.addSkillGroup(SkillGroupWithMemberDivisions(
                name: String(format: "Group %02d", index),
                skillConditions: [Condition.node(.and, skills: [Condition.skill("Billing", .greaterThanOrEqualTo, 1)])]
            )))
        }
        let first = try await h.get("/api/v2/routing/skillgroups", [("pageSize", "10")], as: SkillGroupEntityListing.self)
        #expect(first.entities?.count == 10)
        let next = try #require(first.nextUri)
        #expect(next.hasPrefix("/api/v2/routing/skillgroups?pageSize=10&after="))
        #expect(first.nextCursor != nil)
        #expect(first.previousUri == nil)
        let raw = try await h.send(.get, "/api/v2/routing/skillgroups", [("pageSize", "10")])
        let object = try #require(try JSONSerialization.jsonObject(with: raw.body) as? [String: Any])
        #expect(object["total"] == nil && object["pageNumber"] == nil)
        let element = try #require((object["entities"] as? [[String: Any]])?.first)
        #expect(element["skillConditions"] == nil && element["status"] == nil)
        #expect(element["memberCount"] as? Int == 0)

        // Delete the first group of the next page before reading it: the cursor still works.
        let secondPageFirst = ids[10]
        try await h.send(.delete, "/api/v2/routing/skillgroups/\(secondPageFirst)")
        var names = first.entities?.compactMap(\.name) ?? []
        var page = try await h.get("/api/v2/routing/skillgroups", [("pageSize", "10"), ("after", try #require(first.nextCursor))], as: SkillGroupEntityListing.self)
        names += page.entities?.compactMap(\.name) ?? []
        #expect(page.previousUri != nil)
        while let uri = page.nextUri {
            page = try await h.follow(uri, as: SkillGroupEntityListing.self)
            names += page.entities?.compactMap(\.name) ?? []
        }
        #expect(names == (1...30).filter { $0 != 11 }.map { String(format: "Group %02d", $0) })

        // `before` pages backwards.
        let back = try await h.follow(try #require(page.previousUri), as: SkillGroupEntityListing.self)
        #expect(back.entities?.compactMap(\.name) == (12...21).map { String(format: "Group %02d", $0) })

        let error = await h.failure { try await h.send(.get, "/api/v2/routing/skillgroups", [("after", "%%%")]) }
        #expect(error?.status == 400)
        #expect(error?.details.first?.fieldName == "after")
    }

    @Test("style D (user search): POST then GET ?q64= continuation tokens")
    func styleD() async throws {
        let h = FakeOrgHarness()
        for index in 1...30 { try h.org.addUser(name: String(format: "Agent %02d", index), email: "agent\(index)@example.com") }
        try h.org.addUser(name: "Other", email: "other@elsewhere.test")
        let search = UserSearchRequest(
            sortOrder: .ascending, sortBy: "name", pageSize: 12,
            query: [UserSearchCriteria(value: "@EXAMPLE.com", fields: ["email"], type: .contains)]
        )
        let first = try await h.send(.post, "/api/v2/users/search", json: search, as: UsersSearchResponse.self)
        #expect(first.total == 30)
        #expect(first.pageCount == 3)
        #expect(first.pageNumber == 1)
        #expect(first.types == ["users"])
        #expect(first.previousPage == nil)
        #expect(first.currentPage != nil)
        var names = first.results?.compactMap(\.name) ?? []
        var page = first
        while let token = page.nextPage {
            page = try await h.get("/api/v2/users/search", [("q64", token)], as: UsersSearchResponse.self)
            names += page.results?.compactMap(\.name) ?? []
        }
        #expect(page.pageNumber == 3)
        #expect(page.previousPage != nil)
        #expect(names == (1...30).map { String(format: "Agent %02d", $0) })
        #expect(h.org.writes.isEmpty)

        let error = await h.failure { try await h.send(.get, "/api/v2/users/search", [("q64", "garbage")]) }
        #expect(error?.status == 400)
        #expect(error?.details.first?.fieldName == "q64")
    }

    @Test("a PageSequence over style B stops on the empty page after a full one")
    func pageSequenceOverStyleB() async throws {
        let h = FakeOrgHarness()
        let queue = try h.org.addQueue(CreateQueueRequest(queue: QueueRequest(name: "Q")))
        var users: [String] = []
        for index in 1...50 { users.append(try h.org.addUser(name: "U\(index)", email: "u\(index)@example.com")) }
        try h.org.addQueueMembers(queueID: queue, userIDs: users)
        let client = h.client
        let sequence = PageSequence<QueueMemberEntityListing, QueueMember>(
            first: .number(1),
            fetch: { token in
                guard case .number(let number)? = token else { throw CancellationError() }
                let response = try await client.send(GenesysRequest(
                    method: .get, path: "/api/v2/routing/queues/\(queue)/members",
                    query: [.init("pageSize", "25"), .init("pageNumber", "\(number)")], operation: "test"
                ))
                return try GenesysJSON.makeDecoder().decode(QueueMemberEntityListing.self, from: response.body)
            },
            items: { $0.entities ?? [] },
            next: { page, _ in page.nextUri == nil ? nil : page.pageNumber.map { .number($0 + 1) } }
        )
        let members = try await sequence.collectItems()
        #expect(members.count == 50)
        #expect(h.org.count(method: .get, pathPrefix: "/api/v2/routing/queues/\(queue)/members") == 3)
    }
}
