import Foundation
import RoutingModels
import Testing

@Suite("Skills, languages and wrap-up codes")
struct SkillsTests {
    @Test("a routing skill decodes every field and round-trips exactly")
    func routingSkill() throws {
        let skill = try roundTripFixture("skill", as: RoutingSkill.self)
        #expect(skill.id == "5c0f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")
        #expect(skill.name == "Billing")
        #expect(skill.division?.id == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(skill.division?.name == "Home")
        #expect(sameMillisecond(skill.dateModified, utcDate(2024, 5, 14, 9, 30, 12, milliseconds: 345)))
        #expect(skill.state == .active)
        #expect(skill.version == "3")
        #expect(skill.selfUri == "/api/v2/routing/skills/5c0f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")
    }

    @Test("create and division-change requests encode only what is set")
    func skillRequests() throws {
        #expect(try encodeToString(CreateRoutingSkill(name: "Billing")) == #"{"name":"Billing"}"#)
        #expect(
            try encodeToString(CreateRoutingSkill(name: "Billing", divisionId: "d-1"))
                == #"{"divisionId":"d-1","name":"Billing"}"#
        )
        #expect(try encodeToString(UpdateSkillDivisionRequest(divisionId: "d-2")) == #"{"divisionId":"d-2"}"#)
        try expectRoundTrip(CreateRoutingSkill(name: "Billing", divisionId: "d-1"))
        try expectRoundTrip(UpdateSkillDivisionRequest(divisionId: "d-2"))
    }

    @Test("a language decodes every field and round-trips exactly")
    func language() throws {
        let language = try roundTripFixture("language", as: Language.self)
        #expect(language.id == "7e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b")
        #expect(language.name == "Spanish")
        #expect(language.state == .active)
        #expect(language.version == "1")
        #expect(sameMillisecond(language.dateModified, utcDate(2022, 8, 30, 12)))
    }

    @Test("a wrap-up code decodes every field and round-trips exactly")
    func wrapupCode() throws {
        let code = try roundTripFixture("wrapup-code", as: WrapupCode.self)
        #expect(code.name == "Resolved")
        #expect(code.description == "Customer issue resolved on first contact")
        #expect(code.division?.name == "Home")
        #expect(sameMillisecond(code.dateCreated, utcDate(2021, 3, 1, 8, 15)))
        #expect(sameMillisecond(code.dateModified, utcDate(2024, 2, 29, 23, 59, 59, milliseconds: 999)))
        #expect(code.createdBy == "9a4b5c6d-7e8f-4a9b-8c0d-2e3f4a5b6c7d")
        #expect(code.modifiedBy == "0b5c6d7e-8f9a-4b0c-9d1e-3f4a5b6c7d8e")
    }

    @Test("a wrap-up code request and a wrap-up code reference round-trip")
    func wrapupCodeRequests() throws {
        let request = try roundTripFixture("wrapup-code", as: WrapupCodeRequest.self)
        #expect(request.name == "Resolved")
        #expect(request.division?.id == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")

        let minimal = WrapupCodeRequest(name: "Escalated", division: Division(id: "d-1"))
        #expect(try encodeToString(minimal) == #"{"division":{"id":"d-1"},"name":"Escalated"}"#)

        let references = [WrapUpCodeReference(id: "w-1"), WrapUpCodeReference(id: "w-2")]
        #expect(try encodeToString(references) == #"[{"id":"w-1"},{"id":"w-2"}]"#)
        try expectRoundTrip(references)
    }
}
