/// A queue's bullseye routing configuration (`Bullseye`).
///
/// Up to 6 rings [TF]; the last ring in the list acts as the final ring.
public struct Bullseye: Codable, Sendable, Hashable {
    /// The bullseye rings, innermost first.
    public var rings: [Ring]?

    /// Creates a bullseye configuration.
    public init(rings: [Ring]? = nil) {
        self.rings = rings
    }
}

/// One bullseye ring (`Ring`).
public struct Ring: Codable, Sendable, Hashable {
    /// The conditions that move a conversation on to the next ring.
    public var expansionCriteria: [ExpansionCriterium]?
    /// What happens when a conversation leaves this ring.
    public var actions: Actions?
    /// Groups of agents attached to this ring; ring membership follows group membership.
    public var memberGroups: [MemberGroup]?

    /// Creates a ring; every field is optional.
    public init(
        expansionCriteria: [ExpansionCriterium]? = nil,
        actions: Actions? = nil,
        memberGroups: [MemberGroup]? = nil
    ) {
        self.expansionCriteria = expansionCriteria
        self.actions = actions
        self.memberGroups = memberGroups
    }
}

/// A condition that expands a conversation to the next bullseye ring (`ExpansionCriterium`).
public struct ExpansionCriterium: Codable, Sendable, Hashable {
    /// The kind of criterion; `TIMEOUT_SECONDS`.
    public var type: ExpansionCriteriumType?
    /// The threshold; for `TIMEOUT_SECONDS`, in seconds.
    public var threshold: Double?

    /// Creates an expansion criterion; every field is optional.
    public init(type: ExpansionCriteriumType? = nil, threshold: Double? = nil) {
        self.type = type
        self.threshold = threshold
    }
}

/// The kind of an ``ExpansionCriterium``.
public enum ExpansionCriteriumType: GenesysEnum {
    /// `TIMEOUT_SECONDS`: expand after ``ExpansionCriterium/threshold`` seconds.
    case timeoutSeconds
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `TIMEOUT_SECONDS`.
    public static let knownCases: [Self] = [.timeoutSeconds]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .timeoutSeconds: "TIMEOUT_SECONDS"
        case .unknown(let value): value
        }
    }
}

/// What happens when a conversation leaves a bullseye ring (`Actions`).
public struct Actions: Codable, Sendable, Hashable {
    /// Skill requirements dropped from the conversation.
    public var skillsToRemove: [SkillsToRemove]?

    /// Creates ring actions.
    public init(skillsToRemove: [SkillsToRemove]? = nil) {
        self.skillsToRemove = skillsToRemove
    }
}

/// A skill requirement dropped when a conversation leaves a bullseye ring (`SkillsToRemove`),
/// identified by skill id.
public struct SkillsToRemove: Codable, Sendable, Hashable {
    /// The skill's name.
    public var name: String?
    /// The skill's id (GUID string).
    public var id: String?
    /// The skill's URI.
    public var selfUri: String?

    /// Creates a skill to remove; every field is optional.
    public init(name: String? = nil, id: String? = nil, selfUri: String? = nil) {
        self.name = name
        self.id = id
        self.selfUri = selfUri
    }
}
