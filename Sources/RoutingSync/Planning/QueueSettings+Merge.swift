import RoutingModels

/// "Only what is written is managed" for queue settings: the file's settings written over the org's.
extension QueueSettings {
    /// These (desired) settings over `current`: every setting, and every field inside one, that these
    /// leave `nil` takes the current value. Ordered lists (routing rules, rings, rules, conditions) are the
    /// desired list, each element merged with the current element at the same position; sets (skill
    /// groups, groups, teams, skills to remove, library ids) are the desired set when given. Default scripts
    /// merge media type by media type.
    func merged(over current: QueueSettings) -> QueueSettings {
        QueueSettings(
            scoringMethod: scoringMethod ?? current.scoringMethod,
            lastAgentRoutingMode: lastAgentRoutingMode ?? current.lastAgentRoutingMode,
            enableTranscription: enableTranscription ?? current.enableTranscription,
            enableAudioMonitoring: enableAudioMonitoring ?? current.enableAudioMonitoring,
            enableManualAssignment: enableManualAssignment ?? current.enableManualAssignment,
            suppressInQueueCallRecording: suppressInQueueCallRecording ?? current.suppressInQueueCallRecording,
            autoAnswerOnly: autoAnswerOnly ?? current.autoAnswerOnly,
            callingPartyName: callingPartyName ?? current.callingPartyName,
            callingPartyNumber: callingPartyNumber ?? current.callingPartyNumber,
            defaultMediaLanguage: defaultMediaLanguage ?? current.defaultMediaLanguage,
            peerId: peerId ?? current.peerId,
            routingRules: Merge.list(routingRules, current.routingRules) { rule, old in
                RoutingRule(operator: rule.operator ?? old?.operator, threshold: rule.threshold ?? old?.threshold,
                            waitSeconds: rule.waitSeconds ?? old?.waitSeconds)
            },
            bullseye: Merge.object(bullseye, current.bullseye) { bullseye, old in
                BullseyeSettings(rings: Merge.list(bullseye.rings, old?.rings) { ring, old in
                    BullseyeSettings.Ring(
                        expansionCriteria: Merge.list(ring.expansionCriteria, old?.expansionCriteria) { criterium, old in
                            ExpansionCriterium(type: criterium.type ?? old?.type, threshold: criterium.threshold ?? old?.threshold)
                        },
                        skillGroups: ring.skillGroups ?? old?.skillGroups, groups: ring.groups ?? old?.groups,
                        teams: ring.teams ?? old?.teams, skillsToRemove: ring.skillsToRemove ?? old?.skillsToRemove
                    )
                } ?? [])
            },
            conditionalGroupRouting: Merge.object(conditionalGroupRouting, current.conditionalGroupRouting) { routing, old in
                ConditionalGroupRoutingSettings(rules: Merge.list(routing.rules, old?.rules) { rule, old in
                    ConditionalGroupRoutingSettings.Rule(
                        queue: rule.queue ?? old?.queue, metric: rule.metric ?? old?.metric, operator: rule.operator ?? old?.operator,
                        conditionValue: rule.conditionValue ?? old?.conditionValue, waitSeconds: rule.waitSeconds ?? old?.waitSeconds,
                        skillGroups: rule.skillGroups ?? old?.skillGroups, groups: rule.groups ?? old?.groups, teams: rule.teams ?? old?.teams
                    )
                } ?? [])
            },
            conditionalGroupActivation: Merge.object(conditionalGroupActivation, current.conditionalGroupActivation) { activation, old in
                ConditionalGroupActivationSettings(
                    pilotRule: Merge.object(activation.pilotRule, old?.pilotRule) { rule, old in
                        ConditionalGroupActivationSettings.PilotRule(
                            conditions: Merge.conditions(rule.conditions, old?.conditions),
                            conditionExpression: rule.conditionExpression ?? old?.conditionExpression
                        )
                    },
                    rules: Merge.list(activation.rules, old?.rules) { rule, old in
                        ConditionalGroupActivationSettings.Rule(
                            conditions: Merge.conditions(rule.conditions, old?.conditions),
                            conditionExpression: rule.conditionExpression ?? old?.conditionExpression,
                            skillGroups: rule.skillGroups ?? old?.skillGroups, groups: rule.groups ?? old?.groups, teams: rule.teams ?? old?.teams
                        )
                    }
                )
            },
            directRouting: Merge.object(directRouting, current.directRouting) { routing, old in
                DirectRoutingSettings(
                    backupQueue: routing.backupQueue ?? old?.backupQueue, waitForAgent: routing.waitForAgent ?? old?.waitForAgent,
                    agentWaitSeconds: routing.agentWaitSeconds ?? old?.agentWaitSeconds,
                    callMediaSettings: Merge.media(routing.callMediaSettings, old?.callMediaSettings),
                    emailMediaSettings: Merge.media(routing.emailMediaSettings, old?.emailMediaSettings),
                    messageMediaSettings: Merge.media(routing.messageMediaSettings, old?.messageMediaSettings)
                )
            },
            agentOwnedRouting: Merge.object(agentOwnedRouting, current.agentOwnedRouting) { routing, old in
                AgentOwnedRouting(
                    enableAgentOwnedCallbacks: routing.enableAgentOwnedCallbacks ?? old?.enableAgentOwnedCallbacks,
                    maxOwnedCallbackHours: routing.maxOwnedCallbackHours ?? old?.maxOwnedCallbackHours,
                    maxOwnedCallbackDelayHours: routing.maxOwnedCallbackDelayHours ?? old?.maxOwnedCallbackDelayHours
                )
            },
            groups: groups ?? current.groups,
            teams: teams ?? current.teams,
            queueFlow: queueFlow ?? current.queueFlow,
            emailInQueueFlow: emailInQueueFlow ?? current.emailInQueueFlow,
            messageInQueueFlow: messageInQueueFlow ?? current.messageInQueueFlow,
            whisperPrompt: whisperPrompt ?? current.whisperPrompt,
            onHoldPrompt: onHoldPrompt ?? current.onHoldPrompt,
            defaultScripts: Merge.object(defaultScripts, current.defaultScripts) { scripts, old in
                (old ?? [:]).merging(scripts) { _, new in new }
            },
            cannedResponseLibraries: Merge.object(cannedResponseLibraries, current.cannedResponseLibraries) { libraries, old in
                CannedResponseLibraries(libraryIds: libraries.libraryIds ?? old?.libraryIds, mode: libraries.mode ?? old?.mode)
            },
            outboundMessagingAddresses: Merge.object(outboundMessagingAddresses, current.outboundMessagingAddresses) { addresses, old in
                OutboundMessagingAddressSettings(
                    smsAddress: addresses.smsAddress ?? old?.smsAddress,
                    openMessagingRecipient: addresses.openMessagingRecipient ?? old?.openMessagingRecipient,
                    whatsAppRecipient: addresses.whatsAppRecipient ?? old?.whatsAppRecipient
                )
            },
            outboundEmailAddress: Merge.object(outboundEmailAddress, current.outboundEmailAddress) { address, old in
                OutboundEmailAddressSettings(domain: address.domain ?? old?.domain, route: address.route ?? old?.route)
            }
        )
    }
}

/// Merge helpers: the desired value with the current one under it.
private enum Merge {
    /// The desired object merged with the current one; the current one when nothing is desired.
    static func object<T>(_ desired: T?, _ current: T?, _ merge: (T, T?) -> T) -> T? {
        guard let desired else { return current }
        return merge(desired, current)
    }

    /// The desired list, each element merged with the current element at its position.
    static func list<T>(_ desired: [T]?, _ current: [T]?, _ merge: (T, T?) -> T) -> [T]? {
        guard let desired else { return current }
        return desired.enumerated().map { index, element in
            merge(element, current.flatMap { index < $0.count ? $0[index] : nil })
        }
    }

    static func conditions(
        _ desired: [ConditionalGroupActivationSettings.Condition]?, _ current: [ConditionalGroupActivationSettings.Condition]?
    ) -> [ConditionalGroupActivationSettings.Condition]? {
        list(desired, current) { condition, old in
            ConditionalGroupActivationSettings.Condition(
                metric: condition.metric ?? old?.metric, queue: condition.queue ?? old?.queue,
                operator: condition.operator ?? old?.operator, value: condition.value ?? old?.value
            )
        }
    }

    static func media(_ desired: DirectRoutingMediaSettings?, _ current: DirectRoutingMediaSettings?) -> DirectRoutingMediaSettings? {
        object(desired, current) { media, old in
            DirectRoutingMediaSettings(useAgentAddressOutbound: media.useAgentAddressOutbound ?? old?.useAgentAddressOutbound)
        }
    }
}
