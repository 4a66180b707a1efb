/// One problem with a desired-state file: where it is (file, line, object, field) and what is wrong.
///
/// ``description`` is the one-line form the CLI prints:
/// `routing.yaml:14: skillGroups[Billing Experts].conditions[0].routingSkillConditions[0].proficiency: 7 is out of range (integer 0–5)`.
public struct ValidationProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of problem. A struct over a private enum, so codes can be added without breaking anyone.
    public struct Code: Hashable, Sendable, Codable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable, Codable {
            case syntax, unsupportedVersion, unknownKey, missingField, invalidType, invalidValue, outOfRange
            case duplicateName, unresolvedReference, ambiguousName, ignoredField, unreadableFile
        }
        private let base: Base

        /// The file is not well-formed YAML or JSON.
        public static let syntax = Code(base: .syntax)
        /// `version` is missing or not `1`.
        public static let unsupportedVersion = Code(base: .unsupportedVersion)
        /// A key the format does not define.
        public static let unknownKey = Code(base: .unknownKey)
        /// A required field is missing or empty.
        public static let missingField = Code(base: .missingField)
        /// A value of the wrong type (a list where a mapping belongs, text where a number belongs, …).
        public static let invalidType = Code(base: .invalidType)
        /// A value outside an enumeration (an unknown comparator, policy mode, …).
        public static let invalidValue = Code(base: .invalidValue)
        /// A number outside its range.
        public static let outOfRange = Code(base: .outOfRange)
        /// The same name (after trimming and case folding) declared twice.
        public static let duplicateName = Code(base: .duplicateName)
        /// A reference to a skill, language, wrap-up code, skill group, user or division that is neither
        /// declared nor in the org.
        public static let unresolvedReference = Code(base: .unresolvedReference)
        /// A name matches several existing objects, or an existing object differs from a declared name only
        /// in case or surrounding whitespace.
        public static let ambiguousName = Code(base: .ambiguousName)
        /// A field that is accepted but ignored (a warning).
        public static let ignoredField = Code(base: .ignoredField)
        /// The file could not be read.
        public static let unreadableFile = Code(base: .unreadableFile)

        /// The code's name, such as `outOfRange`.
        public var description: String { base.rawValue }

        /// Decodes the code's name.
        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            guard let base = Base(rawValue: raw) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown code \(raw)"))
            }
            self.base = base
        }

        /// Encodes the code's name.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base.rawValue)
        }

        private init(base: Base) { self.base = base }
    }

    /// Whether the problem makes the file unusable.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file is rejected.
        case error
        /// Reported; the file is still used.
        case warning
    }

    /// What kind of problem.
    public var code: Code
    /// Error or warning.
    public var severity: Severity
    /// The file name as given to the loader (`routing.yaml`).
    public var file: String
    /// The 1-based line, when the parser gives one.
    public var line: Int?
    /// The 1-based column, when the parser gives one.
    public var column: Int?
    /// The object: `skillGroups[Billing Experts]`, `agents[jane.doe@example.com]`, `skills[3]` for an
    /// unnamed entry, `policy`, or empty for the top level.
    public var object: String
    /// The field inside the object, such as `conditions[0].routingSkillConditions[0].proficiency`.
    public var field: String?
    /// What is wrong, such as `7 is out of range (integer 0–5)`.
    public var message: String

    /// Creates a problem.
    public init(
        code: Code, severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil,
        object: String, field: String? = nil, message: String
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.object = object
        self.field = field
        self.message = message
    }

    /// `object.field` (either part may be empty).
    public var path: String {
        switch (object.isEmpty, field?.isEmpty ?? true) {
        case (true, true): ""
        case (true, false): field!
        case (false, true): object
        case (false, false): "\(object).\(field!)"
        }
    }

    /// One line: `file:line: path: message` (`file: path: message` without a line, `path: message` without a
    /// file, as for a state built in code; `warning: ` before the message for warnings). Control characters
    /// are escaped (`\u{1B}`).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if !text.isEmpty { text += ": " }
        if !path.isEmpty { text += "\(path): " }
        if severity == .warning { text += "warning: " }
        text += message
        // Names and keys come from the file (or the org); a control character must not reach a terminal raw.
        return text.escapingControlCharacters
    }

    /// Orders problems by line (problems without a line last), then column, then path.
    static func precedes(_ a: ValidationProblem, _ b: ValidationProblem) -> Bool {
        switch (a.line, b.line) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        return a.path < b.path
    }
}

/// Thrown by ``DesiredStateLoader`` when a file is not a valid desired-state file. Carries every problem
/// found, not just the first.
public struct DesiredStateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The errors, ordered by line. Never empty.
    public var problems: [ValidationProblem]
    /// Warnings found alongside the errors.
    public var warnings: [ValidationProblem]

    /// Creates an error.
    public init(problems: [ValidationProblem], warnings: [ValidationProblem] = []) {
        self.problems = problems
        self.warnings = warnings
    }

    /// One line per problem, joined with newlines.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// Thrown by planning when the file cannot be applied to this org: ambiguous names or references that
/// resolve to nothing. Nothing has been written when it is thrown. API failures are `GenesysError`s,
/// not this type.
public struct SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure. A struct over a private enum, so codes can be added later.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case ambiguousName, unresolvedReference, incompleteDefinition, incompleteSnapshot, invalidDesiredState
        }
        private let base: Base

        /// Some name matches several existing objects, or differs only in case or whitespace from a declared one.
        public static let ambiguousName = Code(base: .ambiguousName)
        /// A reference (skill, language, wrap-up code, skill group, user, division) resolves to nothing.
        public static let unresolvedReference = Code(base: .unresolvedReference)
        /// A new object lacks a field the API needs to create it (a new skill group without conditions).
        public static let incompleteDefinition = Code(base: .incompleteDefinition)
        /// The ``OrgSnapshot`` lacks something the file needs (it was read for a different file).
        public static let incompleteSnapshot = Code(base: .incompleteSnapshot)
        /// The desired state itself is invalid (``DesiredState/validate()`` found errors: a state built in
        /// code with two names that differ only in case or spaces, a proficiency out of range, …).
        public static let invalidDesiredState = Code(base: .invalidDesiredState)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// The code of the first problem (ambiguity wins over unresolved references).
    public var code: Code
    /// Every problem, each naming file, object and field (and line when known), ordered by line.
    public var problems: [ValidationProblem]

    /// Creates an error.
    public init(code: Code, problems: [ValidationProblem]) {
        self.code = code
        self.problems = problems
    }

    /// One line per problem, joined with newlines.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
