public import RoutingModels

/// What ``RoutingSync`` read from an org: the input of the pure planner, export and the impact report.
///
/// A property that is `nil` was not read (the file did not need it); the planner reports
/// ``SyncError/Code/incompleteSnapshot`` if it needs something that is missing. Deleted objects
/// (`state: deleted`) are never included.
public struct OrgSnapshot: Sendable, Hashable {
    /// What to read.
    public enum Scope: Sendable, Hashable {
        /// Only what planning this file needs (the fewest requests the API allows).
        case declared(DesiredState)
        /// Everything export needs: all objects, every skill group's conditions and member divisions, every
        /// queue's members and wrap-up codes, every user's skills and languages.
        case everything
        /// What the impact report needs: skills, skill groups with conditions, queues, users' skills.
        case impact
    }

    /// Divisions (the home division has `homeDivision == true`).
    public var divisions: [AuthzDivision]?
    /// Routing skills.
    public var skills: [RoutingSkill]?
    /// Routing languages.
    public var languages: [Language]?
    /// Wrap-up codes.
    public var wrapupCodes: [WrapupCode]?
    /// Skill groups.
    public var skillGroups: [SkillGroupSnapshot]?
    /// Queues.
    public var queues: [QueueSnapshot]?
    /// Users with their routing skills and languages.
    public var agents: [AgentSnapshot]?
    /// The requests the read cost.
    public var requests: RequestSummary

    /// Creates a snapshot (for tests and for planning against a state kept elsewhere).
    public init(
        divisions: [AuthzDivision]? = nil,
        skills: [RoutingSkill]? = nil,
        languages: [Language]? = nil,
        wrapupCodes: [WrapupCode]? = nil,
        skillGroups: [SkillGroupSnapshot]? = nil,
        queues: [QueueSnapshot]? = nil,
        agents: [AgentSnapshot]? = nil,
        requests: RequestSummary = RequestSummary()
    ) {
        self.divisions = divisions
        self.skills = skills
        self.languages = languages
        self.wrapupCodes = wrapupCodes
        self.skillGroups = skillGroups
        self.queues = queues
        self.agents = agents
        self.requests = requests
    }

    /// The home division, when divisions were read.
    public var homeDivision: AuthzDivision? { divisions?.first { $0.homeDivision == true } }
}

/// A skill group as read: its definition, and its conditions and member divisions when they were read.
public struct SkillGroupSnapshot: Sendable, Hashable {
    /// The group. `skillConditions` is meaningful only when ``conditionsRead`` is `true`.
    public var group: SkillGroup
    /// Whether the group was fetched by id (lists carry no conditions).
    public var conditionsRead: Bool
    /// Ids of the divisions whose users may be members; `nil` when not read.
    public var memberDivisionIDs: [String]?

    /// Creates a snapshot of a group.
    public init(group: SkillGroup, conditionsRead: Bool = false, memberDivisionIDs: [String]? = nil) {
        self.group = group
        self.conditionsRead = conditionsRead
        self.memberDivisionIDs = memberDivisionIDs
    }
}

/// A queue as read, with its direct (user) members and wrap-up codes when they were read.
public struct QueueSnapshot: Sendable, Hashable {
    /// The queue (from the queue listing, which carries every field).
    public var queue: RoutingQueue
    /// User ids of members added directly (not through a group); `nil` when not read.
    public var memberIDs: [String]?
    /// Ids of the wrap-up codes enabled on the queue; `nil` when not read.
    public var wrapupCodeIDs: [String]?

    /// Creates a snapshot of a queue.
    public init(queue: RoutingQueue, memberIDs: [String]? = nil, wrapupCodeIDs: [String]? = nil) {
        self.queue = queue
        self.memberIDs = memberIDs
        self.wrapupCodeIDs = wrapupCodeIDs
    }
}

/// A user and their routing profile.
public struct AgentSnapshot: Sendable, Hashable {
    /// The user id.
    public var userID: String
    /// The user's email.
    public var email: String?
    /// The user's name.
    public var name: String?
    /// The user's routing skills (`id` is the org skill id).
    public var skills: [UserRoutingSkill]
    /// The user's routing languages (`id` is the org language id).
    public var languages: [UserRoutingLanguage]
    /// The id of the user's division (skill-group member divisions select on it); `nil` when unknown.
    public var divisionID: String?
    /// Whether the user is active (only active users are skill-group members).
    public var active: Bool

    /// Creates a snapshot of a user.
    public init(
        userID: String, email: String? = nil, name: String? = nil,
        skills: [UserRoutingSkill] = [], languages: [UserRoutingLanguage] = [],
        divisionID: String? = nil, active: Bool = true
    ) {
        self.userID = userID
        self.email = email
        self.name = name
        self.skills = skills
        self.languages = languages
        self.divisionID = divisionID
        self.active = active
    }

    /// The name used in plans and reports: the email, else `id:<userId>`.
    public var displayName: String { email ?? "id:\(userID)" }
}

/// Request counts as reported by plans and `apply` (`{"total", "writes", "retries"}`).
public struct RequestSummary: Sendable, Hashable, Codable {
    /// Every attempt sent, retries included.
    public var total: Int
    /// Attempts that change state.
    public var writes: Int
    /// Attempts that were retries.
    public var retries: Int

    /// Creates counts.
    public init(total: Int = 0, writes: Int = 0, retries: Int = 0) {
        self.total = total
        self.writes = writes
        self.retries = retries
    }
}
