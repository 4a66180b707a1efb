/// The response of `POST /api/v2/routing/skillexpressions/validate`
/// (`SkillExpressionValidationResult`).
public struct SkillExpressionValidationResult: Codable, Sendable, Hashable {
    /// Whether the expression is valid.
    public var valid: Bool?
    /// The normalised (SpEL) expression; absent or null when validation failed.
    public var expression: String?
    /// The skills referenced by the expression (empty when none or invalid).
    public var skills: [SkillReference]?
    /// The validation errors (empty when valid).
    public var errors: [SkillExpressionValidationError]?
    /// An optional hint, e.g. that the expression is not optimal or the system is near capacity.
    public var hint: String?

    /// Creates a validation result; every field is optional.
    public init(
        valid: Bool? = nil,
        expression: String? = nil,
        skills: [SkillReference]? = nil,
        errors: [SkillExpressionValidationError]? = nil,
        hint: String? = nil
    ) {
        self.valid = valid
        self.expression = expression
        self.skills = skills
        self.errors = errors
        self.hint = hint
    }
}

/// A skill referenced by a skill expression (`SkillReference`).
public struct SkillReference: Codable, Sendable, Hashable {
    /// The skill id (GUID string).
    public var id: String?
    /// The skill name.
    public var name: String?
    /// Whether this is a language skill (otherwise an ACD skill).
    public var isLanguageSkill: Bool?

    /// Creates a skill reference; every field is optional.
    public init(id: String? = nil, name: String? = nil, isLanguageSkill: Bool? = nil) {
        self.id = id
        self.name = name
        self.isLanguageSkill = isLanguageSkill
    }
}

/// A validation error in a skill expression (`SkillExpressionValidationError`).
public struct SkillExpressionValidationError: Codable, Sendable, Hashable {
    /// The error code.
    public var code: String?
    /// A human-readable message.
    public var message: String?
    /// The position in the expression where the error occurred; absent when not applicable.
    public var position: Int?

    /// Creates a validation error; every field is optional.
    public init(code: String? = nil, message: String? = nil, position: Int? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }
}
