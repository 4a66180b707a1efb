/// The body of `POST /api/v2/users/search` (`UserSearchRequest`).
///
/// Minimal search by email: `query: [UserSearchCriteria(value: email, fields: ["email"], type: .exact)]`
/// with `sortBy: "email"`, `sortOrder: .ascending` (as the official Terraform provider does).
public struct UserSearchRequest: Codable, Sendable, Hashable {
    /// The sort order of the results.
    public var sortOrder: SearchSortOrder?
    /// The field to sort the results by.
    public var sortBy: String?
    /// The number of results per page (maximum not established).
    public var pageSize: Int?
    /// The page to return, 1-based.
    public var pageNumber: Int?
    /// Several sort keys, in order.
    public var sort: [SearchSort]?
    /// Expansions to include in each result (same names as the `expand` query parameter).
    public var expand: [String]?
    /// The search criteria.
    public var query: [UserSearchCriteria]?
    /// Returns an integration presence instead of the default one; used only with
    /// `expand` containing `presence`, and then at most 100 users are returned.
    public var integrationPresenceSource: IntegrationPresenceSource?
    /// When true, results are also filtered by the `directory:user:view` permission.
    public var enforcePermissions: Bool?

    /// Creates a user search request; every field is optional.
    public init(
        sortOrder: SearchSortOrder? = nil,
        sortBy: String? = nil,
        pageSize: Int? = nil,
        pageNumber: Int? = nil,
        sort: [SearchSort]? = nil,
        expand: [String]? = nil,
        query: [UserSearchCriteria]? = nil,
        integrationPresenceSource: IntegrationPresenceSource? = nil,
        enforcePermissions: Bool? = nil
    ) {
        self.sortOrder = sortOrder
        self.sortBy = sortBy
        self.pageSize = pageSize
        self.pageNumber = pageNumber
        self.sort = sort
        self.expand = expand
        self.query = query
        self.integrationPresenceSource = integrationPresenceSource
        self.enforcePermissions = enforcePermissions
    }
}

/// One sort key of a search (`SearchSort`).
public struct SearchSort: Codable, Sendable, Hashable {
    /// The sort order.
    public var sortOrder: SearchSortOrder?
    /// The field to sort by.
    public var sortBy: String?

    /// Creates a sort key; every field is optional.
    public init(sortOrder: SearchSortOrder? = nil, sortBy: String? = nil) {
        self.sortOrder = sortOrder
        self.sortBy = sortBy
    }
}

/// The sort order of a search: `ASC`, `DESC`, `SCORE`.
public enum SearchSortOrder: GenesysEnum {
    /// `ASC`.
    case ascending
    /// `DESC`.
    case descending
    /// `SCORE`: by relevance.
    case score
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `ASC`, `DESC`, `SCORE`.
    public static let knownCases: [Self] = [.ascending, .descending, .score]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .ascending: "ASC"
        case .descending: "DESC"
        case .score: "SCORE"
        case .unknown(let value): value
        }
    }
}

/// A source of integration presence (``UserSearchRequest/integrationPresenceSource``).
public enum IntegrationPresenceSource: GenesysEnum {
    /// `MicrosoftTeams`.
    case microsoftTeams
    /// `ZoomPhone`.
    case zoomPhone
    /// `EightByEight`.
    case eightByEight
    /// `RingCentral`.
    case ringCentral
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `MicrosoftTeams`, `ZoomPhone`, `EightByEight`, `RingCentral`.
    public static let knownCases: [Self] = [.microsoftTeams, .zoomPhone, .eightByEight, .ringCentral]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .microsoftTeams: "MicrosoftTeams"
        case .zoomPhone: "ZoomPhone"
        case .eightByEight: "EightByEight"
        case .ringCentral: "RingCentral"
        case .unknown(let value): value
        }
    }
}
