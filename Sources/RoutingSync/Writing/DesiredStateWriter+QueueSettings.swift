import RoutingModels

/// A queue's ``QueueSettings`` as the keys a desired-state file writes them with (the "Queues: every
/// setting" section of `Documentation/DesiredStateFormat.md`): names as they are, ids with the `id:` prefix
/// (except `peerId` and `libraryIds`, which are bare), settings left `nil` left out.
extension DesiredStateWriter {
    /// The queue keys for `settings`, in the format's order (the order of ``QueueSettings``).
    static func queueSettingsMembers(_ settings: QueueSettings) -> [ConfigValue.Member] {
        var members: [ConfigValue.Member] = []
        func add(_ key: String, _ value: ConfigValue?) {
            if let value { members.append(.init(key, value)) }
        }
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
        add("routingRules", settings.routingRules.map { rules in
            .array(rules.map { rule in
                object([("operator", rule.operator.map { .string($0.rawValue) }),
                        ("threshold", rule.threshold.map { .number(Double($0)) }),
                        ("waitSeconds", rule.waitSeconds.map(ConfigValue.number))])
            })
        })
        add("bullseye", settings.bullseye.map { .object([.init("rings", .array($0.rings.map(ring)))]) })
        add("conditionalGroupRouting", settings.conditionalGroupRouting.map {
            .object([.init("rules", .array($0.rules.map(routingRule)))])
        })
        add("conditionalGroupActivation", settings.conditionalGroupActivation.map(activation))
        add("directRouting", settings.directRouting.map(directRouting))
        add("agentOwnedRouting", settings.agentOwnedRouting.map { owned in
            object([("enableAgentOwnedCallbacks", owned.enableAgentOwnedCallbacks.map(ConfigValue.bool)),
                    ("maxOwnedCallbackHours", owned.maxOwnedCallbackHours.map { .number(Double($0)) }),
                    ("maxOwnedCallbackDelayHours", owned.maxOwnedCallbackDelayHours.map { .number(Double($0)) })])
        })
        add("groups", settings.groups.map(ids))
        add("teams", settings.teams.map(ids))
        add("queueFlow", settings.queueFlow.map(id))
        add("emailInQueueFlow", settings.emailInQueueFlow.map(id))
        add("messageInQueueFlow", settings.messageInQueueFlow.map(id))
        add("whisperPrompt", settings.whisperPrompt.map(id))
        add("onHoldPrompt", settings.onHoldPrompt.map(id))
        add("defaultScripts", settings.defaultScripts.map { scripts in
            .object(scripts.keys.sorted().map { .init($0, id(scripts[$0] ?? "")) })
        })
        add("cannedResponseLibraries", settings.cannedResponseLibraries.map { libraries in
            object([("mode", libraries.mode.map { .string($0.rawValue) }), ("libraryIds", libraries.libraryIds.map(strings))])
        })
        add("outboundMessagingAddresses", settings.outboundMessagingAddresses.map { addresses in
            object([("smsAddress", addresses.smsAddress.map(id)),
                    ("openMessagingRecipient", addresses.openMessagingRecipient.map(id)),
                    ("whatsAppRecipient", addresses.whatsAppRecipient.map(id))])
        })
        add("outboundEmailAddress", settings.outboundEmailAddress.map { address in
            object([("domain", address.domain.map(id)), ("route", address.route.map(id))])
        })
        return members
    }

    /// An `id:<id>` reference.
    private static func id(_ id: String) -> ConfigValue { .string("id:\(id)") }

    private static func ids(_ values: [String]) -> ConfigValue { .array(values.map(id)) }

    /// An object of the keys whose value is not `nil`, in order.
    private static func object(_ members: [(String, ConfigValue?)]) -> ConfigValue {
        .object(members.compactMap { key, value in value.map { ConfigValue.Member(key, $0) } })
    }

    /// The member groups of a ring or rule: skill groups by name, groups and teams by id.
    private static func memberGroups(skillGroups: [String]?, groups: [String]?, teams: [String]?) -> [(String, ConfigValue?)] {
        [("skillGroups", skillGroups.map(strings)), ("groups", groups.map(ids)), ("teams", teams.map(ids))]
    }

    private static func ring(_ ring: BullseyeSettings.Ring) -> ConfigValue {
        object([("expansionCriteria", ring.expansionCriteria.map { criteria in
            .array(criteria.map { criterion in
                object([("type", criterion.type.map { .string($0.rawValue) }), ("threshold", criterion.threshold.map(ConfigValue.number))])
            })
        })] + memberGroups(skillGroups: ring.skillGroups, groups: ring.groups, teams: ring.teams)
            + [("skillsToRemove", ring.skillsToRemove.map(strings))])
    }

    private static func routingRule(_ rule: ConditionalGroupRoutingSettings.Rule) -> ConfigValue {
        object([
            ("queue", rule.queue.map(ConfigValue.string)),
            ("metric", rule.metric.map { .string($0.rawValue) }),
            ("operator", rule.operator.map { .string($0.rawValue) }),
            ("conditionValue", rule.conditionValue.map(ConfigValue.number)),
            ("waitSeconds", rule.waitSeconds.map { .number(Double($0)) }),
        ] + memberGroups(skillGroups: rule.skillGroups, groups: rule.groups, teams: rule.teams))
    }

    private static func activation(_ activation: ConditionalGroupActivationSettings) -> ConfigValue {
        func conditions(_ conditions: [ConditionalGroupActivationSettings.Condition]?) -> ConfigValue? {
            conditions.map { list in
                .array(list.map { condition in
                    object([("metric", condition.metric.map { .string($0.rawValue) }),
                            ("queue", condition.queue.map(ConfigValue.string)),
                            ("operator", condition.operator.map { .string($0.rawValue) }),
                            ("value", condition.value.map(ConfigValue.number))])
                })
            }
        }
        return object([
            ("pilotRule", activation.pilotRule.map { pilot in
                object([("conditions", conditions(pilot.conditions)),
                        ("conditionExpression", pilot.conditionExpression.map(ConfigValue.string))])
            }),
            ("rules", activation.rules.map { rules in
                .array(rules.map { rule in
                    object([("conditions", conditions(rule.conditions)),
                            ("conditionExpression", rule.conditionExpression.map(ConfigValue.string))]
                        + memberGroups(skillGroups: rule.skillGroups, groups: rule.groups, teams: rule.teams))
                })
            }),
        ])
    }

    private static func directRouting(_ direct: DirectRoutingSettings) -> ConfigValue {
        func media(_ settings: DirectRoutingMediaSettings?) -> ConfigValue? {
            settings.map { object([("useAgentAddressOutbound", $0.useAgentAddressOutbound.map(ConfigValue.bool))]) }
        }
        return object([
            ("backupQueue", direct.backupQueue.map(ConfigValue.string)),
            ("waitForAgent", direct.waitForAgent.map(ConfigValue.bool)),
            ("agentWaitSeconds", direct.agentWaitSeconds.map { .number(Double($0)) }),
            ("callMediaSettings", media(direct.callMediaSettings)),
            ("emailMediaSettings", media(direct.emailMediaSettings)),
            ("messageMediaSettings", media(direct.messageMediaSettings)),
        ])
    }
}
