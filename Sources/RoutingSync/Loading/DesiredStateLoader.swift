#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Reads and validates desired-state files (format version 1, `Documentation/DesiredStateFormat.md`). No network.
///
/// Validation covers syntax, unknown keys, required fields, types, enumerations, ranges (agent
/// proficiencies 0.0–5.0, condition proficiencies integers 0–5, ACW timeout 1 s–60 min, integers within
/// their wire type), names (trimmed, non-empty, unique per kind after case folding), lists (no entry twice),
/// `previousNames` (not another declared name), `mediaSettings` (only the keys and types of the API's
/// `QueueMediaSettings`), the queue settings (the API's enum values, `int32` ranges and minimums, `id:`
/// references). Every problem is reported together, one line each, naming the file, line,
/// object and field. References to other objects (skills in conditions, users, divisions, …) need the org
/// and are checked by ``RoutingSync/plan(desired:current:options:)``.
///
/// Input is bounded (``Limits``): only regular files or standard input are read, never more than
/// ``Limits/maxBytes``; the text must be UTF-8 without control characters; YAML anchors and aliases are
/// rejected before anything is expanded; nesting is capped at ``Limits/maxDepth``. Work is linear in the
/// size of the file.
///
/// A plain array of skill definitions (`[{"name", "description", "assign_to_users",
/// "assign_to_profiles"}]`) is read as `skills` plus `agents` holding each skill at proficiency 1, additively.
public enum DesiredStateLoader {
    /// Bounds on what the loader reads.
    public struct Limits: Sendable, Hashable {
        /// The largest input read, in bytes (default 10 MiB).
        public var maxBytes: Int
        /// The deepest nesting of lists and mappings (default 256).
        public var maxDepth: Int

        /// Creates limits.
        public init(maxBytes: Int = 10 * 1024 * 1024, maxDepth: Int = 256) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    /// Reads `path`, or standard input when `path` is `-` (the format is then told by the first character:
    /// `{` or `[` is JSON, anything else YAML).
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(path: String, limits: Limits = Limits()) throws(DesiredStateError) -> DesiredState {
        guard path == "-" else { return try load(contentsOf: URL(fileURLWithPath: path), limits: limits) }
        let data = try DesiredStateInput.readStandardInput(limit: limits.maxBytes)
        return try load(data: data, sourceName: DesiredStateInput.standardInputName, limits: limits)
    }

    /// Reads a file; the extension (`.yaml`, `.yml`, `.json`) decides the parser. Only a regular file (or a
    /// symbolic link to one) is read; a directory, FIFO or device is refused without blocking.
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(contentsOf url: URL, limits: Limits = Limits()) throws(DesiredStateError) -> DesiredState {
        let fileName = url.lastPathComponent
        try DesiredStateInput.refuseNonRegularFile(atPath: url.path, name: fileName)
        guard let format = DesiredStateFormat(url: url) else {
            throw DesiredStateInput.problem(fileName, "unknown file type '.\(url.pathExtension)' (use .yaml, .yml or .json)")
        }
        let data = try DesiredStateInput.readFile(atPath: url.path, name: fileName, limit: limits.maxBytes)
        return try load(data: data, format: format, fileName: fileName, limits: limits)
    }

    /// Reads contents that came from somewhere other than a file path (standard input, a request body).
    /// - Parameters:
    ///   - data: UTF-8 text.
    ///   - sourceName: The name used in messages; its extension (`.yaml`, `.yml`, `.json`) decides the
    ///     parser, and without one the first character does (`{` or `[` is JSON, anything else YAML).
    ///   - limits: The size and nesting limits (10 MiB and 256 levels by default).
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(data: Data, sourceName: String, limits: Limits = Limits()) throws(DesiredStateError) -> DesiredState {
        let format = DesiredStateFormat(fileExtension: URL(fileURLWithPath: sourceName).pathExtension)
            ?? DesiredStateFormat(sniffing: data)
        return try load(data: data, format: format, fileName: sourceName, limits: limits)
    }

    /// Reads file contents.
    /// - Parameters:
    ///   - data: UTF-8 text.
    ///   - format: YAML or JSON.
    ///   - fileName: The name used in messages (`routing.yaml`).
    ///   - limits: The size and nesting limits (10 MiB and 256 levels by default).
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(
        data: Data, format: DesiredStateFormat, fileName: String, limits: Limits = Limits()
    ) throws(DesiredStateError) -> DesiredState {
        guard data.count <= limits.maxBytes else { throw DesiredStateInput.tooLarge(fileName, limits.maxBytes) }
        let text = try DesiredStateInput.text(data, file: fileName)
        return try parse(text, format: format, fileName: fileName, limits: limits)
    }

    /// Reads a document held in a string.
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(
        string text: String, format: DesiredStateFormat, fileName: String, limits: Limits = Limits()
    ) throws(DesiredStateError) -> DesiredState {
        try load(data: Data(text.utf8), format: format, fileName: fileName, limits: limits)
    }

    static func parse(_ text: String, format: DesiredStateFormat, fileName: String, limits: Limits) throws(DesiredStateError) -> DesiredState {
        let root: SourceNode?
        switch format {
        case .json:
            do {
                root = try JSONSourceParser.parse(text, maxDepth: limits.maxDepth)
            } catch {
                throw DesiredStateInput.problem(fileName, code: .syntax, line: error.line, column: error.column,
                                                "invalid JSON: \(error.message) (column \(error.column))")
            }
        case .yaml:
            do {
                root = try YAMLSourceParser.parse(text, maxDepth: limits.maxDepth)
            } catch {
                throw DesiredStateInput.problem(fileName, code: .syntax, line: error.line, column: error.column,
                                                "invalid YAML: \(error.message)\(error.column.map { " (column \($0))" } ?? "")")
            }
        }
        guard let root else {
            throw DesiredStateInput.problem(fileName, code: .unsupportedVersion, line: 1, column: 1,
                                            "the file is empty (it needs at least 'version: 1') (column 1)")
        }
        var decoder = DocumentDecoder(file: fileName)
        var state = decoder.decodeDocument(root)
        let (errors, warnings) = decoder.sortedProblems
        guard errors.isEmpty else { throw DesiredStateError(problems: errors, warnings: warnings) }
        state.source = SourceInfo(fileName: fileName, lines: decoder.lines, fieldLines: decoder.fieldLines)
        state.warnings = warnings
        state.validated = ValidatedFingerprint(of: state)
        return state
    }
}

extension DesiredStateFormat {
    /// JSON when the first character other than whitespace (or a byte-order mark) is `{` or `[`, else YAML.
    init(sniffing data: Data) {
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        self = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .yaml
    }
}
