import Foundation
import RoutingModels
@testable import RoutingSync
import Testing

@Suite("Loading and validating desired-state files")
struct LoaderTests {
    @Test("the format's own example loads with every field")
    func example() throws {
        let state = try Fixtures.load("example.yaml")
        #expect(state.version == 1)
        #expect(state.policy == SyncPolicy())
        #expect(state.defaults.division == "Home")
        #expect(state.skills == [SkillSpec(name: "Billing", division: "Home"), SkillSpec(name: "Refunds")])
        #expect(state.languages == [LanguageSpec(name: "Spanish")])
        #expect(state.wrapupCodes == [WrapupCodeSpec(name: "Resolved", division: "Home")])
        let group = try #require(state.skillGroups.first)
        #expect(group.name == "Billing Experts")
        #expect(group.memberDivisions == ["Home"])
        #expect(group.conditions?.first?.operation == .and)
        #expect(group.conditions?.first?.routingSkillConditions == [leaf("Billing", .greaterThanOrEqualTo, 3)])
        #expect(group.conditions?.first?.languageSkillConditions == [languageLeaf("Spanish", .greaterThan, 2)])
        let queue = try #require(state.queues.first)
        #expect(queue.skillEvaluationMethod == .best)
        #expect(queue.acwSettings == AcwSettings(wrapupPrompt: .mandatoryTimeout, timeoutMs: 30000))
        #expect(queue.mediaSettings?["call"]?["alertingTimeoutSeconds"] == .number(8))
        #expect(queue.skillGroups == ["Billing Experts"])
        #expect(queue.members == [.email("jane.doe@example.com")])
        #expect(queue.wrapupCodes == ["Resolved"])
        #expect(state.agents == [AgentSpec(user: .email("jane.doe@example.com"), skills: ["Billing": 4, "Refunds": 2.5], languages: ["Spanish": 5])])
        #expect(state.source?.fileName == "example.yaml")
        #expect(state.source?.lines["queues[Billing Support]"] != nil)
    }

    @Test("JSON and YAML read to the same state")
    func jsonEqualsYAML() throws {
        var yaml = try Fixtures.load("example.yaml")
        var json = try Fixtures.load("example.json")
        yaml.source = nil
        json.source = nil
        #expect(yaml == json)
    }

    @Test("the file extension decides the parser", arguments: [
        ("a.yaml", DesiredStateFormat.yaml), ("a.YML", .yaml), ("a.json", .json),
    ])
    func formatByExtension(name: String, format: DesiredStateFormat) {
        #expect(DesiredStateFormat(url: URL(fileURLWithPath: name)) == format)
    }

    @Test("an unknown extension and a missing file are one-line problems")
    func unreadable() {
        #expect { try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "/tmp/routing.txt")) } throws: { error in
            (error as? DesiredStateError)?.description == "routing.txt: unknown file type '.txt' (use .yaml, .yml or .json)"
        }
        #expect { try DesiredStateLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/routing.yaml")) } throws: { error in
            (error as? DesiredStateError)?.description == "routing.yaml: cannot be read (no such file)"
        }
    }

    @Test("the seed-style JSON skill list is read as skills plus additive agents at proficiency 1")
    func shorthand() throws {
        let state = try Fixtures.load("shorthand.json")
        #expect(state.skills.map(\.name) == ["Billing", "Refunds", "Disputes"])
        #expect(state.policy.agentSkills == .additive)
        #expect(state.agents == [
            AgentSpec(user: .email("ana@example.com"), skills: ["Billing": 1, "Refunds": 1]),
            AgentSpec(user: .email("ben@example.com"), skills: ["Billing": 1]),
            AgentSpec(user: .email("cara@example.com"), skills: ["Refunds": 1]),
        ])
        #expect(state.warnings.map(\.description) == [
            "shorthand.json:2: skills[Billing].description: warning: Genesys skills have no description; it is ignored",
        ])
    }

    @Test("the broken-file corpus is all there, each file with its .expected")
    func brokenFileCorpus() throws {
        let names = try Fixtures.invalidFiles()
        #expect(names.count == Fixtures.invalidFileCount)
        let all = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("invalid").path)
        for name in names {
            let expected = name.split(separator: ".").dropLast().joined(separator: ".") + ".expected"
            #expect(all.contains(expected), "\(name) has no \(expected)")
        }
        #expect(all.filter { $0.hasSuffix(".expected") }.count == Fixtures.invalidFileCount)
    }

    @Test("every broken file is rejected with exactly the expected messages", arguments: try Fixtures.invalidFiles())
    func brokenFile(name: String) throws {
        let expected = try Fixtures.text("invalid/" + name.split(separator: ".").dropLast().joined(separator: ".") + ".expected")
            .split(separator: "\n").map(String.init)
        do {
            _ = try DesiredStateLoader.load(contentsOf: Fixtures.url("invalid/" + name))
            Issue.record("\(name) was accepted")
        } catch {
            #expect((error.problems + error.warnings).map(\.description) == expected)
            #expect(error.problems.allSatisfy { $0.severity == .error })
            #expect(error.description == error.problems.map(\.description).joined(separator: "\n"))
        }
    }

    @Test("the issue's example message, exactly")
    func issueExample() {
        let text = """
        version: 1
        skillGroups:
          - name: Billing Experts
            conditions:
              - operation: And
                routingSkillConditions:
                  - routingSkill: Billing
                    comparator: GreaterThanOrEqualTo
                    proficiency: 7
        """
        #expect { try DesiredState.yaml(text, file: "routing.yaml") } throws: { error in
            (error as? DesiredStateError)?.description
                == "routing.yaml:9: skillGroups[Billing Experts].conditions[0].routingSkillConditions[0].proficiency: 7 is out of range (integer 0–5)"
        }
    }

    @Test("names are trimmed; YAML scalars that look like numbers or booleans are names too")
    func names() throws {
        let state = try DesiredState.yaml("""
        version: 1
        skills:
          - name: "  Billing  "
          - name: 2024
          - name: Yes
        """)
        #expect(state.skills.map(\.name) == ["Billing", "2024", "Yes"])
    }

    @Test("user references are emails or id:<userId>")
    func userReferences() {
        #expect(UserReference(parsing: "jane@example.com") == .email("jane@example.com"))
        #expect(UserReference(parsing: "id:abc-123") == .id("abc-123"))
        #expect(UserReference(parsing: " ID: abc ") == .id("abc"))
        #expect(UserReference(parsing: "id:") == nil)
        #expect(UserReference.id("x").description == "id:x")
    }

    @Test("writing and reading back gives the same state, in YAML and JSON", arguments: ["realistic.yaml", "example.yaml", "shorthand.json"])
    func writerRoundTrip(name: String) throws {
        var state = try Fixtures.load(name)
        state.source = nil
        state.warnings = []
        for format in DesiredStateFormat.allCases {
            let text = DesiredStateWriter.string(state, format: format)
            var back = try DesiredStateLoader.load(string: text, format: format, fileName: "out.\(format.rawValue)")
            back.source = nil
            #expect(back == state, "\(format) round trip of \(name)")
        }
    }

    @Test("YAML output quotes text that would read back as something else")
    func yamlQuoting() throws {
        let state = DesiredState(skills: [SkillSpec(name: "true"), SkillSpec(name: "007"), SkillSpec(name: "a: b"), SkillSpec(name: "null")])
        let text = DesiredStateWriter.string(state, format: .yaml)
        #expect(text.contains("\"true\""))
        #expect(text.contains("\"007\""))
        #expect(text.contains("\"null\""))
        let back = try DesiredStateLoader.load(string: text, format: .yaml, fileName: "q.yaml")
        #expect(back.skills.map(\.name) == ["true", "007", "a: b", "null"])
    }

    @Test("JSON output is stable and keeps the format's key order")
    func jsonOutput() throws {
        let state = try Fixtures.load("example.yaml")
        let text = DesiredStateWriter.string(state, format: .json)
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"policy\": {"))
        #expect(text == DesiredStateWriter.string(state, format: .json))
        let keys = ["\"skills\"", "\"languages\"", "\"wrapupCodes\"", "\"skillGroups\"", "\"queues\"", "\"agents\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("a problem without a line prints without one; warnings say so")
    func problemDescription() {
        let problem = ValidationProblem(code: .missingField, file: "r.yaml", object: "", field: "version", message: "is required")
        #expect(problem.description == "r.yaml: version: is required")
        let warning = ValidationProblem(code: .ignoredField, severity: .warning, file: "r.json", line: 3, object: "skills[A]",
                                        field: "description", message: "ignored")
        #expect(warning.description == "r.json:3: skills[A].description: warning: ignored")
        #expect(warning.path == "skills[A].description")
    }
}
