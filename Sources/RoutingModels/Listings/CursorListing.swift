#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A page of a cursor listing (paging style C: `getRoutingSkillgroups`, `getRoutingSkillgroupMembers`, `getUserSkillgroups`): no totals, no page numbers.
///
/// Request with `pageSize` (default 25) and `after`/`before`. The next cursor is the `after`
/// value in ``nextUri`` (see ``nextCursor``); the listing ends when ``nextUri`` is absent.
public struct CursorListing<Entity> {
    /// The entities on this page.
    public var entities: [Entity]?
    /// The link to the next page (relative path with query string); absent on the last page.
    public var nextUri: String?
    /// The link to this page.
    public var selfUri: String?
    /// The link to the previous page.
    public var previousUri: String?

    /// Creates a page; every field is optional.
    public init(entities: [Entity]? = nil, nextUri: String? = nil, selfUri: String? = nil, previousUri: String? = nil) {
        self.entities = entities
        self.nextUri = nextUri
        self.selfUri = selfUri
        self.previousUri = previousUri
    }

    /// The `after` query value of ``nextUri``, percent-decoded; `nil` when there is no next page
    /// or the link has no (or an empty) `after` value.
    public var nextCursor: String? {
        guard let nextUri, let components = URLComponents(string: nextUri) else { return nil }
        guard let value = components.queryItems?.first(where: { $0.name == "after" })?.value, !value.isEmpty else {
            return nil
        }
        return value
    }
}

extension CursorListing: Encodable where Entity: Encodable {}
extension CursorListing: Decodable where Entity: Decodable {}
extension CursorListing: Equatable where Entity: Equatable {}
extension CursorListing: Hashable where Entity: Hashable {}
extension CursorListing: Sendable where Entity: Sendable {}

/// `SkillGroupEntityListing`: a page of ``SkillGroupDefinition`` (no conditions) from
/// `GET /api/v2/routing/skillgroups`.
public typealias SkillGroupEntityListing = CursorListing<SkillGroupDefinition>
/// `SkillGroupMemberEntityListing`: a page of ``UserReferenceWithName`` from
/// `GET /api/v2/routing/skillgroups/{skillGroupId}/members`.
public typealias SkillGroupMemberEntityListing = CursorListing<UserReferenceWithName>
/// `UserSkillGroupEntityListing`: a page of ``SkillGroup`` from `GET /api/v2/users/{userId}/skillgroups`.
public typealias UserSkillGroupEntityListing = CursorListing<SkillGroup>
