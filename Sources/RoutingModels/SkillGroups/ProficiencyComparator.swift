/// How a skill group condition compares an agent's proficiency with the condition's value.
public enum ProficiencyComparator: GenesysEnum {
    /// `EqualTo`.
    case equalTo
    /// `NotEqualTo`.
    case notEqualTo
    /// `LessThan`.
    case lessThan
    /// `GreaterThan`.
    case greaterThan
    /// `GreaterThanOrEqualTo`.
    case greaterThanOrEqualTo
    /// `LessThanOrEqualTo`.
    case lessThanOrEqualTo
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The comparators listed by the API reference.
    public static let knownCases: [Self] = [
        .equalTo, .notEqualTo, .lessThan, .greaterThan, .greaterThanOrEqualTo, .lessThanOrEqualTo,
    ]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .equalTo: "EqualTo"
        case .notEqualTo: "NotEqualTo"
        case .lessThan: "LessThan"
        case .greaterThan: "GreaterThan"
        case .greaterThanOrEqualTo: "GreaterThanOrEqualTo"
        case .lessThanOrEqualTo: "LessThanOrEqualTo"
        case .unknown(let value): value
        }
    }
}
