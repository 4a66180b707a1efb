#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A skill group ("skill expression group" in the UI) with its conditions (`SkillGroup`).
///
/// Returned by `GET /api/v2/routing/skillgroups/{skillGroupId}`, sent and returned by `PATCH` on
/// the same path, and the entity of a user's skill-group listing. ``name`` and
/// ``skillConditions`` are required on write; sending the full definition on PATCH is the safe
/// choice (whether `patchRoutingSkillgroup` is truly partial is not documented). Skill groups have no version (last writer wins).
public struct SkillGroup: Codable, Sendable, Hashable {
    /// The group id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The group name. Required on write.
    public var name: String?
    /// The group's division (`WritableDivision`); send just its id.
    public var division: Division?
    /// The group description.
    public var description: String?
    /// Estimated number of members; may lag after conditions change. Read-only: set by the server.
    public var memberCount: Int?
    /// When the group was last modified. Read-only: set by the server.
    public var dateModified: Date?
    /// When the group was created. Read-only: set by the server.
    public var dateCreated: Date?
    /// Whether membership is still being computed. Read-only: set by the server.
    public var status: SkillGroupStatus?
    /// The conditions (a tree) that select the members. Required on write.
    public var skillConditions: [SkillGroupCondition]?
    /// The group's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a skill group; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        description: String? = nil,
        memberCount: Int? = nil,
        dateModified: Date? = nil,
        dateCreated: Date? = nil,
        status: SkillGroupStatus? = nil,
        skillConditions: [SkillGroupCondition]? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.description = description
        self.memberCount = memberCount
        self.dateModified = dateModified
        self.dateCreated = dateCreated
        self.status = status
        self.skillConditions = skillConditions
        self.selfUri = selfUri
    }
}
