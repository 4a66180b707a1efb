import Foundation
import GenesysRoutingCLI
import Testing

/// The outcome of one in-process run of `genesys-routing`.
struct CLIRun {
    let status: Int32
    let output: CapturedOutput

    var stdout: String { output.standardOutput.text }
    var stderr: String { output.standardError.text }
    var stderrLines: [String] { output.standardError.lines }
    var all: String { output.all }
}

/// Runs the CLI in process with captured output and only the given environment variables.
func runCLI(_ arguments: [String], environment variables: [String: String] = [:]) async -> CLIRun {
    let (environment, output) = CLIEnvironment.captured(variables: variables)
    let status = await CommandRunner.run(arguments, environment: environment)
    return CLIRun(status: status, output: output)
}

/// A fresh temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("genesys-routing-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Files shared by the tests.
enum Fixtures {
    /// The repository's `Examples/` directory.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    /// `Examples/contact-center.yaml`: 12 skills, 4 languages, 7 wrap-up codes, 5 skill groups, 4 queues, 20 agents.
    static var contactCenter: String { examples.appendingPathComponent("contact-center.yaml").path }
    /// `Examples/fake-org-seed.yaml`: three divisions and the twenty users.
    static var seed: String { examples.appendingPathComponent("fake-org-seed.yaml").path }

    /// A small desired state: 3 skills, 1 language, 1 wrap-up code, 1 skill group, 1 queue, 2 agents.
    static let small = """
        version: 1
        skills:
          - name: Billing
          - name: Refunds
          - name: Sales
        languages:
          - name: Spanish
        wrapupCodes:
          - name: Resolved
        skillGroups:
          - name: Billing Experts
            description: Agents who can take billing calls
            conditions:
              - operation: And
                routingSkillConditions:
                  - routingSkill: Billing
                    comparator: GreaterThanOrEqualTo
                    proficiency: 3
        queues:
          - name: Billing Support
            description: First-line billing
            skillEvaluationMethod: BEST
            acwSettings: { wrapupPrompt: MANDATORY_TIMEOUT, timeoutMs: 30000 }
            skillGroups: [Billing Experts]
            members: [jane.doe@example.com]
            wrapupCodes: [Resolved]
        agents:
          - user: jane.doe@example.com
            skills: { Billing: 4, Refunds: 2.5 }
            languages: { Spanish: 5 }
          - user: john.roe@example.com
            skills: { Sales: 3 }
        """

    /// The seed for ``small``: two users in the home division.
    static let smallSeed = """
        divisions: [Home]
        users:
          - { name: Jane Doe, email: jane.doe@example.com }
          - { name: John Roe, email: john.roe@example.com }
        """

    /// Writes ``small`` and ``smallSeed`` into `directory`; returns their paths.
    static func writeSmall(in directory: TemporaryDirectory) throws -> (state: String, seed: String) {
        (try directory.write("routing.yaml", small), try directory.write("seed.yaml", smallSeed))
    }

    /// Applies ``small`` to a fake org kept in `org.json` in `directory`, and writes `fewer.yaml`, which
    /// declares only the skill Billing (with prune, its plan deletes the other 6 objects).
    /// - Returns: The fake-org flags for the next runs, the path of `fewer.yaml`, and the state file's path.
    static func applySmall(in directory: TemporaryDirectory) async throws -> (fake: [String], fewer: String, orgFile: String) {
        let (state, seed) = try writeSmall(in: directory)
        let orgFile = directory.path("org.json")
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", orgFile]
        let applied = await runCLI(["apply", state] + fake)
        try #require(applied.status == 0, "\(applied.stderr)")
        return (fake, try directory.write("fewer.yaml", "version: 1\nskills:\n  - name: Billing\n"), orgFile)
    }
}

/// The JSON object `text` parses to.
func parseJSONObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

/// The keys of a JSON object in the order they appear in `text` (top level and nested alike, in order).
func keysInOrder(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line -> String? in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("\""), let colon = trimmed.range(of: "\": ") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<colon.lowerBound])
    }
}
