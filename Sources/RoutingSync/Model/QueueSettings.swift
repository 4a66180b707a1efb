public import RoutingModels

/// Every queue setting beyond a queue's identity, skill evaluation, after-call work, media settings and
/// membership: the rest of the writable fields of the API's `QueueRequest` (`putRoutingQueue`,
/// `postRoutingQueues`).
///
/// Every property is optional and `nil` means *not managed*: the queue keeps whatever the org has. References
/// inside the routing domain (queues, skill groups, skills) are **by name** and resolved like every other
/// reference, before anything is written. References to objects this package doesn't manage (Architect flows,
/// prompts, scripts, groups, teams, addresses, canned-response libraries) are **by id**; a file writes them
/// with the `id:` prefix (`queueFlow: "id:3b2d…"`), and the model holds the bare id.
public struct QueueSettings: Sendable, Hashable {
    /// `TimestampAndPriority` or `PriorityOnly`.
    public var scoringMethod: ScoringMethod?
    /// `Disabled`, `QueueMembersOnly` or `AnyAgent`.
    public var lastAgentRoutingMode: LastAgentRoutingMode?
    /// Whether interactions on the queue are transcribed.
    public var enableTranscription: Bool?
    /// Whether audio monitoring is enabled.
    public var enableAudioMonitoring: Bool?
    /// Whether agents can pick interactions from the queue by hand.
    public var enableManualAssignment: Bool?
    /// Whether in-queue call recording is suppressed.
    public var suppressInQueueCallRecording: Bool?
    /// Whether the queue only offers auto-answer.
    public var autoAnswerOnly: Bool?
    /// The caller name shown on outbound calls.
    public var callingPartyName: String?
    /// The caller number shown on outbound calls.
    public var callingPartyNumber: String?
    /// The canonical language code of the queue's default media language (for example `en-US`).
    public var defaultMediaLanguage: String?
    /// The id of an associated external queue (the API's `peerId`).
    public var peerId: String?
    /// The API's routing rules, in order (their order is the order they are evaluated in).
    public var routingRules: [RoutingRule]?
    /// Bullseye routing rings, in order.
    public var bullseye: BullseyeSettings?
    /// Conditional group routing rules, in order.
    public var conditionalGroupRouting: ConditionalGroupRoutingSettings?
    /// Conditional group activation (a pilot rule and activation rules).
    public var conditionalGroupActivation: ConditionalGroupActivationSettings?
    /// Direct routing, with its backup queue by name.
    public var directRouting: DirectRoutingSettings?
    /// Agent-owned routing (the API type as is: it has no references).
    public var agentOwnedRouting: AgentOwnedRouting?
    /// Queue member groups of type `GROUP`, by id; compared as a set.
    public var groups: [String]?
    /// Queue member groups of type `TEAM`, by id; compared as a set.
    public var teams: [String]?
    /// The Architect in-queue call flow, by id.
    public var queueFlow: String?
    /// The Architect in-queue email flow, by id.
    public var emailInQueueFlow: String?
    /// The Architect in-queue message flow, by id.
    public var messageInQueueFlow: String?
    /// The whisper prompt, by id.
    public var whisperPrompt: String?
    /// The on-hold prompt, by id.
    public var onHoldPrompt: String?
    /// Default scripts: media type (as the API spells it, for example `CALL`) → script id.
    public var defaultScripts: [String: String]?
    /// Canned-response libraries: the mode and the library ids (the ids compared as a set).
    public var cannedResponseLibraries: CannedResponseLibraries?
    /// Outbound messaging addresses, by id.
    public var outboundMessagingAddresses: OutboundMessagingAddressSettings?
    /// The outbound email address: its domain and inbound route, by id.
    public var outboundEmailAddress: OutboundEmailAddressSettings?

    /// Creates settings; every setting left `nil` is not managed.
    public init(
        scoringMethod: ScoringMethod? = nil,
        lastAgentRoutingMode: LastAgentRoutingMode? = nil,
        enableTranscription: Bool? = nil,
        enableAudioMonitoring: Bool? = nil,
        enableManualAssignment: Bool? = nil,
        suppressInQueueCallRecording: Bool? = nil,
        autoAnswerOnly: Bool? = nil,
        callingPartyName: String? = nil,
        callingPartyNumber: String? = nil,
        defaultMediaLanguage: String? = nil,
        peerId: String? = nil,
        routingRules: [RoutingRule]? = nil,
        bullseye: BullseyeSettings? = nil,
        conditionalGroupRouting: ConditionalGroupRoutingSettings? = nil,
        conditionalGroupActivation: ConditionalGroupActivationSettings? = nil,
        directRouting: DirectRoutingSettings? = nil,
        agentOwnedRouting: AgentOwnedRouting? = nil,
        groups: [String]? = nil,
        teams: [String]? = nil,
        queueFlow: String? = nil,
        emailInQueueFlow: String? = nil,
        messageInQueueFlow: String? = nil,
        whisperPrompt: String? = nil,
        onHoldPrompt: String? = nil,
        defaultScripts: [String: String]? = nil,
        cannedResponseLibraries: CannedResponseLibraries? = nil,
        outboundMessagingAddresses: OutboundMessagingAddressSettings? = nil,
        outboundEmailAddress: OutboundEmailAddressSettings? = nil
    ) {
        self.scoringMethod = scoringMethod
        self.lastAgentRoutingMode = lastAgentRoutingMode
        self.enableTranscription = enableTranscription
        self.enableAudioMonitoring = enableAudioMonitoring
        self.enableManualAssignment = enableManualAssignment
        self.suppressInQueueCallRecording = suppressInQueueCallRecording
        self.autoAnswerOnly = autoAnswerOnly
        self.callingPartyName = callingPartyName
        self.callingPartyNumber = callingPartyNumber
        self.defaultMediaLanguage = defaultMediaLanguage
        self.peerId = peerId
        self.routingRules = routingRules
        self.bullseye = bullseye
        self.conditionalGroupRouting = conditionalGroupRouting
        self.conditionalGroupActivation = conditionalGroupActivation
        self.directRouting = directRouting
        self.agentOwnedRouting = agentOwnedRouting
        self.groups = groups
        self.teams = teams
        self.queueFlow = queueFlow
        self.emailInQueueFlow = emailInQueueFlow
        self.messageInQueueFlow = messageInQueueFlow
        self.whisperPrompt = whisperPrompt
        self.onHoldPrompt = onHoldPrompt
        self.defaultScripts = defaultScripts
        self.cannedResponseLibraries = cannedResponseLibraries
        self.outboundMessagingAddresses = outboundMessagingAddresses
        self.outboundEmailAddress = outboundEmailAddress
    }

    /// Whether no setting is managed.
    public var isEmpty: Bool { self == QueueSettings() }

    /// The queues these settings refer to by name: conditional-group-routing rule queues, conditional group
    /// activation metric queues and the direct-routing backup queue. A queue referring to a queue created in
    /// the same run gets these references written after every queue exists, so cycles apply in one run.
    public var referencedQueueNames: Set<String> {
        var names = Set<String>()
        for rule in conditionalGroupRouting?.rules ?? [] { if let queue = rule.queue { names.insert(queue) } }
        let activationConditions = (conditionalGroupActivation?.pilotRule?.conditions ?? [])
            + (conditionalGroupActivation?.rules ?? []).flatMap { $0.conditions ?? [] }
        for condition in activationConditions { if let queue = condition.queue { names.insert(queue) } }
        if let backup = directRouting?.backupQueue { names.insert(backup) }
        return names
    }

    /// The skill groups these settings refer to by name (bullseye rings, conditional group routing and
    /// activation rules).
    public var referencedSkillGroupNames: Set<String> {
        var names = Set<String>()
        for ring in bullseye?.rings ?? [] { names.formUnion(ring.skillGroups ?? []) }
        for rule in conditionalGroupRouting?.rules ?? [] { names.formUnion(rule.skillGroups ?? []) }
        for rule in conditionalGroupActivation?.rules ?? [] { names.formUnion(rule.skillGroups ?? []) }
        return names
    }
}
