import RoutingModels

/// A queue's settings beyond format version 1's (``QueueSettings``), from what was read against
/// ``DocumentSchema/queueSettingsKeys``: every key left out stays `nil` (not managed).
extension DocumentDecoder {
    static func queueSettings(_ fields: DocumentFields) -> QueueSettings {
        var settings = QueueSettings()
        settings.scoringMethod = fields.choice("scoringMethod")
        settings.lastAgentRoutingMode = fields.choice("lastAgentRoutingMode")
        settings.enableTranscription = fields.bool("enableTranscription")
        settings.enableAudioMonitoring = fields.bool("enableAudioMonitoring")
        settings.enableManualAssignment = fields.bool("enableManualAssignment")
        settings.suppressInQueueCallRecording = fields.bool("suppressInQueueCallRecording")
        settings.autoAnswerOnly = fields.bool("autoAnswerOnly")
        settings.callingPartyName = fields.text("callingPartyName")
        settings.callingPartyNumber = fields.text("callingPartyNumber")
        settings.defaultMediaLanguage = fields.text("defaultMediaLanguage")
        settings.peerId = fields.text("peerId")
        settings.routingRules = fields.list("routingRules")?.map { rule in
            RoutingRule(operator: rule.choice("operator"), threshold: rule.integer("threshold"), waitSeconds: rule.number("waitSeconds"))
        }
        settings.bullseye = fields.section("bullseye").flatMap { bullseye in
            bullseye.list("rings").map { BullseyeSettings(rings: $0.map(ring)) }
        }
        settings.conditionalGroupRouting = fields.section("conditionalGroupRouting").flatMap { routing in
            routing.list("rules").map { ConditionalGroupRoutingSettings(rules: $0.map(routingRule)) }
        }
        settings.conditionalGroupActivation = fields.section("conditionalGroupActivation").map { activation in
            ConditionalGroupActivationSettings(
                pilotRule: activation.section("pilotRule").map { pilot in
                    .init(conditions: pilot.list("conditions")?.map(activationCondition),
                          conditionExpression: pilot.text("conditionExpression"))
                },
                rules: activation.list("rules")?.map { rule in
                    .init(conditions: rule.list("conditions")?.map(activationCondition),
                          conditionExpression: rule.text("conditionExpression"),
                          skillGroups: rule.names("skillGroups"), groups: rule.names("groups"), teams: rule.names("teams"))
                }
            )
        }
        settings.directRouting = fields.section("directRouting").map(directRouting)
        settings.agentOwnedRouting = fields.section("agentOwnedRouting").map { owned in
            AgentOwnedRouting(
                enableAgentOwnedCallbacks: owned.bool("enableAgentOwnedCallbacks"),
                maxOwnedCallbackHours: owned.integer("maxOwnedCallbackHours"),
                maxOwnedCallbackDelayHours: owned.integer("maxOwnedCallbackDelayHours")
            )
        }
        settings.groups = fields.names("groups")
        settings.teams = fields.names("teams")
        settings.queueFlow = fields.text("queueFlow")
        settings.emailInQueueFlow = fields.text("emailInQueueFlow")
        settings.messageInQueueFlow = fields.text("messageInQueueFlow")
        settings.whisperPrompt = fields.text("whisperPrompt")
        settings.onHoldPrompt = fields.text("onHoldPrompt")
        settings.defaultScripts = fields.map("defaultScripts")
        settings.cannedResponseLibraries = fields.section("cannedResponseLibraries").map { libraries in
            CannedResponseLibraries(libraryIds: libraries.names("libraryIds"), mode: libraries.choice("mode"))
        }
        settings.outboundMessagingAddresses = fields.section("outboundMessagingAddresses").map { addresses in
            OutboundMessagingAddressSettings(
                smsAddress: addresses.text("smsAddress"), openMessagingRecipient: addresses.text("openMessagingRecipient"),
                whatsAppRecipient: addresses.text("whatsAppRecipient")
            )
        }
        settings.outboundEmailAddress = fields.section("outboundEmailAddress").map { address in
            OutboundEmailAddressSettings(domain: address.text("domain"), route: address.text("route"))
        }
        return settings
    }

    private static func ring(_ ring: DocumentFields) -> BullseyeSettings.Ring {
        BullseyeSettings.Ring(
            expansionCriteria: ring.list("expansionCriteria")?.map { criterion in
                ExpansionCriterium(type: criterion.choice("type"), threshold: criterion.number("threshold"))
            },
            skillGroups: ring.names("skillGroups"), groups: ring.names("groups"), teams: ring.names("teams"),
            skillsToRemove: ring.names("skillsToRemove")
        )
    }

    private static func routingRule(_ rule: DocumentFields) -> ConditionalGroupRoutingSettings.Rule {
        ConditionalGroupRoutingSettings.Rule(
            queue: rule.text("queue"), metric: rule.choice("metric"), operator: rule.choice("operator"),
            conditionValue: rule.number("conditionValue"), waitSeconds: rule.integer("waitSeconds"),
            skillGroups: rule.names("skillGroups"), groups: rule.names("groups"), teams: rule.names("teams")
        )
    }

    private static func activationCondition(_ condition: DocumentFields) -> ConditionalGroupActivationSettings.Condition {
        ConditionalGroupActivationSettings.Condition(
            metric: condition.choice("metric"), queue: condition.text("queue"), operator: condition.choice("operator"),
            value: condition.number("value")
        )
    }

    private static func directRouting(_ direct: DocumentFields) -> DirectRoutingSettings {
        func media(_ key: String) -> DirectRoutingMediaSettings? {
            direct.section(key).map { DirectRoutingMediaSettings(useAgentAddressOutbound: $0.bool("useAgentAddressOutbound")) }
        }
        return DirectRoutingSettings(
            backupQueue: direct.text("backupQueue"), waitForAgent: direct.bool("waitForAgent"),
            agentWaitSeconds: direct.integer("agentWaitSeconds"), callMediaSettings: media("callMediaSettings"),
            emailMediaSettings: media("emailMediaSettings"), messageMediaSettings: media("messageMediaSettings")
        )
    }
}
