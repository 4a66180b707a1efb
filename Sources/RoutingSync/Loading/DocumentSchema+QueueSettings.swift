import RoutingModels

/// The key tables of the queue settings (``QueueSettings``), with the enums, `int32` ranges and minimums and
/// maximums of the API's `QueueRequest` schema (`postRoutingQueues`, `putRoutingQueue`). Names refer to
/// queues, skill groups and skills; `id:` references to objects this package doesn't manage.
extension DocumentSchema {
    /// The queue keys after those of format version 1, in the order of ``QueueSettings``.
    static let queueSettingsKeys: [Key] = [
        Key("scoringMethod", .choice(ScoringMethod.self)),
        Key("lastAgentRoutingMode", .choice(LastAgentRoutingMode.self)),
        Key("enableTranscription", .bool),
        Key("enableAudioMonitoring", .bool),
        Key("enableManualAssignment", .bool),
        Key("suppressInQueueCallRecording", .bool),
        Key("autoAnswerOnly", .bool),
        Key("callingPartyName", .text),
        Key("callingPartyNumber", .text),
        Key("defaultMediaLanguage", .name),
        Key("peerId", .id(prefixed: false)),
        Key("routingRules", .list(routingRule)),
        Key("bullseye", .section(bullseye)),
        Key("conditionalGroupRouting", .section(conditionalGroupRouting)),
        Key("conditionalGroupActivation", .section(conditionalGroupActivation)),
        Key("directRouting", .section(directRouting)),
        Key("agentOwnedRouting", .section(agentOwnedRouting)),
        Key("groups", .ids(prefixed: true)),
        Key("teams", .ids(prefixed: true)),
        Key("queueFlow", .id(prefixed: true)),
        Key("emailInQueueFlow", .id(prefixed: true)),
        Key("messageInQueueFlow", .id(prefixed: true)),
        Key("whisperPrompt", .id(prefixed: true)),
        Key("onHoldPrompt", .id(prefixed: true)),
        Key("defaultScripts", .idMap),
        Key("cannedResponseLibraries", .section(cannedResponseLibraries)),
        Key("outboundMessagingAddresses", .section(outboundMessagingAddresses)),
        Key("outboundEmailAddress", .section(outboundEmailAddress)),
    ]

    /// The member groups a ring or rule adds: skill groups by name, groups and teams by id.
    static let memberGroupKeys = [Key("skillGroups", .names), Key("groups", .ids(prefixed: true)), Key("teams", .ids(prefixed: true))]

    /// One entry of `routingRules` (the API's `RoutingRule`).
    static let routingRule = Table([
        Key("operator", .choice(RoutingRuleOperator.self)), Key("threshold", .integer(.int32())), Key("waitSeconds", .number),
    ])

    /// `bullseye`.
    static let bullseye = Table([Key("rings", .list(ring), required: "is required")])

    /// One bullseye ring.
    static let ring = Table([
        Key("expansionCriteria", .list(Table([Key("type", .choice(ExpansionCriteriumType.self)), Key("threshold", .number)]))),
    ] + memberGroupKeys + [Key("skillsToRemove", .names)])

    /// `conditionalGroupRouting`.
    static let conditionalGroupRouting = Table([
        Key("rules", .list(Table([
            Key("queue", .name),
            Key("metric", .choice(ConditionalGroupRoutingMetric.self)),
            Key("operator", .choice(ConditionalGroupRoutingOperator.self)),
            Key("conditionValue", .number),
            Key("waitSeconds", .integer(.int32())),
        ] + memberGroupKeys)), required: "is required"),
    ])

    /// One condition of conditional group activation.
    static let activationCondition = Table([
        Key("metric", .choice(ConditionalGroupActivationMetric.self)),
        Key("queue", .name),
        Key("operator", .choice(ConditionalGroupActivationOperator.self)),
        Key("value", .number),
    ])

    /// `conditionalGroupActivation`.
    static let conditionalGroupActivation = Table([
        Key("pilotRule", .section(Table([
            Key("conditions", .list(activationCondition)), Key("conditionExpression", .text),
        ]))),
        Key("rules", .list(Table([
            Key("conditions", .list(activationCondition)), Key("conditionExpression", .text),
        ] + memberGroupKeys))),
    ])

    /// `directRouting`.
    static let directRouting = Table([
        Key("backupQueue", .name),
        Key("waitForAgent", .bool),
        Key("agentWaitSeconds", .integer(.int32(60...864_000))),
        Key("callMediaSettings", .section(directRoutingMedia)),
        Key("emailMediaSettings", .section(directRoutingMedia)),
        Key("messageMediaSettings", .section(directRoutingMedia)),
    ])

    /// `directRouting.callMediaSettings` and its email and message counterparts.
    static let directRoutingMedia = Table([Key("useAgentAddressOutbound", .bool)])

    /// `agentOwnedRouting`.
    static let agentOwnedRouting = Table([
        Key("enableAgentOwnedCallbacks", .bool),
        Key("maxOwnedCallbackHours", .integer(.int32(1...168))),
        Key("maxOwnedCallbackDelayHours", .integer(.int32(1...720))),
    ])

    /// `cannedResponseLibraries`.
    static let cannedResponseLibraries = Table([
        Key("mode", .choice(CannedResponseLibrariesMode.self)), Key("libraryIds", .ids(prefixed: false)),
    ])

    /// `outboundMessagingAddresses`.
    static let outboundMessagingAddresses = Table([
        Key("smsAddress", .id(prefixed: true)), Key("openMessagingRecipient", .id(prefixed: true)),
        Key("whatsAppRecipient", .id(prefixed: true)),
    ])

    /// `outboundEmailAddress`.
    static let outboundEmailAddress = Table([Key("domain", .id(prefixed: true)), Key("route", .id(prefixed: true))])
}
