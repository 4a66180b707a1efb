import Foundation
import RoutingModels
@testable import RoutingSync
import Testing

/// Hostile or broken input: bounded work, located one-line errors, nothing expanded, nothing blocking (#9).
@Suite("Loading: bounded and located input")
struct LoaderSafetyTests {
    func problems(_ text: String, file: String = "x.yaml", limits: DesiredStateLoader.Limits = .init()) -> [String] {
        do {
            _ = try DesiredStateLoader.load(data: Data(text.utf8), sourceName: file, limits: limits)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func problems(_ bytes: [UInt8], file: String = "x.yaml") -> [String] {
        do {
            _ = try DesiredStateLoader.load(data: Data(bytes), sourceName: file)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("a billion-laughs YAML file is rejected at its first anchor, before anything is expanded")
    func billionLaughs() {
        var text = "version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(problems(text) == ["x.yaml:2: invalid YAML: YAML anchors (&name) are not supported in desired-state files (column 4)"])
    }

    @Test("an alias is rejected where it is written, even inside an otherwise valid list")
    func alias() {
        let text = "version: 1\nskills:\n  - name: A\n  - *x\n"
        #expect(problems(text) == ["x.yaml:4: invalid YAML: YAML aliases (*name) are not supported in desired-state files (column 5)"])
    }

    @Test("nesting deeper than the limit is a located error in YAML and JSON, not a stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 300)
        #expect(problems(deep, file: "x.json") == ["x.json:1: invalid JSON: nesting is deeper than 256 levels (column 257)"])
        #expect(problems(deep, file: "x.yaml") == ["x.yaml:1: invalid YAML: nesting is deeper than 256 levels (column 257)"])
        let deeper = String(repeating: "[", count: 100_000)
        #expect(problems(deeper, file: "x.json") == ["x.json:1: invalid JSON: nesting is deeper than 256 levels (column 257)"])
        #expect(problems(deeper, file: "x.yaml") == ["x.yaml:1: invalid YAML: nesting is too deep (column 1)"])
        let limits = DesiredStateLoader.Limits(maxDepth: 3)
        #expect(problems("{\"version\": 1, \"a\": [[[1]]]}", file: "x.json", limits: limits)
            == ["x.json:1: invalid JSON: nesting is deeper than 3 levels (column 23)"])
        #expect(problems("version: 1\na: [[[1]]]\n", limits: limits)
            == ["x.yaml:2: invalid YAML: nesting is deeper than 3 levels (column 6)"])
    }

    @Test("input over the size limit is refused, from data and from a file")
    func sizeLimit() throws {
        let limits = DesiredStateLoader.Limits(maxBytes: 64)
        let text = "version: 1\nskills:\n" + String(repeating: "  - name: Billing\n", count: 10)
        #expect(problems(text, limits: limits) == ["x.yaml: is larger than the 64-byte limit (DesiredStateLoader.Limits.maxBytes)"])
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("big.yaml")
        try Data(text.utf8).write(to: url)
        #expect { try DesiredStateLoader.load(contentsOf: url, limits: limits) } throws: { error in
            (error as? DesiredStateError)?.description == "big.yaml: is larger than the 64-byte limit (DesiredStateLoader.Limits.maxBytes)"
        }
        #expect(DesiredStateLoader.Limits().maxBytes == 10 * 1024 * 1024)
    }

    @Test("bytes that are not UTF-8 are named by line and column")
    func notUTF8() {
        let bytes = Array("version: 1\nskills:\n  - name: Bé".utf8) + [0xFF] + Array("d\n".utf8)
        #expect(problems(bytes) == ["x.yaml:3: byte 0xFF is not UTF-8 (the file must be UTF-8 text) (column 13)"])
        #expect(problems([0x7B, 0xC0, 0x80, 0x7D], file: "x.json") == ["x.json:1: byte 0xC0 is not UTF-8 (the file must be UTF-8 text) (column 2)"])
    }

    @Test("control characters are located and never echoed raw", arguments: ["x.yaml", "x.json"])
    func controlCharacters(file: String) {
        let text = file.hasSuffix("json") ? "{\"version\": 1,\n \"skills\": [{\"name\": \"\u{1B}[31mred\"}]}" : "version: 1\nskills:\n  - name: \u{1B}[31mred\n"
        let found = problems(text, file: file)
        let expected = file.hasSuffix("json") ? "x.json:2: control character U+001B is not allowed (column 23)"
            : "x.yaml:3: control character U+001B is not allowed (column 11)"
        #expect(found == [expected])
        #expect(!found.joined().contains("\u{1B}"))
        #expect(problems("version: 1\u{7}\n") == ["x.yaml:1: control character U+0007 is not allowed (column 11)"])
        #expect(problems("version: 1\n# \u{85}\n") == ["x.yaml:2: control character U+0085 is not allowed (column 3)"])
    }

    @Test("control characters written as YAML or JSON escapes are escaped in messages")
    func escapedControlCharacters() {
        let found = problems("version: 1\nskills:\n  - name: \"a\\x1Bb\"\n  - name: \"A\\x1Bb\"\n")
        #expect(found == ["x.yaml:4: skills[A\\u{1B}b].name: 'A\\u{1B}b' is declared twice (names must be unique ignoring case and surrounding spaces) (first declared at line 3)"])
        #expect(problems("{\"version\": 1, \"a\\u0007\": 1}", file: "x.json").first?.contains("a\\u{7}: unknown key") == true)
    }

    @Test("names with escaped control characters survive the writer in both formats", arguments: DesiredStateFormat.allCases)
    func writerEscapesControlCharacters(format: DesiredStateFormat) throws {
        let state = DesiredState(skills: [SkillSpec(name: "a\u{85}b\u{2028}c\u{7F}d\u{1}e")])
        let text = DesiredStateWriter.string(state, format: format)
        #expect(!text.unicodeScalars.contains { $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x7F || $0.value == 1 })
        let back = try DesiredStateLoader.load(string: text, format: format, fileName: "out.\(format.rawValue)")
        #expect(back.skills == state.skills)
    }

    @Test("an empty file, a blank file and a missing version are located", arguments: ["", "\n\n  \n", "\u{FEFF}"])
    func empty(text: String) {
        #expect(problems(text) == ["x.yaml:1: the file is empty (it needs at least 'version: 1') (column 1)"])
        #expect(problems(text, file: "x.json") == ["x.json:1: the file is empty (it needs at least 'version: 1') (column 1)"])
    }

    @Test("a missing version names the document's first line and column")
    func missingVersion() {
        #expect(problems("\n  {\"skills\": []}", file: "x.json") == ["x.json:2: version: is required (write 'version: 1' at the top) (column 3)"])
        #expect(problems("# routing\nskills: []\n") == ["x.yaml:2: version: is required (write 'version: 1' at the top) (column 1)"])
    }

    @Test("a directory, a FIFO and a device get a one-line error naming what they are, without blocking")
    func notRegularFiles() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("dir.yaml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let fifo = directory.url.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let device = directory.url.appendingPathComponent("zero.yaml")
        try FileManager.default.createSymbolicLink(atPath: device.path, withDestinationPath: "/dev/zero")
        let cases: [(URL, String)] = [
            (folder, "dir.yaml: is a directory, not a regular file"),
            (fifo, "pipe.yaml: is a FIFO (named pipe; use '-' to read standard input), not a regular file"),
            (device, "zero.yaml: is a device, not a regular file"),
            (URL(fileURLWithPath: "/dev/zero"), "zero: is a device, not a regular file"),
        ]
        for (url, message) in cases {
            #expect { try DesiredStateLoader.load(contentsOf: url) } throws: { error in
                (error as? DesiredStateError)?.description == message
            }
        }
        #expect { try DesiredStateLoader.load(path: directory.url.path + "/missing.json") } throws: { error in
            (error as? DesiredStateError)?.description == "missing.json: cannot be read (no such file)"
        }
    }

    @Test("data without a file extension is read as JSON when it starts with { or [, else as YAML")
    func sniffing() throws {
        let json = try DesiredStateLoader.load(data: Data(" {\"version\": 1, \"skills\": [{\"name\": \"A\"}]}".utf8), sourceName: "<stdin>")
        #expect(json.skills == [SkillSpec(name: "A")])
        let yaml = try DesiredStateLoader.load(data: Data("version: 1\nskills:\n  - name: B\n".utf8), sourceName: "<stdin>")
        #expect(yaml.skills == [SkillSpec(name: "B")])
        #expect(problems("{\"version\": 1,}", file: "<stdin>") == ["<stdin>:1: invalid JSON: expected a quoted key (column 15)"])
    }

    @Test("int32 fields are range-checked against the wire type, with a located error")
    func int32() {
        let text = """
        version: 1
        queues:
          - name: Support
            mediaSettings:
              call:
                alertingTimeoutSeconds: 4294967296
              message:
                subTypeSettings: {}
        """
        let found = problems(text)
        #expect(found.contains(
            "x.yaml:6: queues[Support].mediaSettings.call.alertingTimeoutSeconds: 4294967296 is out of range (a 32-bit integer, -2147483648–2147483647)"
        ))
        #expect(problems("version: 1\nqueues:\n  - name: Q\n    mediaSettings:\n      callback:\n        maxRetryCount: 2147483647\n").isEmpty)
    }

    @Test("a long unknown key gets no suggestion and the allowed keys instead")
    func longUnknownKey() {
        let key = String(repeating: "k", count: 200_000)
        let found = problems("{\"version\": 1,\n\"\(key)\": 1}", file: "x.json")
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix(": unknown key (expected \(DocumentDecoder.topLevelKeys.joined(separator: ", ")))") == true)
        #expect(DocumentDecoder.suggestion(for: "skils", among: DocumentDecoder.topLevelKeys) == "skills")
        #expect(DocumentDecoder.suggestion(for: "SKILLS", among: DocumentDecoder.topLevelKeys) == "skills")
    }

    @Test("a minified JSON file of 20,000 skills loads; an error at its end names the right column")
    func minifiedJSON() throws {
        let skills = (0..<20_000).map { "{\"name\":\"Skill \($0) é\"}" }.joined(separator: ",")
        let text = "{\"version\":1,\"skills\":[\(skills)]}"
        let state = try DesiredStateLoader.load(data: Data(text.utf8), sourceName: "big.json")
        #expect(state.skills.count == 20_000)
        let broken = String(text.dropLast()) + "x"
        #expect(problems(broken, file: "big.json") == ["big.json:1: invalid JSON: expected ',' or '}' (column \(broken.count))"])
    }
}

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("loader-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
