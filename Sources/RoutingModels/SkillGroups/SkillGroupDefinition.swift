#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A skill group as listed by `GET /api/v2/routing/skillgroups` (`SkillGroupDefinition`):
/// without `status` and without conditions. Fetch the group by id to read its conditions.
public struct SkillGroupDefinition: Codable, Sendable, Hashable {
    /// The group id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The group name.
    public var name: String?
    /// The group's division.
    public var division: Division?
    /// The group description.
    public var description: String?
    /// Estimated number of members; may lag after conditions change. Read-only: set by the server.
    public var memberCount: Int?
    /// When the group was last modified. Read-only: set by the server.
    public var dateModified: Date?
    /// When the group was created. Read-only: set by the server.
    public var dateCreated: Date?
    /// The group's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a skill group definition; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        description: String? = nil,
        memberCount: Int? = nil,
        dateModified: Date? = nil,
        dateCreated: Date? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.description = description
        self.memberCount = memberCount
        self.dateModified = dateModified
        self.dateCreated = dateCreated
        self.selfUri = selfUri
    }
}
