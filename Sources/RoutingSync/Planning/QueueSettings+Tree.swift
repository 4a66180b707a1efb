import RoutingModels

/// Queue settings as a ``ConfigValue`` tree in the file's vocabulary: keys as a file writes them, references
/// by name, by-id references as `id:<id>` (`peerId` and `libraryIds` bare), sets sorted.
extension QueueSettings {
    /// The tree of every setting that is set, in the model's order.
    var tree: ConfigValue {
        var members = Tree()
        members.add("scoringMethod", scoringMethod.map { .string($0.rawValue) })
        members.add("lastAgentRoutingMode", lastAgentRoutingMode.map { .string($0.rawValue) })
        members.add("enableTranscription", enableTranscription.map(ConfigValue.bool))
        members.add("enableAudioMonitoring", enableAudioMonitoring.map(ConfigValue.bool))
        members.add("enableManualAssignment", enableManualAssignment.map(ConfigValue.bool))
        members.add("suppressInQueueCallRecording", suppressInQueueCallRecording.map(ConfigValue.bool))
        members.add("autoAnswerOnly", autoAnswerOnly.map(ConfigValue.bool))
        members.add("callingPartyName", callingPartyName.map(ConfigValue.string))
        members.add("callingPartyNumber", callingPartyNumber.map(ConfigValue.string))
        members.add("defaultMediaLanguage", defaultMediaLanguage.map(ConfigValue.string))
        members.add("peerId", peerId.map(ConfigValue.string))
        members.add("routingRules", routingRules.map { rules in
            .array(rules.map { rule in
                var members = Tree()
                members.add("operator", rule.operator.map { .string($0.rawValue) })
                members.add("threshold", rule.threshold.map { .number(Double($0)) })
                members.add("waitSeconds", rule.waitSeconds.map(ConfigValue.number))
                return members.value
            })
        })
        members.add("bullseye", bullseye.map { bullseye in
            .object([ConfigValue.Member("rings", .array(bullseye.rings.map { ring in
                var members = Tree()
                members.add("expansionCriteria", ring.expansionCriteria.map { criteria in
                    .array(criteria.map { criterium in
                        var members = Tree()
                        members.add("type", criterium.type.map { .string($0.rawValue) })
                        members.add("threshold", criterium.threshold.map(ConfigValue.number))
                        return members.value
                    })
                })
                members.addGroups(skillGroups: ring.skillGroups, groups: ring.groups, teams: ring.teams)
                members.add("skillsToRemove", Tree.set(ring.skillsToRemove))
                return members.value
            }))])
        })
        members.add("conditionalGroupRouting", conditionalGroupRouting.map { routing in
            .object([ConfigValue.Member("rules", .array(routing.rules.map { rule in
                var members = Tree()
                members.add("queue", rule.queue.map(ConfigValue.string))
                members.add("metric", rule.metric.map { .string($0.rawValue) })
                members.add("operator", rule.operator.map { .string($0.rawValue) })
                members.add("conditionValue", rule.conditionValue.map(ConfigValue.number))
                members.add("waitSeconds", rule.waitSeconds.map { .number(Double($0)) })
                members.addGroups(skillGroups: rule.skillGroups, groups: rule.groups, teams: rule.teams)
                return members.value
            }))])
        })
        members.add("conditionalGroupActivation", conditionalGroupActivation.map { activation in
            var members = Tree()
            members.add("pilotRule", activation.pilotRule.map { rule in
                var members = Tree()
                members.add("conditionExpression", rule.conditionExpression.map(ConfigValue.string))
                members.add("conditions", Tree.conditions(rule.conditions))
                return members.value
            })
            members.add("rules", activation.rules.map { rules in
                .array(rules.map { rule in
                    var members = Tree()
                    members.add("conditionExpression", rule.conditionExpression.map(ConfigValue.string))
                    members.add("conditions", Tree.conditions(rule.conditions))
                    members.addGroups(skillGroups: rule.skillGroups, groups: rule.groups, teams: rule.teams)
                    return members.value
                })
            })
            return members.value
        })
        members.add("directRouting", directRouting.map { routing in
            var members = Tree()
            members.add("backupQueue", routing.backupQueue.map(ConfigValue.string))
            members.add("waitForAgent", routing.waitForAgent.map(ConfigValue.bool))
            members.add("agentWaitSeconds", routing.agentWaitSeconds.map { .number(Double($0)) })
            for (key, media) in [("callMediaSettings", routing.callMediaSettings), ("emailMediaSettings", routing.emailMediaSettings),
                                 ("messageMediaSettings", routing.messageMediaSettings)] {
                members.add(key, media.map { media in
                    var members = Tree()
                    members.add("useAgentAddressOutbound", media.useAgentAddressOutbound.map(ConfigValue.bool))
                    return members.value
                })
            }
            return members.value
        })
        members.add("agentOwnedRouting", agentOwnedRouting.map { routing in
            var members = Tree()
            members.add("enableAgentOwnedCallbacks", routing.enableAgentOwnedCallbacks.map(ConfigValue.bool))
            members.add("maxOwnedCallbackHours", routing.maxOwnedCallbackHours.map { .number(Double($0)) })
            members.add("maxOwnedCallbackDelayHours", routing.maxOwnedCallbackDelayHours.map { .number(Double($0)) })
            return members.value
        })
        members.add("groups", Tree.set(groups.map(Tree.ids)))
        members.add("teams", Tree.set(teams.map(Tree.ids)))
        members.add("queueFlow", queueFlow.map(Tree.id))
        members.add("emailInQueueFlow", emailInQueueFlow.map(Tree.id))
        members.add("messageInQueueFlow", messageInQueueFlow.map(Tree.id))
        members.add("whisperPrompt", whisperPrompt.map(Tree.id))
        members.add("onHoldPrompt", onHoldPrompt.map(Tree.id))
        members.add("defaultScripts", defaultScripts.map { scripts in
            .object(scripts.keys.sorted().map { ConfigValue.Member($0, Tree.id(scripts[$0] ?? "")) })
        })
        members.add("cannedResponseLibraries", cannedResponseLibraries.map { libraries in
            var members = Tree()
            members.add("mode", libraries.mode.map { .string($0.rawValue) })
            members.add("libraryIds", Tree.set(libraries.libraryIds))
            return members.value
        })
        members.add("outboundMessagingAddresses", outboundMessagingAddresses.map { addresses in
            var members = Tree()
            members.add("smsAddress", addresses.smsAddress.map(Tree.id))
            members.add("openMessagingRecipient", addresses.openMessagingRecipient.map(Tree.id))
            members.add("whatsAppRecipient", addresses.whatsAppRecipient.map(Tree.id))
            return members.value
        })
        members.add("outboundEmailAddress", outboundEmailAddress.map { address in
            var members = Tree()
            members.add("domain", address.domain.map(Tree.id))
            members.add("route", address.route.map(Tree.id))
            return members.value
        })
        return members.value
    }
}

/// Builds an object's members, skipping values that are not set.
private struct Tree {
    var members: [ConfigValue.Member] = []

    var value: ConfigValue { .object(members) }

    mutating func add(_ key: String, _ value: ConfigValue?) {
        if let value { members.append(ConfigValue.Member(key, value)) }
    }

    mutating func addGroups(skillGroups: [String]?, groups: [String]?, teams: [String]?) {
        add("skillGroups", Self.set(skillGroups))
        add("groups", Self.set(groups.map(Self.ids)))
        add("teams", Self.set(teams.map(Self.ids)))
    }

    /// A set: sorted, so two sets compare equal exactly when they hold the same names.
    static func set(_ names: [String]?) -> ConfigValue? {
        names.map { .array(Set($0).sorted(by: NameOrder.precedes).map(ConfigValue.string)) }
    }

    /// A by-id reference as a file writes it.
    static func id(_ id: String) -> ConfigValue { .string("id:\(id)") }

    static func ids(_ ids: [String]) -> [String] { ids.map { "id:\($0)" } }

    static func conditions(_ conditions: [ConditionalGroupActivationSettings.Condition]?) -> ConfigValue? {
        conditions.map { conditions in
            .array(conditions.map { condition in
                var members = Tree()
                members.add("metric", condition.metric.map { .string($0.rawValue) })
                members.add("queue", condition.queue.map(ConfigValue.string))
                members.add("operator", condition.operator.map { .string($0.rawValue) })
                members.add("value", condition.value.map(ConfigValue.number))
                return members.value
            })
        }
    }
}
