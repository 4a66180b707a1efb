#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Reads and validates desired-state files (format version 1, `Documentation/DesiredStateFormat.md`). No network.
///
/// Validation covers syntax, unknown keys, required fields, types, enumerations, ranges (agent
/// proficiencies 0.0–5.0, condition proficiencies integers 0–5, ACW timeout 1 s–60 min), names (trimmed,
/// non-empty, unique per kind after case folding), lists (no entry twice), `previousNames` (not another
/// declared name), `mediaSettings` (must read as the API's `QueueMediaSettings`). Every problem is
/// reported together, one line each, naming the file, line, object and field. References to other
/// objects (skills in conditions, users, divisions, …) need the org and are checked by
/// ``RoutingSync/plan(desired:current:options:)``.
///
/// A plain array of skill definitions (`[{"name", "description", "assign_to_users",
/// "assign_to_profiles"}]`) is read as `skills` plus `agents` holding each skill at proficiency 1, additively.
public enum DesiredStateLoader {
    /// Reads a file; the extension (`.yaml`, `.yml`, `.json`) decides the parser.
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(contentsOf url: URL) throws(DesiredStateError) -> DesiredState {
        let fileName = url.lastPathComponent
        guard let format = DesiredStateFormat(url: url) else {
            throw DesiredStateError(problems: [ValidationProblem(
                code: .unreadableFile, file: fileName, object: "",
                message: "unknown file type '.\(url.pathExtension)' (use .yaml, .yml or .json)"
            )])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DesiredStateError(problems: [ValidationProblem(
                code: .unreadableFile, file: fileName, object: "", message: "cannot be read (\(Self.reason(error)))"
            )])
        }
        return try load(data: data, format: format, fileName: fileName)
    }

    /// Reads file contents.
    /// - Parameters:
    ///   - data: UTF-8 text.
    ///   - format: YAML or JSON.
    ///   - fileName: The name used in messages (`routing.yaml`).
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(data: Data, format: DesiredStateFormat, fileName: String) throws(DesiredStateError) -> DesiredState {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DesiredStateError(problems: [ValidationProblem(
                code: .syntax, file: fileName, object: "", message: "is not UTF-8 text"
            )])
        }
        return try load(string: text, format: format, fileName: fileName)
    }

    /// Reads a document held in a string.
    /// - Throws: ``DesiredStateError`` with every problem found.
    public static func load(string text: String, format: DesiredStateFormat, fileName: String) throws(DesiredStateError) -> DesiredState {
        let root: SourceNode?
        switch format {
        case .json:
            do {
                root = try JSONSourceParser.parse(text)
            } catch {
                throw DesiredStateError(problems: [ValidationProblem(
                    code: .syntax, file: fileName, line: error.line, column: error.column, object: "",
                    message: "invalid JSON: \(error.message) (column \(error.column))"
                )])
            }
        case .yaml:
            do {
                root = try YAMLSourceParser.parse(text)
            } catch {
                throw DesiredStateError(problems: [ValidationProblem(
                    code: .syntax, file: fileName, line: error.line, column: error.column, object: "",
                    message: "invalid YAML: \(error.message)\(error.column.map { " (column \($0))" } ?? "")"
                )])
            }
        }
        guard let root else {
            throw DesiredStateError(problems: [ValidationProblem(
                code: .unsupportedVersion, file: fileName, object: "", message: "the file is empty (it needs at least 'version: 1')"
            )])
        }
        var decoder = DocumentDecoder(file: fileName)
        var state = decoder.decodeDocument(root)
        let errors = decoder.problems.filter { $0.severity == .error }.sorted(by: ValidationProblem.precedes)
        let warnings = decoder.problems.filter { $0.severity == .warning }.sorted(by: ValidationProblem.precedes)
        guard errors.isEmpty else { throw DesiredStateError(problems: errors, warnings: warnings) }
        state.source = SourceInfo(fileName: fileName, lines: decoder.lines, fieldLines: decoder.fieldLines)
        state.warnings = warnings
        return state
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError {
            if error.code == .fileReadNoSuchFile { return "no such file" }
            if error.code == .fileReadNoPermission { return "permission denied" }
        }
        return "read error"
    }
}
