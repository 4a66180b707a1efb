@testable import GenesysRoutingCLI
import RoutingSync
import Testing

@Suite("rendering")
struct RenderingTests {
    let renderer = PlanRenderer(style: .plain)

    @Test("each action has its Terraform symbol and field lines")
    func actions() {
        let plan = SyncPlan(changes: [
            PlannedChange(action: .create, kind: .skill, name: "Billing", fields: [FieldChange(field: "division", from: nil, to: .string("Home"))]),
            PlannedChange(action: .update, kind: .queue, name: "Billing Support", fields: [
                FieldChange(field: "description", from: .string("old"), to: .string("new")),
            ]),
            PlannedChange(action: .replace, kind: .skillGroup, name: "Experts"),
            PlannedChange(action: .delete, kind: .wrapupCode, name: "Legacy"),
        ], unchanged: [ObjectRef(kind: .skill, name: "Refunds")])
        #expect(renderer.render(plan) == """
              + create skill "Billing"
                  division: "Home"
              ~ update queue "Billing Support"
                  description: "old" → "new"
              -/+ replace skill group "Experts"
              - delete wrap-up code "Legacy"

            Plan: 1 to create, 1 to update, 1 to replace, 1 to delete, 1 unchanged.

            """)
        #expect(renderer.render(SyncPlan(changes: [])) == "No changes. The org matches the file.\n")
    }

    @Test("conditions read as words")
    func conditions() {
        let tree = ConfigValue.array([.object([
            .init("operation", .string("Or")),
            .init("routingSkillConditions", .array([.object([
                .init("routingSkill", .string("Billing")), .init("comparator", .string("GreaterThan")), .init("proficiency", .number(1)),
                .init("childConditions", .array([.object([
                    .init("operation", .string("Not")),
                    .init("languageSkillConditions", .array([.object([
                        .init("languageSkill", .string("French")), .init("comparator", .string("EqualTo")), .init("proficiency", .number(5)),
                    ])])),
                ])])),
            ])])),
            .init("languageSkillConditions", .array([.object([
                .init("languageSkill", .string("Spanish")), .init("comparator", .string("GreaterThanOrEqualTo")), .init("proficiency", .number(4)),
            ])])),
        ])])
        #expect(ConditionText.render(tree) == #"(skill "Billing" > 1 AND (NOT (language "French" = 5))) OR language "Spanish" >= 4"#)
        #expect(ConditionText.render(.string("x")) == nil)
    }

    @Test("failed changes: stderr names the object and what to do; exit 1")
    func failures() {
        let plan = SyncPlan(changes: [
            PlannedChange(action: .create, kind: .skillGroup, name: "Experts"),
            PlannedChange(action: .create, kind: .queue, name: "Billing Support"),
        ])
        let report = SyncReport(plan: plan, results: [
            ChangeResult(kind: .skillGroup, name: "Experts", action: .create, status: .failed, error: "the API refused the condition (GenesysError.badRequest, status 400)"),
            ChangeResult(kind: .queue, name: "Billing Support", action: .create, status: .skipped, error: "depends on skill group \"Experts\", which failed"),
        ], requests: RequestSummary(total: 5, writes: 1, retries: 0))
        let (environment, output) = CLIEnvironment.captured()
        let context = CommandContext(environment: environment)
        #expect(ApplyCommand.reportFailures(report, context: context) == 1)
        #expect(output.standardError.lines == [
            #"error: create skill group "Experts" failed: the API refused the condition (GenesysError.badRequest, status 400)"#,
            "error: 2 of 2 changes were not applied; fix the cause and run apply again (it converges and creates nothing twice)",
        ])
        #expect(renderer.renderResults(report) == """
              failed   + create skill group "Experts": the API refused the condition (GenesysError.badRequest, status 400)
              skipped  + create queue "Billing Support": depends on skill group "Experts", which failed

            Apply incomplete: 0 applied, 1 failed, 1 skipped. Requests: 5 total, 1 writes, 0 retries.

            """)
    }

    @Test("JSON keeps the order values encode their keys in")
    func orderedJSON() throws {
        struct Sample: Encodable {
            var zebra = 1
            var apple = [1.5, 2]
            var nested = ["only": true]
            var missing: String?
        }
        #expect(try OrderedJSONEncoder.string(Sample()) == """
            {
              "zebra": 1,
              "apple": [1.5, 2],
              "nested": {
                "only": true
              }
            }

            """)
    }
}
