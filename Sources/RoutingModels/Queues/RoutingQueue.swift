#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A routing queue (`Queue` in the API), as returned by `/api/v2/routing/queues`.
///
/// A queue has no skills field: skills act through ``skillEvaluationMethod``, bullseye rings and
/// the conversations' own requirements. Members come from ``memberGroups`` and from
/// `…/members`. Queues have no version: updates are last-writer-wins. To update, read the queue,
/// change it, and `PUT` ``QueueRequest/init(_:)`` of it.
public struct RoutingQueue: Codable, Sendable, Hashable {
    /// The queue id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The queue name. Required on write.
    public var name: String?
    /// The queue's division.
    public var division: Division?
    /// The queue description.
    public var description: String?
    /// When the queue was created.
    public var dateCreated: Date?
    /// When the queue was last modified.
    public var dateModified: Date?
    /// The id of the user that last modified the queue.
    public var modifiedBy: String?
    /// The id of the user that created the queue.
    public var createdBy: String?
    /// The total number of members. Read-only: set by the server.
    public var memberCount: Int?
    /// The number of user (non-group) members. Read-only: set by the server.
    public var userMemberCount: Int?
    /// The number of joined members. Read-only: set by the server.
    public var joinedMemberCount: Int?
    /// Settings per media type.
    public var mediaSettings: QueueMediaSettings?
    /// Preferred-agent routing rules (up to 6 [TF]).
    public var routingRules: [RoutingRule]?
    /// Conditional group routing rules.
    public var conditionalGroupRouting: ConditionalGroupRouting?
    /// Conditional group activation rules.
    public var conditionalGroupActivation: ConditionalGroupActivation?
    /// Bullseye routing rings.
    public var bullseye: Bullseye?
    /// The scoring method.
    public var scoringMethod: ScoringMethod?
    /// The last-agent routing mode.
    public var lastAgentRoutingMode: LastAgentRoutingMode?
    /// After-call-work settings.
    public var acwSettings: AcwSettings?
    /// How conversations' skill requirements are evaluated.
    public var skillEvaluationMethod: SkillEvaluationMethod?
    /// Groups of agents (skill groups, groups, teams) whose members are queue members.
    public var memberGroups: [MemberGroup]?
    /// The in-queue flow for calls.
    public var queueFlow: DomainEntityRef?
    /// The in-queue flow for emails.
    public var emailInQueueFlow: DomainEntityRef?
    /// The in-queue flow for messages.
    public var messageInQueueFlow: DomainEntityRef?
    /// The prompt played to the agent on an ACD call.
    public var whisperPrompt: DomainEntityRef?
    /// The prompt played while the customer is on hold.
    public var onHoldPrompt: DomainEntityRef?
    /// The language code (e.g. `en-US`) of the default media language.
    public var defaultMediaLanguage: String?
    /// Whether the whisper plays only for auto-answered ACD calls (otherwise for all).
    public var autoAnswerOnly: Bool?
    /// The canned response libraries of the queue.
    public var cannedResponseLibraries: CannedResponseLibraries?
    /// Whether voice transcription is enabled.
    public var enableTranscription: Bool?
    /// Whether audio monitoring is enabled.
    public var enableAudioMonitoring: Bool?
    /// Whether manual assignment is enabled.
    public var enableManualAssignment: Bool?
    /// Agent-owned callback settings.
    public var agentOwnedRouting: AgentOwnedRouting?
    /// Direct routing settings.
    public var directRouting: DirectRouting?
    /// The caller-id name for outbound calls from the queue.
    public var callingPartyName: String?
    /// The caller-id number for outbound calls from the queue.
    public var callingPartyNumber: String?
    /// The default scripts, keyed by communication type.
    public var defaultScripts: [String: Script]?
    /// The outbound messaging addresses.
    public var outboundMessagingAddresses: QueueMessagingAddresses?
    /// The outbound email address.
    public var outboundEmailAddress: QueueEmailAddress?
    /// The id of an associated external queue.
    public var peerId: String?
    /// Whether recording of in-queue calls is suppressed.
    public var suppressInQueueCallRecording: Bool?
    /// The queue's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a queue; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        description: String? = nil,
        dateCreated: Date? = nil,
        dateModified: Date? = nil,
        modifiedBy: String? = nil,
        createdBy: String? = nil,
        memberCount: Int? = nil,
        userMemberCount: Int? = nil,
        joinedMemberCount: Int? = nil,
        mediaSettings: QueueMediaSettings? = nil,
        routingRules: [RoutingRule]? = nil,
        conditionalGroupRouting: ConditionalGroupRouting? = nil,
        conditionalGroupActivation: ConditionalGroupActivation? = nil,
        bullseye: Bullseye? = nil,
        scoringMethod: ScoringMethod? = nil,
        lastAgentRoutingMode: LastAgentRoutingMode? = nil,
        acwSettings: AcwSettings? = nil,
        skillEvaluationMethod: SkillEvaluationMethod? = nil,
        memberGroups: [MemberGroup]? = nil,
        queueFlow: DomainEntityRef? = nil,
        emailInQueueFlow: DomainEntityRef? = nil,
        messageInQueueFlow: DomainEntityRef? = nil,
        whisperPrompt: DomainEntityRef? = nil,
        onHoldPrompt: DomainEntityRef? = nil,
        defaultMediaLanguage: String? = nil,
        autoAnswerOnly: Bool? = nil,
        cannedResponseLibraries: CannedResponseLibraries? = nil,
        enableTranscription: Bool? = nil,
        enableAudioMonitoring: Bool? = nil,
        enableManualAssignment: Bool? = nil,
        agentOwnedRouting: AgentOwnedRouting? = nil,
        directRouting: DirectRouting? = nil,
        callingPartyName: String? = nil,
        callingPartyNumber: String? = nil,
        defaultScripts: [String: Script]? = nil,
        outboundMessagingAddresses: QueueMessagingAddresses? = nil,
        outboundEmailAddress: QueueEmailAddress? = nil,
        peerId: String? = nil,
        suppressInQueueCallRecording: Bool? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.description = description
        self.dateCreated = dateCreated
        self.dateModified = dateModified
        self.modifiedBy = modifiedBy
        self.createdBy = createdBy
        self.memberCount = memberCount
        self.userMemberCount = userMemberCount
        self.joinedMemberCount = joinedMemberCount
        self.mediaSettings = mediaSettings
        self.routingRules = routingRules
        self.conditionalGroupRouting = conditionalGroupRouting
        self.conditionalGroupActivation = conditionalGroupActivation
        self.bullseye = bullseye
        self.scoringMethod = scoringMethod
        self.lastAgentRoutingMode = lastAgentRoutingMode
        self.acwSettings = acwSettings
        self.skillEvaluationMethod = skillEvaluationMethod
        self.memberGroups = memberGroups
        self.queueFlow = queueFlow
        self.emailInQueueFlow = emailInQueueFlow
        self.messageInQueueFlow = messageInQueueFlow
        self.whisperPrompt = whisperPrompt
        self.onHoldPrompt = onHoldPrompt
        self.defaultMediaLanguage = defaultMediaLanguage
        self.autoAnswerOnly = autoAnswerOnly
        self.cannedResponseLibraries = cannedResponseLibraries
        self.enableTranscription = enableTranscription
        self.enableAudioMonitoring = enableAudioMonitoring
        self.enableManualAssignment = enableManualAssignment
        self.agentOwnedRouting = agentOwnedRouting
        self.directRouting = directRouting
        self.callingPartyName = callingPartyName
        self.callingPartyNumber = callingPartyNumber
        self.defaultScripts = defaultScripts
        self.outboundMessagingAddresses = outboundMessagingAddresses
        self.outboundEmailAddress = outboundEmailAddress
        self.peerId = peerId
        self.suppressInQueueCallRecording = suppressInQueueCallRecording
        self.selfUri = selfUri
    }
}
