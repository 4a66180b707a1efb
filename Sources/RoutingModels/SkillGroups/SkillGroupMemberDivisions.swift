/// The body of `POST /api/v2/routing/skillgroups/{skillGroupId}/members/divisions`
/// (`SkillGroupMemberDivisions`): divisions to add to and remove from a group's member divisions.
public struct SkillGroupMemberDivisions: Codable, Sendable, Hashable {
    /// Ids of divisions to add (`"*"` adds all divisions [TF]).
    public var addDivisionIds: [String]?
    /// Ids of divisions to remove.
    public var removeDivisionIds: [String]?

    /// Creates a member-division change; every field is optional.
    public init(addDivisionIds: [String]? = nil, removeDivisionIds: [String]? = nil) {
        self.addDivisionIds = addDivisionIds
        self.removeDivisionIds = removeDivisionIds
    }
}

/// The response of `GET /api/v2/routing/skillgroups/{skillGroupId}/members/divisions`
/// (`SkillGroupMemberDivisionList`): the divisions whose users may be members. Not paged.
public struct SkillGroupMemberDivisionList: Codable, Sendable, Hashable {
    /// The member divisions (names only with `expand=entities`).
    public var entities: [Division]?

    /// Creates a member-division list.
    public init(entities: [Division]? = nil) {
        self.entities = entities
    }
}
