import Foundation
import GenesysRoutingCLI
import Testing

@Suite("the --fake org")
struct FakeOrgTests {
    @Test("a seed's state: file is applied on first use only")
    func seedStateAppliedOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, _) = try Fixtures.writeSmall(in: directory)
        let seed = try directory.write("seeded.yaml", Fixtures.smallSeed + "\nstate: routing.yaml\n")
        let orgFile = directory.path("org.json")

        // No state file: the seed's desired state is applied at start, so the org already matches.
        let fresh = await runCLI(["plan", state, "--fake", "--fake-seed", seed])
        #expect(fresh.status == 0)
        #expect(fresh.stdout == "No changes. The org matches the file.\n")
        #expect(fresh.stderr.contains("with routing.yaml applied"))

        // First use of a state file: applied, then saved.
        let first = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--fake-state", orgFile])
        #expect(first.stdout == "No changes. The org matches the file.\n")

        // Change the org, then use the same seed again: the seed is not re-applied over the saved state.
        let fewer = try directory.write("fewer.yaml", "version: 1\nskills:\n  - name: Billing\n")
        #expect(await runCLI(["apply", fewer, "--prune", "--fake", "--fake-state", orgFile]).status == 0)
        let later = await runCLI(["plan", state, "--fake", "--fake-seed", seed, "--fake-state", orgFile, "--detailed-exitcode"])
        #expect(later.status == 2)
        #expect(later.stderr.contains("--fake-seed is not applied again"))
    }

    @Test("fake-server applies a seed's state: file as --fake does, and reports an invalid one the same way")
    func fakeServerSeedState() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        _ = try Fixtures.writeSmall(in: directory)
        let seed = try directory.write("seeded.yaml", Fixtures.smallSeed + "\nstate: routing.yaml\n")
        let (environment, output) = CLIEnvironment.captured()
        let server = Task { await CommandRunner.run(["fake-server", "--port", "0", "--seed", seed], environment: environment) }
        defer { server.cancel() }
        let url = try await ServeCommandTests.waitForURL(output, server: server)
        let (state, _) = try await ServeCommandTests.get(url.appending(path: "__fake/state"))
        #expect(state.contains("Billing Experts"))
        server.cancel()
        #expect(await server.value == 0, "\(output.standardError.text)")

        try directory.write("invalid.yaml", "version: 1\nskills:\n  - description: no name\n")
        let invalidSeed = try directory.write("invalid-seed.yaml", Fixtures.smallSeed + "\nstate: invalid.yaml\n")
        for arguments in [["plan", directory.path("routing.yaml"), "--fake", "--fake-seed", invalidSeed], ["fake-server", "--seed", invalidSeed]] {
            let run = await runCLI(arguments)
            #expect(run.status == 1)
            #expect(run.stderrLines.count == 1)
            #expect(run.stderr.hasPrefix("error: fake org seed: the desired-state file it names is not valid: "), "\(run.stderr)")
        }
    }

    @Test("an unreadable seed or state file is one error line")
    func badFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, _) = try Fixtures.writeSmall(in: directory)
        let badSeed = try directory.write("seed.yaml", "users:\n  - { name: Jane }\n")
        let seedRun = await runCLI(["plan", state, "--fake", "--fake-seed", badSeed])
        #expect(seedRun.status == 1)
        #expect(seedRun.stderrLines.count == 1)
        #expect(seedRun.stderr.hasPrefix("error: fake org: "))
        #expect(seedRun.stderr.contains("email"))

        let badState = try directory.write("org.json", "{}")
        let stateRun = await runCLI(["plan", state, "--fake", "--fake-state", badState])
        #expect(stateRun.status == 1)
        #expect(stateRun.stderrLines.count == 1)
        #expect(stateRun.stderr.contains("not a fake org state file"))
    }

    @Test("progress is drawn on stderr only when it is a terminal")
    func progressOnTerminal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let (state, seed) = try Fixtures.writeSmall(in: directory)
        var (environment, output) = CLIEnvironment.captured()
        environment.errorIsTerminal = true
        let status = await CommandRunner.run(["apply", state, "--fake", "--fake-seed", seed], environment: environment)
        #expect(status == 0)
        #expect(output.standardError.text.contains("\r\u{1B}[2KApplying 9 changes…"))
        #expect(!output.standardOutput.text.contains("\u{1B}[2K"))

        let quiet = await runCLI(["apply", state, "--fake", "--fake-seed", seed])
        #expect(!quiet.stderr.contains("\u{1B}"))
        #expect(!quiet.stderr.contains("Applying"))
    }
}
