/// What a plan does to the people who answer: per skill group and queue whose eligible agents change,
/// the agents before and after the apply (issue #13's routing-impact preview).
///
/// Made by ``RoutingSync/previewImpact(of:current:logger:)`` (reads what the preview needs) or the pure
/// ``RoutingSync/impact(of:current:)``. Skill-group membership is evaluated with `SkillGroupEvaluation`
/// (RoutingModels), the evaluation Genesys' API reference describes.
///
/// A queue's eligible agents are every agent it can route to: its direct members, the members of its
/// `SKILLGROUP` member groups, and the members of the skill groups of its bullseye rings and of its
/// conditional group routing and activation rules (#14), counted once each (the union, not per ring or
/// rule). So a queue whose own members leave while an outer ring or an overflow rule still reaches agents
/// is not reported empty, and a change to a ring's or rule's skill group shows on the queue. Genesys'
/// `memberCount` counts queue members only, so for a queue whose rings or rules add skill groups that are
/// not also member groups of the queue, the preview can be higher than that count. `GROUP` and `TEAM`
/// groups (not read) anywhere in the queue make the entry not ``Entry/exact``.
public struct RoutingImpact: Sendable, Hashable, Codable {
    /// One skill group or queue whose eligible agents change.
    ///
    /// Encodes as in the CLI's JSON output:
    /// `{"kind": "skillGroup" | "queue", "name", "agentsBefore", "agentsAfter", "exact"}`.
    public struct Entry: Sendable, Hashable, Codable {
        /// `skillGroup` or `queue`.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A skill group.
            case skillGroup
            /// A queue.
            case queue
        }

        /// The kind of object.
        public var kind: Kind
        /// Its name after the apply.
        public var name: String
        /// Eligible agents now (0 for an object the plan creates).
        public var agentsBefore: Int
        /// Eligible agents once the plan is applied.
        public var agentsAfter: Int
        /// `false` when the count depends on what the tool does not read (a queue with `GROUP` or `TEAM`
        /// member groups, or such groups in its bullseye rings or conditional group routing or activation
        /// rules: their members are not counted).
        public var exact: Bool

        /// Creates an entry.
        public init(kind: Kind, name: String, agentsBefore: Int, agentsAfter: Int, exact: Bool = true) {
            self.kind = kind
            self.name = name
            self.agentsBefore = agentsBefore
            self.agentsAfter = agentsAfter
            self.exact = exact
        }
    }

    /// Skill groups first, then queues, each sorted by name.
    public var entries: [Entry]
    /// The requests the preview cost beyond planning (0 for a plan without changes).
    public var requests: RequestSummary

    /// Creates an impact.
    public init(entries: [Entry] = [], requests: RequestSummary = RequestSummary()) {
        self.entries = entries
        self.requests = requests
    }

    /// Queues the plan leaves without any eligible agent (the riskiest routing change).
    public var emptyQueues: [Entry] { entries.filter { $0.kind == .queue && $0.agentsAfter == 0 } }

    /// Encodes as the JSON array of entries (the plan's `impact`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// Decodes the JSON array of entries (the request count is not in the JSON).
    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
        requests = RequestSummary()
    }
}
