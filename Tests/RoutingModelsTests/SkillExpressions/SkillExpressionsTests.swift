import Foundation
import RoutingModels
import Testing

@Suite("Skill expressions")
struct SkillExpressionsTests {
    @Test("a valid expression result decodes skills and hint")
    func validResult() throws {
        let result = try roundTripFixture("skill-expression-validation", as: SkillExpressionValidationResult.self)
        #expect(result.valid == true)
        #expect(result.expression == "#skills['Billing'] >= 3 and #languageSkills['Spanish'] > 2")
        #expect(result.skills?.map(\.name) == ["Billing", "Spanish"])
        #expect(result.skills?.map(\.isLanguageSkill) == [false, true])
        #expect(result.errors == [])
        #expect(result.hint == "Expression is near the recommended complexity limit")
    }

    @Test("an invalid expression result decodes a null expression and positioned errors")
    func invalidResult() throws {
        let result = try roundTripFixture("skill-expression-validation-invalid", as: SkillExpressionValidationResult.self, exact: false)
        #expect(result.valid == false)
        #expect(result.expression == nil)
        #expect(result.skills == [])
        #expect(
            result.errors == [
                SkillExpressionValidationError(code: "UNKNOWN_SKILL", message: "Skill 'Biling' does not exist", position: 7),
                SkillExpressionValidationError(code: "SYNTAX_ERROR", message: "Unexpected end of expression"),
            ]
        )
        #expect(result.hint == nil)
    }

    @Test("a validation request and an expression page round-trip")
    func requestAndPage() throws {
        let request = SkillExpressionData(expression: "Skill('Billing') >= 3")
        #expect(try encodeToString(request) == #"{"expression":"Skill('Billing') >= 3"}"#)
        try expectRoundTrip(request)

        let page = try roundTripFixture("skill-expressions-page", as: SkillExpressionEntityListing.self)
        let expression = try #require(page.entities?.first)
        #expect(expression.name == "Billing and Spanish")
        #expect(expression.queueId == "4f9a0b1c-2d3e-4f4a-9b5c-7d8e9f0a1b2c")
        #expect(expression.expression == "Skill('Billing') >= 3 AND LanguageSkill('Spanish') > 2")
        #expect(page.nextUri == nil)
    }
}
