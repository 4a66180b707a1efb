/// One criterion of a user search (`UserSearchCriteria`); criteria nest through ``group``.
///
/// ``type`` is required. Which `fields` names are accepted beyond `name` and `email` is not
/// established.
public struct UserSearchCriteria: Codable, Sendable, Hashable {
    /// The end of the range, for range search types.
    public var endValue: String?
    /// Values to match against.
    public var values: [String]?
    /// The start of the range, for range search types.
    public var startValue: String?
    /// A value to match against.
    public var value: String?
    /// How this criterion combines with the others.
    public var `operator`: UserSearchOperator?
    /// Nested criteria.
    public var group: [UserSearchCriteria]?
    /// The Java date pattern of range values (e.g. `yyyy-MM-dd'T'HH:mm:ss.SSSX`).
    public var dateFormat: String?
    /// The fields to search (e.g. `name`, `email`).
    public var fields: [String]?
    /// The kind of match. Required.
    public var type: UserSearchType?

    /// Creates a search criterion; every field is optional.
    public init(
        endValue: String? = nil,
        values: [String]? = nil,
        startValue: String? = nil,
        value: String? = nil,
        operator: UserSearchOperator? = nil,
        group: [UserSearchCriteria]? = nil,
        dateFormat: String? = nil,
        fields: [String]? = nil,
        type: UserSearchType? = nil
    ) {
        self.endValue = endValue
        self.values = values
        self.startValue = startValue
        self.value = value
        self.operator = `operator`
        self.group = group
        self.dateFormat = dateFormat
        self.fields = fields
        self.type = type
    }
}

/// The kind of match of a ``UserSearchCriteria``.
public enum UserSearchType: GenesysEnum {
    /// `EXACT`.
    case exact
    /// `STARTS_WITH`.
    case startsWith
    /// `CONTAINS`.
    case contains
    /// `REGEX`.
    case regex
    /// `TERM`.
    case term
    /// `TERMS`.
    case terms
    /// `REQUIRED_FIELDS`.
    case requiredFields
    /// `MATCH_ALL`.
    case matchAll
    /// `QUERY_STRING`.
    case queryString
    /// `RANGE`.
    case range
    /// `LESS_THAN`.
    case lessThan
    /// `LESS_THAN_EQUAL_TO`.
    case lessThanEqualTo
    /// `GREATER_THAN`.
    case greaterThan
    /// `GREATER_THAN_EQUAL_TO`.
    case greaterThanEqualTo
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// The search types listed by the API reference.
    public static let knownCases: [Self] = [
        .exact, .startsWith, .contains, .regex, .term, .terms, .requiredFields, .matchAll, .queryString,
        .range, .lessThan, .lessThanEqualTo, .greaterThan, .greaterThanEqualTo,
    ]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .exact: "EXACT"
        case .startsWith: "STARTS_WITH"
        case .contains: "CONTAINS"
        case .regex: "REGEX"
        case .term: "TERM"
        case .terms: "TERMS"
        case .requiredFields: "REQUIRED_FIELDS"
        case .matchAll: "MATCH_ALL"
        case .queryString: "QUERY_STRING"
        case .range: "RANGE"
        case .lessThan: "LESS_THAN"
        case .lessThanEqualTo: "LESS_THAN_EQUAL_TO"
        case .greaterThan: "GREATER_THAN"
        case .greaterThanEqualTo: "GREATER_THAN_EQUAL_TO"
        case .unknown(let value): value
        }
    }
}

/// How a ``UserSearchCriteria`` combines with the others: `AND`, `OR`, `NOT`.
public enum UserSearchOperator: GenesysEnum {
    /// `AND`.
    case and
    /// `OR`.
    case or
    /// `NOT`.
    case not
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `AND`, `OR`, `NOT`.
    public static let knownCases: [Self] = [.and, .or, .not]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .unknown(let value): value
        }
    }
}
