public import RoutingModels

/// A desired-state file (format version 1) as values: what `RoutingSync` plans from and what export produces.
///
/// Everything is referenced by name, never by id. A property that is `nil` (or an optional list that is
/// `nil`) was not written in the file and is **not managed**: it is neither compared nor changed. See
/// `Documentation/DesiredStateFormat.md` for the format and <doc:SyncingFromAFile> for the semantics.
public struct DesiredState: Sendable, Hashable {
    /// Settings for objects that name no division.
    public struct Defaults: Sendable, Hashable {
        /// The division (by name) for objects that name none. When `nil`, new objects go to the org's home
        /// division and the division of existing objects that name none is not compared.
        public var division: String?

        /// Creates defaults.
        public init(division: String? = nil) {
            self.division = division
        }
    }

    /// The format version; `1` is the only one so far.
    public var version: Int
    /// How declared and undeclared objects are treated.
    public var policy: SyncPolicy
    /// Defaults for objects that leave fields out.
    public var defaults: Defaults
    /// Routing skills.
    public var skills: [SkillSpec]
    /// Routing languages.
    public var languages: [LanguageSpec]
    /// Wrap-up codes.
    public var wrapupCodes: [WrapupCodeSpec]
    /// Skill (expression) groups.
    public var skillGroups: [SkillGroupSpec]
    /// Queues.
    public var queues: [QueueSpec]
    /// Agents' routing profiles (skills and languages per user).
    public var agents: [AgentSpec]
    /// Where the state came from (file name and the line each object was declared on), when it was loaded
    /// from a file. Used to point plan-time problems at the file.
    public var source: SourceInfo?
    /// Warnings found while loading (the file is still valid), such as an ignored shorthand description.
    public var warnings: [ValidationProblem]
    /// The fingerprint of this state as ``DesiredStateLoader`` validated it; `requireValid()` skips the
    /// second validation only while the state still has that fingerprint (any edit in code changes it).
    var validated = ValidatedFingerprint()

    /// Creates a desired state; everything defaults to empty.
    public init(
        version: Int = 1,
        policy: SyncPolicy = SyncPolicy(),
        defaults: Defaults = Defaults(),
        skills: [SkillSpec] = [],
        languages: [LanguageSpec] = [],
        wrapupCodes: [WrapupCodeSpec] = [],
        skillGroups: [SkillGroupSpec] = [],
        queues: [QueueSpec] = [],
        agents: [AgentSpec] = [],
        source: SourceInfo? = nil,
        warnings: [ValidationProblem] = []
    ) {
        self.version = version
        self.policy = policy
        self.defaults = defaults
        self.skills = skills
        self.languages = languages
        self.wrapupCodes = wrapupCodes
        self.skillGroups = skillGroups
        self.queues = queues
        self.agents = agents
        self.source = source
        self.warnings = warnings
    }
}

/// Where a ``DesiredState`` was read from.
public struct SourceInfo: Sendable, Hashable {
    /// The file name used in messages (`routing.yaml`).
    public var fileName: String
    /// The 1-based line each object was declared on, keyed by its object path (`skillGroups[Billing Experts]`).
    public var lines: [String: Int]
    /// The 1-based line of a field, keyed by its full path
    /// (`skillGroups[Billing Experts].conditions[0].routingSkillConditions[0].routingSkill`).
    public var fieldLines: [String: Int]

    /// Creates source information.
    public init(fileName: String, lines: [String: Int] = [:], fieldLines: [String: Int] = [:]) {
        self.fileName = fileName
        self.lines = lines
        self.fieldLines = fieldLines
    }
}

/// The `policy` section: how much of the org the file manages.
public struct SyncPolicy: Sendable, Hashable, Codable {
    /// Whether a list is the whole truth or only adds to what exists.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// The org ends with exactly what is declared (extras are removed).
        case authoritative
        /// Declared entries are added or updated; others are kept.
        case additive
    }

    /// Delete skills, languages, wrap-up codes, skill groups and queues that exist but are not declared.
    public var prune: Bool
    /// How a declared agent's `skills` are applied.
    public var agentSkills: Mode
    /// How a declared agent's `languages` are applied.
    public var agentLanguages: Mode
    /// How a queue's `members` are applied (only for queues that declare `members`).
    public var queueMembers: Mode

    /// Creates a policy; the defaults are the format's defaults.
    public init(
        prune: Bool = false,
        agentSkills: Mode = .authoritative,
        agentLanguages: Mode = .authoritative,
        queueMembers: Mode = .additive
    ) {
        self.prune = prune
        self.agentSkills = agentSkills
        self.agentLanguages = agentLanguages
        self.queueMembers = queueMembers
    }
}

/// A routing skill in the file. Skills cannot be renamed: a new name is a new skill.
public struct SkillSpec: Sendable, Hashable {
    /// The exact name (trimmed).
    public var name: String
    /// The division by name; `nil` uses ``DesiredState/Defaults/division``.
    public var division: String?

    /// Creates a skill.
    public init(name: String, division: String? = nil) {
        self.name = name
        self.division = division
    }
}

/// A routing language in the file. Languages cannot be renamed and have no division.
public struct LanguageSpec: Sendable, Hashable {
    /// The exact name (trimmed).
    public var name: String

    /// Creates a language.
    public init(name: String) {
        self.name = name
    }
}

/// A wrap-up code in the file.
public struct WrapupCodeSpec: Sendable, Hashable {
    /// The exact name (trimmed).
    public var name: String
    /// The division by name; `nil` uses ``DesiredState/Defaults/division``.
    public var division: String?

    /// Creates a wrap-up code.
    public init(name: String, division: String? = nil) {
        self.name = name
        self.division = division
    }
}

/// A skill (expression) group in the file.
public struct SkillGroupSpec: Sendable, Hashable {
    /// The exact name (trimmed).
    public var name: String
    /// Names the group had before: an existing group with one of these names is renamed in place.
    public var previousNames: [String]
    /// The description; `nil` is not managed.
    public var description: String?
    /// The division by name; `nil` uses ``DesiredState/Defaults/division``.
    public var division: String?
    /// Divisions (by name) whose users may be members; `["*"]` means all. Compared as a set; `nil` is not managed.
    public var memberDivisions: [String]?
    /// The condition tree, with skills and languages by name (the API's own `skillConditions`); `nil` is
    /// not managed.
    public var conditions: [SkillGroupCondition]?

    /// Creates a skill group.
    public init(
        name: String,
        previousNames: [String] = [],
        description: String? = nil,
        division: String? = nil,
        memberDivisions: [String]? = nil,
        conditions: [SkillGroupCondition]? = nil
    ) {
        self.name = name
        self.previousNames = previousNames
        self.description = description
        self.division = division
        self.memberDivisions = memberDivisions
        self.conditions = conditions
    }
}

/// A queue in the file.
public struct QueueSpec: Sendable, Hashable {
    /// The exact name (trimmed).
    public var name: String
    /// Names the queue had before: an existing queue with one of these names is renamed in place.
    public var previousNames: [String]
    /// The description; `nil` is not managed.
    public var description: String?
    /// The division by name; `nil` uses ``DesiredState/Defaults/division``.
    public var division: String?
    /// `NONE`, `BEST` or `ALL`; `nil` is not managed.
    public var skillEvaluationMethod: SkillEvaluationMethod?
    /// After-call work; only the fields given are managed.
    public var acwSettings: AcwSettings?
    /// The API's `QueueMediaSettings` as written; only the keys given are managed (compared key by key and
    /// merged into the queue's current settings on update).
    public var mediaSettings: ConfigValue?
    /// Skill groups by name (queue `memberGroups` of type `SKILLGROUP`), compared as a set.
    public var skillGroups: [String]?
    /// Users added as members; compared as a set, additively or authoritatively per ``SyncPolicy/queueMembers``.
    public var members: [UserReference]?
    /// Wrap-up codes by name, compared as a set.
    public var wrapupCodes: [String]?
    /// Every other writable queue setting (scoring, routing rules, bullseye, conditional group routing,
    /// direct routing, flows, prompts, scripts…); each one left `nil` is not managed.
    public var settings: QueueSettings

    /// Creates a queue.
    public init(
        name: String,
        previousNames: [String] = [],
        description: String? = nil,
        division: String? = nil,
        skillEvaluationMethod: SkillEvaluationMethod? = nil,
        acwSettings: AcwSettings? = nil,
        mediaSettings: ConfigValue? = nil,
        skillGroups: [String]? = nil,
        members: [UserReference]? = nil,
        wrapupCodes: [String]? = nil,
        settings: QueueSettings = QueueSettings()
    ) {
        self.name = name
        self.previousNames = previousNames
        self.description = description
        self.division = division
        self.skillEvaluationMethod = skillEvaluationMethod
        self.acwSettings = acwSettings
        self.mediaSettings = mediaSettings
        self.skillGroups = skillGroups
        self.members = members
        self.wrapupCodes = wrapupCodes
        self.settings = settings
    }
}

/// An agent's routing profile in the file: the skills and languages of one user.
public struct AgentSpec: Sendable, Hashable {
    /// The user, by email or id.
    public var user: UserReference
    /// Skill name → proficiency (0.0–5.0); `nil` is not managed.
    public var skills: [String: Double]?
    /// Language name → proficiency (0.0–5.0); `nil` is not managed.
    public var languages: [String: Double]?

    /// Creates an agent entry.
    public init(user: UserReference, skills: [String: Double]? = nil, languages: [String: Double]? = nil) {
        self.user = user
        self.skills = skills
        self.languages = languages
    }
}

/// A user named in the file: by email, or by id written as `id:<userId>`.
public enum UserReference: Sendable, Hashable, CustomStringConvertible {
    /// By email (matched without regard to case).
    case email(String)
    /// By user id.
    case id(String)

    /// Parses `jane@example.com` or `id:<userId>`; `nil` for an empty string.
    public init?(parsing text: String) {
        let trimmed = text.trimmed
        if trimmed.lowercased().hasPrefix("id:") {
            let id = trimmed.dropFirst(3).trimmed
            guard !id.isEmpty else { return nil }
            self = .id(id)
        } else {
            guard !trimmed.isEmpty else { return nil }
            self = .email(trimmed)
        }
    }

    /// `jane@example.com` or `id:<userId>`, as written in files.
    public var description: String {
        switch self {
        case .email(let email): email
        case .id(let id): "id:\(id)"
        }
    }
}
