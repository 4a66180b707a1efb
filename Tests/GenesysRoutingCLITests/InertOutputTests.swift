import Foundation
@testable import GenesysRoutingCLI
import GenesysTesting
import RoutingSync
import Testing

/// Names from the org never reach the terminal raw, and CSV cells never run as spreadsheet formulas.
@Suite("output is inert")
struct InertOutputTests {
    /// A name that would forge the plan's summary line if printed raw.
    static let forged = "x\nPlan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged."
    /// Escape sequences: ESC (clear screen), C1 CSI, DEL, a tab and a carriage return.
    static let escapes = "xred\u{1B}[2J\u{9B}31m\u{7F}\tend\r"
    /// Cells a spreadsheet would run.
    static let formulas = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]

    /// A state file for an org holding the hostile skills (one agent holds the forged one).
    static func hostileOrg(in directory: TemporaryDirectory) throws -> [String] {
        let org = FakeGenesysOrg()
        let user = try org.addUser(name: "Jane Doe", email: "jane.doe@example.com")
        let forgedID = try org.addSkill(name: forged)
        try org.assignSkill(userID: user, skillID: forgedID, proficiency: 3)
        try org.addSkill(name: escapes)
        for name in formulas { try org.addSkill(name: name) }
        let path = directory.path("org.json")
        try org.snapshot().save(to: URL(fileURLWithPath: path))
        return ["--fake", "--fake-state", path]
    }

    /// No raw control character other than line feeds (and the CSV's CR LF).
    static func expectInert(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n"], sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { InertText.isControl($0) && !allowed.contains($0) }
        #expect(raw.isEmpty, "raw control characters \(raw.map { $0.value }) in \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("plan text: a hostile name is escaped and cannot forge the summary line")
    func planText() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try Self.hostileOrg(in: directory)
        let empty = try directory.write("empty.yaml", "version: 1\n")
        let run = await runCLI(["plan", empty, "--prune"] + fake)
        #expect(run.status == 0, "\(run.stderr)")
        let summaries = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Plan: ") }
        #expect(summaries.count == 1)
        #expect(summaries.first?.hasPrefix("Plan: 0 to create, 0 to update, 0 to replace, 6 to delete") == true, "\(run.stdout)")
        #expect(run.stdout.contains(#"- delete skill "x\nPlan: 0 to create"#))
        #expect(run.stdout.contains(#"- delete skill "xred\u{1B}[2J\u{9B}31m\u{7F}\tend\r""#), "\(run.stdout)")
        Self.expectInert(run.stdout)
        Self.expectInert(run.stderr)
    }

    @Test("plan text: a field path holding a hostile name (skills[<name>], rings' skill groups) is escaped too")
    func planFieldPath() {
        let plan = SyncPlan(changes: [
            PlannedChange(action: .update, kind: .agent, name: "jane.doe@example.com", fields: [
                FieldChange(field: "skills[\(Self.forged)]", from: nil, to: .number(3)),
                FieldChange(field: "bullseye.rings[0].skillGroups[\(Self.escapes)]", from: .number(1), to: nil),
            ]),
            PlannedChange(action: .create, kind: .queue, name: "Billing", fields: [
                FieldChange(field: "skills[\(Self.escapes)]", from: nil, to: .number(1)),
            ]),
        ])
        let text = PlanRenderer(style: .plain).render(plan)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("Plan: ") }.count == 1, "\(text)")
        #expect(text.contains(#"      skills[x\nPlan: 0 to create"#), "\(text)")
        Self.expectInert(text)
    }

    @Test("search skills and report impact --format markdown escape names")
    func searchAndMarkdown() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try Self.hostileOrg(in: directory)
        let search = await runCLI(["search", "skills", "x"] + fake)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.split(separator: "\n").count == 2)
        #expect(search.stdout.contains(#"x\nPlan: 0 to create"#))
        Self.expectInert(search.stdout)

        let markdown = await runCLI(["report", "impact", "--format", "markdown"] + fake)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.split(separator: "\n").count == 2 + 6)
        #expect(markdown.stdout.contains(#"| x\nPlan: 0 to create"#))
        Self.expectInert(markdown.stdout)
    }

    @Test("report impact CSV: cells beginning with =, +, -, @, tab or CR get a leading '")
    func csvInjection() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try Self.hostileOrg(in: directory)
        let run = await runCLI(["report", "impact"] + fake)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",0,"), "\(run.stdout)")
        #expect(run.stdout.contains("\r\n'+cmd|' /C calc'!A0,0,"))
        #expect(run.stdout.contains("\r\n'-2+3,0,"))
        #expect(run.stdout.contains("\r\n'@SUM(A1),0,"))
        #expect(ImpactReport(skills: [.init(skill: "\tx"), .init(skill: "\ry")]).csv() == "skill,agentCount,agents,skillGroups,queues\r\n'\tx,0,,,\r\n\"'\ry\",0,,,\r\n")
        // Harmless cells are left alone.
        #expect(ImpactReport(skills: [.init(skill: "Billing", agents: ["a@example.com"])]).csv().contains("\r\nBilling,1,a@example.com,,\r\n"))
    }

    @Test("error lines, apply results and the progress line escape control characters")
    func errorsResultsAndProgress() {
        let (environment, output) = CLIEnvironment.captured()
        let context = CommandContext(environment: environment)
        context.printError("error: skill \"\(Self.forged)\" is ambiguous")
        #expect(output.standardError.lines == [#"error: skill "x\nPlan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged." is ambiguous"#])

        let sink = BufferSink()
        let progress = ProgressLine(sink: sink, enabled: true)
        progress.show("Applying \(Self.escapes)")
        #expect(sink.text == "\r\u{1B}[2K" + #"Applying xred\u{1B}[2J\u{9B}31m\u{7F}\tend\r"#)

        let report = SyncReport(
            plan: SyncPlan(changes: [PlannedChange(action: .create, kind: .skill, name: Self.forged)]),
            results: [ChangeResult(kind: .skill, name: Self.forged, action: .create, status: .failed, error: "refused\n\u{1B}[2J")],
            requests: RequestSummary()
        )
        let text = PlanRenderer(style: .plain).renderResults(report)
        #expect(text.contains(#"failed   + create skill "x\nPlan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged.": refused\n\u{1B}[2J"#), "\(text)")
        Self.expectInert(text)
    }
}
