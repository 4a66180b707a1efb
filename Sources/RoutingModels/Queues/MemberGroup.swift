/// A group of agents attached to a queue or a bullseye ring (`MemberGroup`): a skill group, a
/// group or a team. Queue membership follows the group's membership.
public struct MemberGroup: Codable, Sendable, Hashable {
    /// The group's id (GUID string).
    public var id: String?
    /// The group's name.
    public var name: String?
    /// The group's division (`WritableDivision`).
    public var division: Division?
    /// The kind of group: `TEAM`, `GROUP` or `SKILLGROUP`.
    public var type: MemberGroupType?
    /// The number of members in the group. Read-only: set by the server.
    public var memberCount: Int?
    /// The group's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a member group; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        type: MemberGroupType? = nil,
        memberCount: Int? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.type = type
        self.memberCount = memberCount
        self.selfUri = selfUri
    }
}

/// The kind of a ``MemberGroup``: `TEAM`, `GROUP`, `SKILLGROUP`.
public enum MemberGroupType: GenesysEnum {
    /// `TEAM`: a work team.
    case team
    /// `GROUP`: a directory group.
    case group
    /// `SKILLGROUP`: a skill (expression) group.
    case skillGroup
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `TEAM`, `GROUP`, `SKILLGROUP`.
    public static let knownCases: [Self] = [.team, .group, .skillGroup]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .team: "TEAM"
        case .group: "GROUP"
        case .skillGroup: "SKILLGROUP"
        case .unknown(let value): value
        }
    }
}
