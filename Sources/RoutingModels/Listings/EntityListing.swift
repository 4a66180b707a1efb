/// A page of a page-number listing with totals (paging style A: `getRoutingSkills`, `getRoutingQueues`, `getUsers`, …).
///
/// Request with `pageNumber` (1-based, default 1) and `pageSize` (default 25). The `…Uri` links
/// are relative paths with query string; resolve them against the API base URL.
public struct EntityListing<Entity> {
    /// The entities on this page.
    public var entities: [Entity]?
    /// The page size.
    public var pageSize: Int?
    /// The page number, 1-based.
    public var pageNumber: Int?
    /// The total number of entities (int64 on the wire).
    public var total: Int?
    /// The number of pages.
    public var pageCount: Int?
    /// The link to the first page.
    public var firstUri: String?
    /// The link to this page.
    public var selfUri: String?
    /// The link to the next page; absent on the last page.
    public var nextUri: String?
    /// The link to the previous page; absent on the first page.
    public var previousUri: String?
    /// The link to the last page.
    public var lastUri: String?

    /// Creates a page; every field is optional.
    public init(
        entities: [Entity]? = nil,
        pageSize: Int? = nil,
        pageNumber: Int? = nil,
        total: Int? = nil,
        pageCount: Int? = nil,
        firstUri: String? = nil,
        selfUri: String? = nil,
        nextUri: String? = nil,
        previousUri: String? = nil,
        lastUri: String? = nil
    ) {
        self.entities = entities
        self.pageSize = pageSize
        self.pageNumber = pageNumber
        self.total = total
        self.pageCount = pageCount
        self.firstUri = firstUri
        self.selfUri = selfUri
        self.nextUri = nextUri
        self.previousUri = previousUri
        self.lastUri = lastUri
    }
}

extension EntityListing: Encodable where Entity: Encodable {}
extension EntityListing: Decodable where Entity: Decodable {}
extension EntityListing: Equatable where Entity: Equatable {}
extension EntityListing: Hashable where Entity: Hashable {}
extension EntityListing: Sendable where Entity: Sendable {}

/// `SkillEntityListing`: a page of ``RoutingSkill`` from `GET /api/v2/routing/skills`.
public typealias SkillEntityListing = EntityListing<RoutingSkill>
/// `QueueEntityListing`: a page of ``RoutingQueue`` from `GET /api/v2/routing/queues` and the division views.
public typealias QueueEntityListing = EntityListing<RoutingQueue>
/// `WrapupCodeEntityListing`: a page of ``WrapupCode`` (organisation or queue wrap-up codes).
public typealias WrapupCodeEntityListing = EntityListing<WrapupCode>
/// `LanguageEntityListing`: a page of ``Language`` from `GET /api/v2/routing/languages`.
public typealias LanguageEntityListing = EntityListing<Language>
/// `UserSkillEntityListing`: a page of ``UserRoutingSkill`` from `…/users/{userId}/routingskills`.
public typealias UserSkillEntityListing = EntityListing<UserRoutingSkill>
/// `UserLanguageEntityListing`: a page of ``UserRoutingLanguage`` from `…/users/{userId}/routinglanguages`.
public typealias UserLanguageEntityListing = EntityListing<UserRoutingLanguage>
/// `SkillExpressionEntityListing`: a page of ``SkillExpression``.
public typealias SkillExpressionEntityListing = EntityListing<SkillExpression>
/// `AuthzDivisionEntityListing`: a page of ``AuthzDivision`` from `GET /api/v2/authorization/divisions`.
public typealias AuthzDivisionEntityListing = EntityListing<AuthzDivision>
/// `UserEntityListing`: a page of ``User`` from `GET /api/v2/users`.
public typealias UserEntityListing = EntityListing<User>
/// `QueueMemberEntityListingV1`: a page of ``QueueMember`` from the deprecated `…/queues/{queueId}/users`.
public typealias QueueMemberEntityListingV1 = EntityListing<QueueMember>
