/// One node of a skill group's condition tree (`SkillGroupCondition`).
///
/// The node joins its skill and language conditions with ``operation``; each of those may carry
/// nested `childConditions` (the `SkillGroupCondition` schema). All three fields are required on write.
public struct SkillGroupCondition: Codable, Sendable, Hashable {
    /// Conditions on routing skills.
    public var routingSkillConditions: [SkillGroupRoutingCondition]?
    /// Conditions on language skills.
    public var languageSkillConditions: [SkillGroupLanguageCondition]?
    /// The operator that joins the conditions: `And`, `Or` or `Not`.
    public var operation: ConditionOperation?

    /// Creates a condition node; every field is optional.
    public init(
        routingSkillConditions: [SkillGroupRoutingCondition]? = nil,
        languageSkillConditions: [SkillGroupLanguageCondition]? = nil,
        operation: ConditionOperation? = nil
    ) {
        self.routingSkillConditions = routingSkillConditions
        self.languageSkillConditions = languageSkillConditions
        self.operation = operation
    }
}

/// The operator of a ``SkillGroupCondition`` node: `And`, `Or`, `Not`.
public enum ConditionOperation: GenesysEnum {
    /// `And`: all conditions must hold.
    case and
    /// `Or`: at least one condition must hold.
    case or
    /// `Not`: negates the conditions.
    case not
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `And`, `Not`, `Or` (the order of the API reference).
    public static let knownCases: [Self] = [.and, .not, .or]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .and: "And"
        case .or: "Or"
        case .not: "Not"
        case .unknown(let value): value
        }
    }
}
