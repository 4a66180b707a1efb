#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An organisation routing (ACD) skill (`RoutingSkill`), from `/api/v2/routing/skills`.
///
/// A skill's name is fixed after creation (there is no PUT); its division is set with
/// `divisionId` on create and changed only with ``UpdateSkillDivisionRequest``.
public struct RoutingSkill: Codable, Sendable, Hashable {
    /// The skill id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The skill name. Required on create; cannot be changed afterwards.
    public var name: String?
    /// The division the skill belongs to (read via the response only).
    public var division: Division?
    /// When the skill was last modified. Read-only: set by the server.
    public var dateModified: Date?
    /// The current state of the skill. Read-only: set by the server.
    public var state: SkillState?
    /// The version; no skill update call takes it. Read-only: set by the server.
    public var version: String?
    /// The skill's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a skill; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        dateModified: Date? = nil,
        state: SkillState? = nil,
        version: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.dateModified = dateModified
        self.state = state
        self.version = version
        self.selfUri = selfUri
    }
}
