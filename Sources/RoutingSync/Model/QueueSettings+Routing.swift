public import RoutingModels

/// Bullseye routing: rings that widen the pool of agents as an interaction waits.
public struct BullseyeSettings: Sendable, Hashable {
    /// The rings, in order (the first ring is the innermost).
    public var rings: [Ring]

    /// Creates bullseye settings.
    public init(rings: [Ring]) { self.rings = rings }

    /// One bullseye ring.
    public struct Ring: Sendable, Hashable {
        /// When the ring expands to the next one (the API's `ExpansionCriterium` list, in order).
        public var expansionCriteria: [ExpansionCriterium]?
        /// The ring's `SKILLGROUP` member groups, by name; compared as a set.
        public var skillGroups: [String]?
        /// The ring's `GROUP` member groups, by id; compared as a set.
        public var groups: [String]?
        /// The ring's `TEAM` member groups, by id; compared as a set.
        public var teams: [String]?
        /// Skills, by name, no longer required once the interaction reaches this ring; compared as a set.
        public var skillsToRemove: [String]?

        /// Creates a ring.
        public init(
            expansionCriteria: [ExpansionCriterium]? = nil,
            skillGroups: [String]? = nil,
            groups: [String]? = nil,
            teams: [String]? = nil,
            skillsToRemove: [String]? = nil
        ) {
            self.expansionCriteria = expansionCriteria
            self.skillGroups = skillGroups
            self.groups = groups
            self.teams = teams
            self.skillsToRemove = skillsToRemove
        }
    }
}

/// Conditional group routing: rules that add member groups while a queue metric meets a condition.
public struct ConditionalGroupRoutingSettings: Sendable, Hashable {
    /// The rules, in order (the API evaluates them in order).
    public var rules: [Rule]

    /// Creates conditional group routing settings.
    public init(rules: [Rule]) { self.rules = rules }

    /// One conditional group routing rule.
    public struct Rule: Sendable, Hashable {
        /// The queue whose metric is evaluated, by name; `nil` means the queue the rule belongs to.
        public var queue: String?
        /// `EstimatedWaitTime` or `ServiceLevel`.
        public var metric: ConditionalGroupRoutingMetric?
        /// How the metric is compared with ``conditionValue``.
        public var `operator`: ConditionalGroupRoutingOperator?
        /// The value the metric is compared with.
        public var conditionValue: Double?
        /// Seconds to wait before the rule is evaluated.
        public var waitSeconds: Int?
        /// `SKILLGROUP` member groups the rule adds, by name; compared as a set.
        public var skillGroups: [String]?
        /// `GROUP` member groups the rule adds, by id; compared as a set.
        public var groups: [String]?
        /// `TEAM` member groups the rule adds, by id; compared as a set.
        public var teams: [String]?

        /// Creates a rule.
        public init(
            queue: String? = nil,
            metric: ConditionalGroupRoutingMetric? = nil,
            operator: ConditionalGroupRoutingOperator? = nil,
            conditionValue: Double? = nil,
            waitSeconds: Int? = nil,
            skillGroups: [String]? = nil,
            groups: [String]? = nil,
            teams: [String]? = nil
        ) {
            self.queue = queue
            self.metric = metric
            self.operator = `operator`
            self.conditionValue = conditionValue
            self.waitSeconds = waitSeconds
            self.skillGroups = skillGroups
            self.groups = groups
            self.teams = teams
        }
    }
}

/// Conditional group activation: a pilot rule and rules that activate member groups.
public struct ConditionalGroupActivationSettings: Sendable, Hashable {
    /// The pilot rule.
    public var pilotRule: PilotRule?
    /// The activation rules, in order.
    public var rules: [Rule]?

    /// Creates conditional group activation settings.
    public init(pilotRule: PilotRule? = nil, rules: [Rule]? = nil) {
        self.pilotRule = pilotRule
        self.rules = rules
    }

    /// One condition: a queue metric compared with a value.
    public struct Condition: Sendable, Hashable {
        /// `EstimatedWaitTime`, `IdleAgentCount` or `ServiceLevel`.
        public var metric: ConditionalGroupActivationMetric?
        /// The queue whose metric is evaluated, by name; `nil` means the queue the rule belongs to.
        public var queue: String?
        /// How the metric is compared with ``value``.
        public var `operator`: ConditionalGroupActivationOperator?
        /// The value the metric is compared with.
        public var value: Double?

        /// Creates a condition.
        public init(
            metric: ConditionalGroupActivationMetric? = nil,
            queue: String? = nil,
            operator: ConditionalGroupActivationOperator? = nil,
            value: Double? = nil
        ) {
            self.metric = metric
            self.queue = queue
            self.operator = `operator`
            self.value = value
        }
    }

    /// The pilot rule: conditions and how they combine.
    public struct PilotRule: Sendable, Hashable {
        /// The conditions, in order (``conditionExpression`` refers to them by position).
        public var conditions: [Condition]?
        /// How the conditions combine, as the API spells it.
        public var conditionExpression: String?

        /// Creates a pilot rule.
        public init(conditions: [Condition]? = nil, conditionExpression: String? = nil) {
            self.conditions = conditions
            self.conditionExpression = conditionExpression
        }
    }

    /// An activation rule: conditions and the member groups they activate.
    public struct Rule: Sendable, Hashable {
        /// The conditions, in order (``conditionExpression`` refers to them by position).
        public var conditions: [Condition]?
        /// How the conditions combine, as the API spells it.
        public var conditionExpression: String?
        /// `SKILLGROUP` member groups, by name; compared as a set.
        public var skillGroups: [String]?
        /// `GROUP` member groups, by id; compared as a set.
        public var groups: [String]?
        /// `TEAM` member groups, by id; compared as a set.
        public var teams: [String]?

        /// Creates an activation rule.
        public init(
            conditions: [Condition]? = nil,
            conditionExpression: String? = nil,
            skillGroups: [String]? = nil,
            groups: [String]? = nil,
            teams: [String]? = nil
        ) {
            self.conditions = conditions
            self.conditionExpression = conditionExpression
            self.skillGroups = skillGroups
            self.groups = groups
            self.teams = teams
        }
    }
}

/// Direct routing, with the backup queue by name (the API's `DirectRouting.backupQueueId`).
public struct DirectRoutingSettings: Sendable, Hashable {
    /// The queue interactions go to when the agent is not available, by name.
    public var backupQueue: String?
    /// Whether to wait for the agent.
    public var waitForAgent: Bool?
    /// How long to wait for the agent, in seconds.
    public var agentWaitSeconds: Int?
    /// Direct routing settings for calls (the API type as is).
    public var callMediaSettings: DirectRoutingMediaSettings?
    /// Direct routing settings for emails (the API type as is).
    public var emailMediaSettings: DirectRoutingMediaSettings?
    /// Direct routing settings for messages (the API type as is).
    public var messageMediaSettings: DirectRoutingMediaSettings?

    /// Creates direct routing settings.
    public init(
        backupQueue: String? = nil,
        waitForAgent: Bool? = nil,
        agentWaitSeconds: Int? = nil,
        callMediaSettings: DirectRoutingMediaSettings? = nil,
        emailMediaSettings: DirectRoutingMediaSettings? = nil,
        messageMediaSettings: DirectRoutingMediaSettings? = nil
    ) {
        self.backupQueue = backupQueue
        self.waitForAgent = waitForAgent
        self.agentWaitSeconds = agentWaitSeconds
        self.callMediaSettings = callMediaSettings
        self.emailMediaSettings = emailMediaSettings
        self.messageMediaSettings = messageMediaSettings
    }
}

/// Outbound messaging addresses, each by id.
public struct OutboundMessagingAddressSettings: Sendable, Hashable {
    /// The SMS address id.
    public var smsAddress: String?
    /// The open messaging recipient id.
    public var openMessagingRecipient: String?
    /// The WhatsApp recipient id.
    public var whatsAppRecipient: String?

    /// Creates outbound messaging addresses.
    public init(smsAddress: String? = nil, openMessagingRecipient: String? = nil, whatsAppRecipient: String? = nil) {
        self.smsAddress = smsAddress
        self.openMessagingRecipient = openMessagingRecipient
        self.whatsAppRecipient = whatsAppRecipient
    }
}

/// The outbound email address: an email domain and an inbound route, each by id.
public struct OutboundEmailAddressSettings: Sendable, Hashable {
    /// The email domain id.
    public var domain: String?
    /// The inbound route id.
    public var route: String?

    /// Creates an outbound email address.
    public init(domain: String? = nil, route: String? = nil) {
        self.domain = domain
        self.route = route
    }
}
