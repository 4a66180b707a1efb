import RoutingModels

/// The file form of a queue's ``QueueSettings`` (the "Queues: every setting" section of the format).
///
/// Each managed setting is a key of the queue with the model property's name, in the model's order.
/// References to objects the package doesn't manage (flows, prompts, scripts, groups, teams, addresses) are
/// written `id:<id>`, except `peerId` and `cannedResponseLibraries.libraryIds`, whose keys already say id and
/// which are written bare. References by name (queues, skill groups, skills) are written as they are. Lists
/// are written in the model's order (export sorts the set-like ones); enums exactly as the API spells them.
extension DesiredStateWriter {
    /// The prefix of a by-id reference in a file.
    static let idPrefix = "id:"

    /// The keys and values of `settings`, in the model's order; settings that are `nil` are left out.
    static func members(of settings: QueueSettings) -> [ConfigValue.Member] {
        var members: [ConfigValue.Member] = []
        func add(_ key: String, _ value: ConfigValue?) { if let value { members.append(.init(key, value)) } }
        add("scoringMethod", settings.scoringMethod.map { .string($0.rawValue) })
        add("lastAgentRoutingMode", settings.lastAgentRoutingMode.map { .string($0.rawValue) })
        add("enableTranscription", settings.enableTranscription.map(ConfigValue.bool))
        add("enableAudioMonitoring", settings.enableAudioMonitoring.map(ConfigValue.bool))
        add("enableManualAssignment", settings.enableManualAssignment.map(ConfigValue.bool))
        add("suppressInQueueCallRecording", settings.suppressInQueueCallRecording.map(ConfigValue.bool))
        add("autoAnswerOnly", settings.autoAnswerOnly.map(ConfigValue.bool))
        add("callingPartyName", settings.callingPartyName.map(ConfigValue.string))
        add("callingPartyNumber", settings.callingPartyNumber.map(ConfigValue.string))
        add("defaultMediaLanguage", settings.defaultMediaLanguage.map(ConfigValue.string))
        add("peerId", settings.peerId.map(ConfigValue.string))
        add("routingRules", settings.routingRules.map { .array($0.map(configValue(of:))) })
        add("bullseye", settings.bullseye.map(configValue(of:)))
        add("conditionalGroupRouting", settings.conditionalGroupRouting.map(configValue(of:)))
        add("conditionalGroupActivation", settings.conditionalGroupActivation.map(configValue(of:)))
        add("directRouting", settings.directRouting.map(configValue(of:)))
        add("agentOwnedRouting", settings.agentOwnedRouting.map(configValue(of:)))
        add("groups", settings.groups.map(idReferences))
        add("teams", settings.teams.map(idReferences))
        add("queueFlow", settings.queueFlow.map(idReference))
        add("emailInQueueFlow", settings.emailInQueueFlow.map(idReference))
        add("messageInQueueFlow", settings.messageInQueueFlow.map(idReference))
        add("whisperPrompt", settings.whisperPrompt.map(idReference))
        add("onHoldPrompt", settings.onHoldPrompt.map(idReference))
        add("defaultScripts", settings.defaultScripts.map { scripts in
            .object(scripts.keys.sorted().map { .init($0, idReference(scripts[$0] ?? "")) })
        })
        add("cannedResponseLibraries", settings.cannedResponseLibraries.map(configValue(of:)))
        add("outboundMessagingAddresses", settings.outboundMessagingAddresses.map { addresses in
            object([
                ("smsAddress", addresses.smsAddress.map(idReference)),
                ("openMessagingRecipient", addresses.openMessagingRecipient.map(idReference)),
                ("whatsAppRecipient", addresses.whatsAppRecipient.map(idReference)),
            ])
        })
        add("outboundEmailAddress", settings.outboundEmailAddress.map { address in
            object([("domain", address.domain.map(idReference)), ("route", address.route.map(idReference))])
        })
        return members
    }

    /// `id:<id>`.
    static func idReference(_ id: String) -> ConfigValue { .string(idPrefix + id) }

    /// `["id:<id>", …]`.
    static func idReferences(_ ids: [String]) -> ConfigValue { .array(ids.map(idReference)) }

    /// An object of the keys whose value is not `nil`, in the order given.
    static func object(_ pairs: [(String, ConfigValue?)]) -> ConfigValue {
        .object(pairs.compactMap { key, value in value.map { ConfigValue.Member(key, $0) } })
    }

    static func number(_ value: Int?) -> ConfigValue? { value.map { .number(Double($0)) } }

    static func configValue(of rule: RoutingRule) -> ConfigValue {
        object([
            ("operator", rule.operator.map { .string($0.rawValue) }),
            ("threshold", number(rule.threshold)),
            ("waitSeconds", rule.waitSeconds.map(ConfigValue.number)),
        ])
    }

    static func configValue(of bullseye: BullseyeSettings) -> ConfigValue {
        .object([.init("rings", .array(bullseye.rings.map { ring in
            object([
                ("expansionCriteria", ring.expansionCriteria.map { criteria in
                    .array(criteria.map { criterium in
                        object([
                            ("type", criterium.type.map { .string($0.rawValue) }),
                            ("threshold", criterium.threshold.map(ConfigValue.number)),
                        ])
                    })
                }),
                ("skillGroups", ring.skillGroups.map(strings)),
                ("groups", ring.groups.map(idReferences)),
                ("teams", ring.teams.map(idReferences)),
                ("skillsToRemove", ring.skillsToRemove.map(strings)),
            ])
        }))])
    }

    static func configValue(of routing: ConditionalGroupRoutingSettings) -> ConfigValue {
        .object([.init("rules", .array(routing.rules.map { rule in
            object([
                ("queue", rule.queue.map(ConfigValue.string)),
                ("metric", rule.metric.map { .string($0.rawValue) }),
                ("operator", rule.operator.map { .string($0.rawValue) }),
                ("conditionValue", rule.conditionValue.map(ConfigValue.number)),
                ("waitSeconds", number(rule.waitSeconds)),
                ("skillGroups", rule.skillGroups.map(strings)),
                ("groups", rule.groups.map(idReferences)),
                ("teams", rule.teams.map(idReferences)),
            ])
        }))])
    }

    static func configValue(of activation: ConditionalGroupActivationSettings) -> ConfigValue {
        func conditions(_ conditions: [ConditionalGroupActivationSettings.Condition]?) -> ConfigValue? {
            conditions.map { list in
                .array(list.map { condition in
                    object([
                        ("metric", condition.metric.map { .string($0.rawValue) }),
                        ("queue", condition.queue.map(ConfigValue.string)),
                        ("operator", condition.operator.map { .string($0.rawValue) }),
                        ("value", condition.value.map(ConfigValue.number)),
                    ])
                })
            }
        }
        return object([
            ("pilotRule", activation.pilotRule.map { rule in
                object([
                    ("conditionExpression", rule.conditionExpression.map(ConfigValue.string)),
                    ("conditions", conditions(rule.conditions)),
                ])
            }),
            ("rules", activation.rules.map { rules in
                .array(rules.map { rule in
                    object([
                        ("conditionExpression", rule.conditionExpression.map(ConfigValue.string)),
                        ("conditions", conditions(rule.conditions)),
                        ("skillGroups", rule.skillGroups.map(strings)),
                        ("groups", rule.groups.map(idReferences)),
                        ("teams", rule.teams.map(idReferences)),
                    ])
                })
            }),
        ])
    }

    static func configValue(of routing: DirectRoutingSettings) -> ConfigValue {
        func media(_ settings: DirectRoutingMediaSettings?) -> ConfigValue? {
            settings.map { object([("useAgentAddressOutbound", $0.useAgentAddressOutbound.map(ConfigValue.bool))]) }
        }
        return object([
            ("backupQueue", routing.backupQueue.map(ConfigValue.string)),
            ("waitForAgent", routing.waitForAgent.map(ConfigValue.bool)),
            ("agentWaitSeconds", number(routing.agentWaitSeconds)),
            ("callMediaSettings", media(routing.callMediaSettings)),
            ("emailMediaSettings", media(routing.emailMediaSettings)),
            ("messageMediaSettings", media(routing.messageMediaSettings)),
        ])
    }

    static func configValue(of routing: AgentOwnedRouting) -> ConfigValue {
        object([
            ("enableAgentOwnedCallbacks", routing.enableAgentOwnedCallbacks.map(ConfigValue.bool)),
            ("maxOwnedCallbackHours", number(routing.maxOwnedCallbackHours)),
            ("maxOwnedCallbackDelayHours", number(routing.maxOwnedCallbackDelayHours)),
        ])
    }

    static func configValue(of libraries: CannedResponseLibraries) -> ConfigValue {
        object([
            ("mode", libraries.mode.map { .string($0.rawValue) }),
            ("libraryIds", libraries.libraryIds.map(strings)),
        ])
    }
}
