#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GenesysRoutingCLI
import GenesysTesting
import RoutingModels
import Testing

/// `-o FILE` and `--fake-state FILE`: through symbolic links, never over anything but a regular file,
/// atomic, permissions kept; one command at a time on a state file; state files checked.
@Suite("output files and shared state")
struct FileSafetyTests {
    /// A fake org state file with ``Fixtures/small`` applied; returns the `--fake` arguments.
    static func smallOrg(in directory: TemporaryDirectory, state: String = "org.json") async throws -> [String] {
        let (desired, seed) = try Fixtures.writeSmall(in: directory)
        let fake = ["--fake", "--fake-seed", seed, "--fake-state", directory.path(state)]
        try #require(await runCLI(["apply", desired] + fake).status == 0)
        return fake
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    static func permissions(_ path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o7777
    }

    @Test("export -o through a symbolic link updates its target, keeps the link and the file's mode 0600")
    func exportThroughSymlink() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.smallOrg(in: directory)
        let target = try directory.write("real.yaml", "old\n")
        #expect(chmod(target, 0o600) == 0)
        let link = directory.path("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.yaml")

        let run = await runCLI(["export", "-o", link] + fake)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.yaml")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("version: 1"))
        #expect(Self.permissions(target) == 0o600)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }.isEmpty)

        let dash = await runCLI(["export", "-o", "-"] + fake)
        #expect(dash.status == 0)
        #expect(dash.stdout.hasPrefix("version: 1"))
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test("export -o onto a FIFO, a directory or a device node is refused with one line; nothing replaced")
    func exportRefusesSpecialFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.smallOrg(in: directory)
        let fifo = directory.path("pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        let folder = directory.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var refused = [(fifo, S_IFIFO, "a FIFO (named pipe)"), (folder, S_IFDIR, "a directory")]
        // A character device (like /dev/null) made in the temporary directory, where creating one is allowed
        // (root with CAP_MKNOD); elsewhere this case is skipped.
        let device = directory.path("null-device")
        #if canImport(Darwin)
        let nullDevice = dev_t(1 << 24 | 3)
        #else
        let nullDevice = dev_t(1 << 8 | 3)
        #endif
        if mknod(device, S_IFCHR | 0o666, nullDevice) == 0 { refused.append((device, S_IFCHR, "a character device")) }

        for (path, kind, description) in refused {
            let run = await runCLI(["export", "-o", path] + fake)
            #expect(run.status == 1, "\(path)")
            let errors = run.stderrLines.filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 1, "\(run.stderr)")
            #expect(errors.first == "error: --output: \(path) is \(description), not a regular file; refusing to replace it", "\(run.stderr)")
            #expect(Self.kind(path) == kind)
        }
        // Also through a link to the FIFO.
        let link = directory.path("pipe-link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        let viaLink = await runCLI(["report", "impact", "-o", link] + fake)
        #expect(viaLink.status == 1)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test("--fake-state through a symbolic link keeps the link; a FIFO state file is refused without blocking")
    func stateFileThroughSymlink() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        _ = try await Self.smallOrg(in: directory, state: "real.json")
        #expect(chmod(directory.path("real.json"), 0o640) == 0)
        let link = directory.path("org.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let before = try String(contentsOfFile: directory.path("real.json"), encoding: .utf8)

        let extra = try directory.write("more.yaml", Fixtures.small.replacing("  - name: Sales\n", with: "  - name: Sales\n  - name: Extra\n"))
        let run = await runCLI(["apply", extra, "--fake", "--fake-state", link])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(link) == S_IFLNK)
        let after = try String(contentsOfFile: directory.path("real.json"), encoding: .utf8)
        #expect(after != before && after.contains("\"Extra\""))
        #expect(Self.permissions(directory.path("real.json")) == 0o640)

        let fifo = directory.path("state-pipe")
        try #require(mkfifo(fifo, 0o600) == 0)
        let piped = await runCLI(["plan", extra, "--fake", "--fake-state", fifo])
        #expect(piped.status == 1)
        #expect(piped.stderrLines.count == 1, "\(piped.stderr)")
        #expect(piped.stderr.contains("is a FIFO (named pipe), not a regular file"), "\(piped.stderr)")
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test("two commands at once on one --fake-state file: both runs' writes are kept")
    func concurrentCommandsSerialised() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.smallOrg(in: directory)
        // Each adds its own skills (no prune): a lost update would drop one run's skills.
        for round in 0..<3 {
            let first = try directory.write("first-\(round).yaml", "version: 1\nskills:\n  - name: First \(round)\n  - name: First \(round) b\n")
            let second = try directory.write("second-\(round).yaml", "version: 1\nskills:\n  - name: Second \(round)\n")
            async let one = runCLI(["apply", first] + fake)
            async let two = runCLI(["apply", second] + fake)
            let (a, b) = await (one, two)
            #expect(a.status == 0, "\(a.stderr)")
            #expect(b.status == 0, "\(b.stderr)")
        }
        let state = try FakeOrgState.load(from: URL(fileURLWithPath: directory.path("org.json")))
        let names = Set(state.skills.compactMap(\.name))
        for round in 0..<3 {
            #expect(names.isSuperset(of: ["First \(round)", "First \(round) b", "Second \(round)"]), "\(names.sorted())")
        }
    }

    @Test("a --fake-state file held by another command: waits, then fails saying it is in use; nothing written")
    func lockedStateFileFails() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.smallOrg(in: directory)
        let statePath = directory.path("org.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        let held = try await FileLock.acquire(for: statePath, timeout: .zero)
        defer { held.release() }

        var (environment, output) = CLIEnvironment.captured()
        let clock = ManualClock(mode: .autoAdvance)
        environment.stateFileLockClock = clock
        let extra = try directory.write("extra.yaml", "version: 1\nskills:\n  - name: Extra\n")
        let status = await CommandRunner.run(["apply", extra] + fake, environment: environment)
        #expect(status == 1)
        #expect(output.standardError.lines == [
            "note: \(statePath) is in use by another command; waiting up to 10 s for it",
            "error: --fake-state: \(statePath) is in use by another command (its lock \(statePath).lock is still held after 10 s); run again when that command has finished",
        ])
        #expect(output.standardError.text.contains("after 10 s"))
        // It waited the full 10 s (on the injected clock), polling.
        #expect(clock.now.offset >= .seconds(10))
        #expect(try Data(contentsOf: URL(fileURLWithPath: statePath)) == before)

        held.release()
        let later = await CommandRunner.run(["apply", extra] + fake, environment: environment)
        #expect(later == 0)
    }

    @Test("state files are validated: a nonsense homeDivisionID or a negative id counter names the field")
    func stateFileValidated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let fake = try await Self.smallOrg(in: directory)
        let statePath = directory.path("org.json")
        let good = try String(contentsOfFile: statePath, encoding: .utf8)
        let desired = directory.path("routing.yaml")

        let cases: [(String, String)] = [
            (try Self.replacing(#""homeDivisionID" : "[^"]*""#, with: #""homeDivisionID" : "nonsense""#, in: good), "homeDivisionID: \"nonsense\" is not the id of one of the divisions"),
            (try Self.replacing(#""idCounter" : [0-9]+"#, with: #""idCounter" : -1"#, in: good), "idCounter: must be a whole number, 0 or more; got -1"),
            (try Self.replacing(#""proficiency" : [0-9.]+"#, with: #""proficiency" : 9"#, in: good, last: true), "proficiency: must be between 0 and 5, got 9.0"),
        ]
        for (text, expected) in cases {
            try #require(text != good)
            try Data(text.utf8).write(to: URL(fileURLWithPath: statePath))
            let run = await runCLI(["plan", desired] + fake)
            #expect(run.status == 1)
            #expect(run.stderrLines.count == 1, "\(run.stderr)")
            #expect(run.stderr.hasPrefix("error: fake org: \(statePath): "), "\(run.stderr)")
            #expect(run.stderr.contains(expected), "\(run.stderr)")
            #expect(!run.stderr.contains("not valid JSON"), "\(run.stderr)")
            // Not rewritten.
            #expect(try String(contentsOfFile: statePath, encoding: .utf8) == text)
        }
    }

    /// `text` with the first (or last) match of `pattern` replaced.
    static func replacing(_ pattern: String, with replacement: String, in text: String, last: Bool = false) throws -> String {
        let regex = try NSRegularExpression(pattern: pattern)
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        let range = try #require(last ? matches.last?.range : matches.first?.range)
        return (text as NSString).replacingCharacters(in: range, with: replacement)
    }
}
