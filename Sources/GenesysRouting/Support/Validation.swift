import GenesysCore

/// Argument checks done before anything is sent. Each failure is a one-line
/// `GenesysError.Code.invalidRequest` naming the field.
enum Validate {
    static func invalid(_ operation: String, _ message: String) -> GenesysError {
        GenesysError(code: .invalidRequest, operation: operation, message: message)
    }

    static func isBlank(_ value: String) -> Bool { value.allSatisfy(\.isWhitespace) }

    /// An id that goes into a path: an empty one would address the collection instead of the object.
    static func id(_ value: String, _ field: String, _ operation: String) throws {
        if isBlank(value) { throw invalid(operation, "\(field) must not be empty") }
    }

    /// Every id of a list.
    static func ids(_ values: [String], _ field: String, _ operation: String) throws {
        if let index = values.firstIndex(where: isBlank) {
            throw invalid(operation, "\(field)[\(index)] must not be empty")
        }
    }

    /// A name for a create call or a look-up.
    static func name(_ value: String?, _ field: String, _ operation: String) throws {
        guard let value, !isBlank(value) else { throw invalid(operation, "\(field) must not be empty") }
    }

    /// A user skill/language proficiency: a finite number in 0.0–5.0 (`UserRoutingSkillPost.proficiency`,
    /// `UserRoutingLanguagePost.proficiency` in `postUserRoutingskills` and `postUserRoutinglanguages`).
    static func proficiency(_ value: Double?, _ field: String, _ operation: String) throws {
        guard let value else { throw invalid(operation, "\(field) is required (0.0–5.0)") }
        guard value.isFinite, (0.0...5.0).contains(value) else {
            throw invalid(operation, "\(field) must be between 0.0 and 5.0 (got \(value))")
        }
    }

    /// A bullseye ring number: 1–6 [TF].
    static func ringNumber(_ value: Int, _ operation: String) throws {
        guard (1...6).contains(value) else {
            throw invalid(operation, "ringNumber must be between 1 and 6 (got \(value))")
        }
    }
}
