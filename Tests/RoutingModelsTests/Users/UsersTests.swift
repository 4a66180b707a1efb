import Foundation
import RoutingModels
import Testing

@Suite("Users, user skills and languages, user search")
struct UsersTests {
    @Test("a user with skills and languages decodes every modelled field and round-trips exactly")
    func userWithSkills() throws {
        let user = try roundTripFixture("user-with-skills", as: User.self)
        #expect(user.id == "3e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b")
        #expect(user.name == "Jane Doe")
        #expect(user.division?.name == "Home")
        #expect(user.chat?.jabberId == "5f0a1b2c3d4e5f6a7b8c9d0e@example.orgspan.com")
        #expect(user.department == "Finance")
        #expect(user.email == "jane.doe@example.com")
        #expect(user.state == .active)
        #expect(user.title == "Billing Agent")
        #expect(user.username == "jane.doe@example.com")
        #expect(user.version == 12)
        #expect(user.certifications == ["PCI"])
        #expect(user.preferredName == "Jane")
        #expect(user.routingStatus?.status == .interacting)
        #expect(user.profileSkills == ["Accounting"])
        #expect(user.acdAutoAnswer == false)
        #expect(user.languagePreference == "en-us")
        #expect(sameMillisecond(user.dateLastLogin, utcDate(2024, 6, 3, 8)))
        #expect(sameMillisecond(user.dateWelcomeSent, utcDate(2021, 1, 4, 10)))

        let skills = try #require(user.skills)
        #expect(skills.map(\.name) == ["Billing", "Refunds"])
        #expect(skills.map(\.proficiency) == [4, 2.5])
        #expect(skills.map(\.state) == [.active, .inactive])
        #expect(skills[0].skillUri == "/api/v2/routing/skills/5c0f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")

        let language = try #require(user.languages?.first)
        #expect(language.name == "Spanish")
        #expect(language.proficiency == 5)
        #expect(language.languageUri == "/api/v2/routing/languages/7e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b")
    }

    @Test("the unmodelled expansion tree of a user is ignored")
    func unmodelledUserFieldsIgnored() throws {
        let user = try decodeFixture("user-expanded", as: User.self)
        #expect(user.name == "Jane Doe")
        #expect(user.version == 12)
        #expect(user.state == .active)
        #expect(
            try encodeToString(user)
                == #"{"email":"jane.doe@example.com","id":"3e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b","name":"Jane Doe","#
                + #""selfUri":"/api/v2/users/3e8f9a0b-1c2d-4e3f-8a4b-6c7d8e9f0a1b","state":"active","version":12}"#
        )
    }

    @Test("skill and language assignment bodies encode exactly")
    func assignmentBodies() throws {
        let skills = [UserRoutingSkillPost(id: "s-1", proficiency: 4), UserRoutingSkillPost(id: "s-2", proficiency: 2.5)]
        #expect(try encodeToString(skills) == #"[{"id":"s-1","proficiency":4},{"id":"s-2","proficiency":2.5}]"#)
        try expectRoundTrip(skills)

        let languages = [UserRoutingLanguagePost(id: "l-1", proficiency: 0)]
        #expect(try encodeToString(languages) == #"[{"id":"l-1","proficiency":0}]"#)
        try expectRoundTrip(languages)

        let update = UserRoutingSkill(id: "s-1", proficiency: 3.5, state: .inactive)
        #expect(try encodeToString(update) == #"{"id":"s-1","proficiency":3.5,"state":"inactive"}"#)
        try expectRoundTrip(update)

        let languageUpdate = UserRoutingLanguage(id: "l-1", proficiency: 1)
        #expect(try encodeToString(languageUpdate) == #"{"id":"l-1","proficiency":1}"#)
        try expectRoundTrip(languageUpdate)
    }

    @Test("assignment responses with read-only URIs round-trip")
    func assignmentResponses() throws {
        let json = #"{"id":"s-1","proficiency":4.5,"skillUri":"/api/v2/routing/skills/s-1","selfUri":"/api/v2/users/u/routingskills/s-1"}"#
        let post = try decode(json, as: UserRoutingSkillPost.self)
        #expect(post.skillUri == "/api/v2/routing/skills/s-1")
        #expect(post.proficiency == 4.5)
        try expectRoundTrip(post)

        let languageJSON = #"{"id":"l-1","proficiency":2,"languageUri":"/api/v2/routing/languages/l-1"}"#
        let language = try decode(languageJSON, as: UserRoutingLanguagePost.self)
        #expect(language.languageUri == "/api/v2/routing/languages/l-1")
        try expectRoundTrip(language)
    }

    @Test("a user-skill page decodes")
    func userSkillsPage() throws {
        let page = try roundTripFixture("user-skills-page", as: UserSkillEntityListing.self)
        #expect(page.total == 1)
        #expect(page.entities?.first?.proficiency == 4.5)
        #expect(page.entities?.first?.state == .active)
    }

    @Test("the minimal email search request encodes exactly as documented")
    func searchRequest() throws {
        let request = UserSearchRequest(
            sortOrder: .ascending,
            sortBy: "email",
            query: [UserSearchCriteria(value: "jane.doe@example.com", fields: ["email"], type: .exact)]
        )
        let expected = try JSONValue(fixtureData("user-search-request"))
        #expect(try JSONValue(GenesysJSON.makeEncoder().encode(request)) == expected)
        #expect(try decodeFixture("user-search-request", as: UserSearchRequest.self) == request)
    }

    @Test("a search request with every field round-trips, including nested criteria")
    func fullSearchRequest() throws {
        let request = UserSearchRequest(
            sortOrder: .score,
            sortBy: "name",
            pageSize: 50,
            pageNumber: 2,
            sort: [SearchSort(sortOrder: .descending, sortBy: "name")],
            expand: ["skills", "languages"],
            query: [
                UserSearchCriteria(
                    operator: .or,
                    group: [
                        UserSearchCriteria(value: "Jane", fields: ["name"], type: .startsWith),
                        UserSearchCriteria(values: ["a@b.c", "d@e.f"], fields: ["email"], type: .terms),
                    ],
                    type: .matchAll
                ),
                UserSearchCriteria(
                    endValue: "2024-12-31T00:00:00.000Z",
                    startValue: "2024-01-01T00:00:00.000Z",
                    operator: .and,
                    dateFormat: "yyyy-MM-dd'T'HH:mm:ss.SSSX",
                    fields: ["dateLastLogin"],
                    type: .range
                ),
            ],
            integrationPresenceSource: .microsoftTeams,
            enforcePermissions: true
        )
        let data = try expectRoundTrip(request)
        let json = try JSONValue(data)
        #expect(json["sortOrder"] == JSONValue.string("SCORE"))
        #expect(json["integrationPresenceSource"] == JSONValue.string("MicrosoftTeams"))
        #expect(json["query"]?.description.contains(#""type":"STARTS_WITH""#) == true)
        #expect(json["query"]?.description.contains(#""operator":"OR""#) == true)
    }

    @Test("a search response (paging style D) decodes its tokens and users")
    func searchResponse() throws {
        let response = try roundTripFixture("users-search-response", as: UsersSearchResponse.self)
        #expect(response.total == 3)
        #expect(response.pageCount == 2)
        #expect(response.pageSize == 2)
        #expect(response.pageNumber == 1)
        #expect(response.currentPage == "eyJwYWdlTnVtYmVyIjoxfQ==")
        #expect(response.nextPage == "eyJwYWdlTnVtYmVyIjoyfQ==")
        #expect(response.previousPage == nil)
        #expect(response.types == ["users"])
        #expect(response.results?.map(\.email) == ["jane.doe@example.com", "jane.doering@example.com"])
        #expect(response.results?.map(\.state) == [.active, .inactive])
    }
}
