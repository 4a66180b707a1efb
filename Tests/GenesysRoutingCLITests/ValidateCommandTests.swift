import Foundation
import Testing

@Suite("validate")
struct ValidateCommandTests {
    @Test("a valid file exits 0 and says what it declares")
    func validFile() async throws {
        let run = await runCLI(["validate", Fixtures.contactCenter])
        #expect(run.status == 0)
        #expect(run.stdout == "contact-center.yaml: valid (12 skills, 4 languages, 7 wrap-up codes, 5 skill groups, 4 queues, 20 agents)\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("a broken file exits 1 with one line per problem naming file, line and field")
    func brokenFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try directory.write("broken.yaml", """
            version: 1
            skills:
              - name: Billing
              - name: billing
            skillGroups:
              - name: Experts
                conditions:
                  - operation: And
                    routingSkillConditions:
                      - routingSkill: Billing
                        comparator: GreaterThanOrEqualTo
                        proficiency: 7
            agents:
              - user: jane@example.com
                skills: { Billing: 9 }
            """)
        let run = await runCLI(["validate", path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lines = run.stderrLines
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("broken.yaml:") })
        #expect(lines.contains { $0.hasPrefix("broken.yaml:4: skills[billing].name:") })
        #expect(lines.contains { $0.contains("skillGroups[Experts].conditions[0].routingSkillConditions[0].proficiency") && $0.contains("7") })
        #expect(lines.contains { $0.contains("agents[jane@example.com].skills[Billing]") && $0.contains("9") })
    }

    @Test("invalid syntax is one line with the position")
    func syntaxError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try directory.write("broken.json", #"{"version": 1, "skills": [}"#)
        let run = await runCLI(["validate", path])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.hasPrefix("broken.json:1: invalid JSON"))
    }

    @Test("a missing file exits 1 with one line")
    func missingFile() async {
        let run = await runCLI(["validate", "/nonexistent/routing.yaml"])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["routing.yaml: cannot be read (no such file)"])
    }

    @Test("a directory, a FIFO and a device are one line naming what they are; a FIFO does not block (#9)")
    func notRegularFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fifo = directory.path("pipe.yaml")
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["validate", fifo], ["plan", fifo, "--fake"]] {
            let run = await runCLI(arguments)
            #expect(run.status == 1)
            #expect(run.stderrLines == ["pipe.yaml: is a FIFO (named pipe; use '-' to read standard input), not a regular file"])
        }
        let folder = await runCLI(["validate", directory.path("")])
        #expect(folder.status == 1)
        #expect(folder.stderrLines.count == 1)
        #expect(folder.stderr.contains("is a directory, not a regular file"))
        let device = await runCLI(["validate", "/dev/zero"])
        #expect(device.stderrLines == ["zero: is a device, not a regular file"])
    }

    @Test("usage errors exit 1 with one line, help exits 0 on stdout")
    func usage() async {
        let missing = await runCLI(["validate"])
        #expect(missing.status == 1)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stderr.hasPrefix("error: Missing expected argument '<file>'"))

        let help = await runCLI(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: genesys-routing validate <file>"))
    }
}
