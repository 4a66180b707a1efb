import RoutingModels

/// Queue settings ↔ the API's `QueueRequest` / `RoutingQueue` fields (names ↔ ids through a table).
extension QueueSettings {
    /// The settings a queue has in the org, every one the org answers with set, references by name.
    init(queue: RoutingQueue, table: QueueReferenceTable) {
        self.init(
            scoringMethod: queue.scoringMethod,
            lastAgentRoutingMode: queue.lastAgentRoutingMode,
            enableTranscription: queue.enableTranscription,
            enableAudioMonitoring: queue.enableAudioMonitoring,
            enableManualAssignment: queue.enableManualAssignment,
            suppressInQueueCallRecording: queue.suppressInQueueCallRecording,
            autoAnswerOnly: queue.autoAnswerOnly,
            callingPartyName: queue.callingPartyName,
            callingPartyNumber: queue.callingPartyNumber,
            defaultMediaLanguage: queue.defaultMediaLanguage,
            peerId: queue.peerId,
            routingRules: queue.routingRules,
            bullseye: queue.bullseye.map { bullseye in
                BullseyeSettings(rings: (bullseye.rings ?? []).map { ring in
                    let groups = MemberGroups(ring.memberGroups, table: table)
                    return BullseyeSettings.Ring(
                        expansionCriteria: ring.expansionCriteria, skillGroups: groups.skillGroups, groups: groups.groups,
                        teams: groups.teams,
                        skillsToRemove: ring.actions?.skillsToRemove?.map { skill in
                            skill.id.map { table.name(.skill, $0) } ?? skill.name ?? "?"
                        }
                    )
                })
            },
            conditionalGroupRouting: queue.conditionalGroupRouting.map { routing in
                ConditionalGroupRoutingSettings(rules: (routing.rules ?? []).map { rule in
                    let groups = MemberGroups(rule.groups, table: table)
                    return ConditionalGroupRoutingSettings.Rule(
                        queue: rule.queue?.id.map { table.name(.queue, $0) }, metric: rule.metric, operator: rule.operator,
                        conditionValue: rule.conditionValue, waitSeconds: rule.waitSeconds, skillGroups: groups.skillGroups,
                        groups: groups.groups, teams: groups.teams
                    )
                })
            },
            conditionalGroupActivation: queue.conditionalGroupActivation.map { activation in
                func conditions(_ list: [ConditionalGroupActivationCondition]?) -> [ConditionalGroupActivationSettings.Condition]? {
                    list?.map { condition in
                        ConditionalGroupActivationSettings.Condition(
                            metric: condition.simpleMetric?.metric, queue: condition.simpleMetric?.queue?.id.map { table.name(.queue, $0) },
                            operator: condition.operator, value: condition.value
                        )
                    }
                }
                return ConditionalGroupActivationSettings(
                    pilotRule: activation.pilotRule.map {
                        ConditionalGroupActivationSettings.PilotRule(conditions: conditions($0.conditions), conditionExpression: $0.conditionExpression)
                    },
                    rules: activation.rules?.map { rule in
                        let groups = MemberGroups(rule.groups, table: table)
                        return ConditionalGroupActivationSettings.Rule(
                            conditions: conditions(rule.conditions), conditionExpression: rule.conditionExpression,
                            skillGroups: groups.skillGroups, groups: groups.groups, teams: groups.teams
                        )
                    }
                )
            },
            directRouting: queue.directRouting.map { routing in
                DirectRoutingSettings(
                    backupQueue: routing.backupQueueId.map { table.name(.queue, $0) }, waitForAgent: routing.waitForAgent,
                    agentWaitSeconds: routing.agentWaitSeconds, callMediaSettings: routing.callMediaSettings,
                    emailMediaSettings: routing.emailMediaSettings, messageMediaSettings: routing.messageMediaSettings
                )
            },
            agentOwnedRouting: queue.agentOwnedRouting,
            groups: queue.memberGroups.map { MemberGroups($0, table: table).groups ?? [] },
            teams: queue.memberGroups.map { MemberGroups($0, table: table).teams ?? [] },
            queueFlow: queue.queueFlow?.id,
            emailInQueueFlow: queue.emailInQueueFlow?.id,
            messageInQueueFlow: queue.messageInQueueFlow?.id,
            whisperPrompt: queue.whisperPrompt?.id,
            onHoldPrompt: queue.onHoldPrompt?.id,
            defaultScripts: queue.defaultScripts?.compactMapValues(\.id),
            cannedResponseLibraries: queue.cannedResponseLibraries,
            outboundMessagingAddresses: queue.outboundMessagingAddresses.map { addresses in
                OutboundMessagingAddressSettings(
                    smsAddress: addresses.smsAddress?.id, openMessagingRecipient: addresses.openMessagingRecipient?.id,
                    whatsAppRecipient: addresses.whatsAppRecipient?.id
                )
            },
            outboundEmailAddress: queue.outboundEmailAddress.map {
                OutboundEmailAddressSettings(domain: $0.domain?.id, route: $0.route?.id)
            }
        )
    }

    /// Writes every setting that is set into a queue body, references as ids (writable shapes only:
    /// member groups `{id, type}`, references `{id}`). Settings left `nil` keep the body's value; the
    /// body's `SKILLGROUP` member groups are kept (they are the queue's `skillGroups`).
    /// - Parameter id: The id of a referenced queue, skill group or skill.
    func write(into request: inout QueueRequest, id: (QueueReferenceKind, String) throws -> String) rethrows {
        func memberGroups(_ skillGroups: [String]?, _ groups: [String]?, _ teams: [String]?) throws -> [MemberGroup]? {
            if skillGroups == nil, groups == nil, teams == nil { return nil }
            return try (skillGroups ?? []).map { MemberGroup(id: try id(.skillGroup, $0), type: .skillGroup) }
                + (groups ?? []).map { MemberGroup(id: $0, type: .group) }
                + (teams ?? []).map { MemberGroup(id: $0, type: .team) }
        }
        func queueRef(_ name: String?) throws -> DomainEntityRef? {
            try name.map { DomainEntityRef(id: try id(.queue, $0)) }
        }
        func conditions(_ list: [ConditionalGroupActivationSettings.Condition]?) throws -> [ConditionalGroupActivationCondition]? {
            try list?.map { condition in
                ConditionalGroupActivationCondition(
                    simpleMetric: ConditionalGroupActivationSimpleMetric(metric: condition.metric, queue: try queueRef(condition.queue)),
                    operator: condition.operator, value: condition.value
                )
            }
        }
        if let scoringMethod { request.scoringMethod = scoringMethod }
        if let lastAgentRoutingMode { request.lastAgentRoutingMode = lastAgentRoutingMode }
        if let enableTranscription { request.enableTranscription = enableTranscription }
        if let enableAudioMonitoring { request.enableAudioMonitoring = enableAudioMonitoring }
        if let enableManualAssignment { request.enableManualAssignment = enableManualAssignment }
        if let suppressInQueueCallRecording { request.suppressInQueueCallRecording = suppressInQueueCallRecording }
        if let autoAnswerOnly { request.autoAnswerOnly = autoAnswerOnly }
        if let callingPartyName { request.callingPartyName = callingPartyName }
        if let callingPartyNumber { request.callingPartyNumber = callingPartyNumber }
        if let defaultMediaLanguage { request.defaultMediaLanguage = defaultMediaLanguage }
        if let peerId { request.peerId = peerId }
        if let routingRules { request.routingRules = routingRules }
        if let bullseye {
            request.bullseye = Bullseye(rings: try bullseye.rings.map { ring in
                Ring(
                    expansionCriteria: ring.expansionCriteria,
                    actions: try ring.skillsToRemove.map { names in
                        Actions(skillsToRemove: try names.map { SkillsToRemove(id: try id(.skill, $0)) })
                    },
                    memberGroups: try memberGroups(ring.skillGroups, ring.groups, ring.teams)
                )
            })
        }
        if let conditionalGroupRouting {
            request.conditionalGroupRouting = ConditionalGroupRouting(rules: try conditionalGroupRouting.rules.map { rule in
                ConditionalGroupRoutingRule(
                    queue: try queueRef(rule.queue), metric: rule.metric, operator: rule.operator, conditionValue: rule.conditionValue,
                    groups: try memberGroups(rule.skillGroups, rule.groups, rule.teams), waitSeconds: rule.waitSeconds
                )
            })
        }
        if let conditionalGroupActivation {
            request.conditionalGroupActivation = ConditionalGroupActivation(
                pilotRule: try conditionalGroupActivation.pilotRule.map {
                    ConditionalGroupActivationPilotRule(conditions: try conditions($0.conditions), conditionExpression: $0.conditionExpression)
                },
                rules: try conditionalGroupActivation.rules?.map { rule in
                    ConditionalGroupActivationRule(
                        conditions: try conditions(rule.conditions), conditionExpression: rule.conditionExpression,
                        groups: try memberGroups(rule.skillGroups, rule.groups, rule.teams)
                    )
                }
            )
        }
        if let directRouting {
            request.directRouting = DirectRouting(
                callMediaSettings: directRouting.callMediaSettings, emailMediaSettings: directRouting.emailMediaSettings,
                messageMediaSettings: directRouting.messageMediaSettings, backupQueueId: try directRouting.backupQueue.map { try id(.queue, $0) },
                waitForAgent: directRouting.waitForAgent, agentWaitSeconds: directRouting.agentWaitSeconds
            )
        }
        if let agentOwnedRouting { request.agentOwnedRouting = agentOwnedRouting }
        if groups != nil || teams != nil {
            let kept = (request.memberGroups ?? []).filter { group in
                !(groups != nil && group.type == .group) && !(teams != nil && group.type == .team)
            }
            request.memberGroups = kept + (try memberGroups(nil, groups, teams) ?? [])
        }
        if let queueFlow { request.queueFlow = DomainEntityRef(id: queueFlow) }
        if let emailInQueueFlow { request.emailInQueueFlow = DomainEntityRef(id: emailInQueueFlow) }
        if let messageInQueueFlow { request.messageInQueueFlow = DomainEntityRef(id: messageInQueueFlow) }
        if let whisperPrompt { request.whisperPrompt = DomainEntityRef(id: whisperPrompt) }
        if let onHoldPrompt { request.onHoldPrompt = DomainEntityRef(id: onHoldPrompt) }
        if let defaultScripts { request.defaultScripts = defaultScripts.mapValues { Script(id: $0) } }
        if let cannedResponseLibraries { request.cannedResponseLibraries = cannedResponseLibraries }
        if let outboundMessagingAddresses {
            request.outboundMessagingAddresses = QueueMessagingAddresses(
                smsAddress: outboundMessagingAddresses.smsAddress.map { DomainEntityRef(id: $0) },
                openMessagingRecipient: outboundMessagingAddresses.openMessagingRecipient.map { DomainEntityRef(id: $0) },
                whatsAppRecipient: outboundMessagingAddresses.whatsAppRecipient.map { DomainEntityRef(id: $0) }
            )
        }
        if let outboundEmailAddress {
            request.outboundEmailAddress = QueueEmailAddress(
                domain: outboundEmailAddress.domain.map { DomainEntityRef(id: $0) },
                route: outboundEmailAddress.route.map { InboundRoute(id: $0) }
            )
        }
    }
}

/// A member-group list split by type, skill groups by name, groups and teams by id.
private struct MemberGroups {
    var skillGroups: [String]?
    var groups: [String]?
    var teams: [String]?

    init(_ list: [MemberGroup]?, table: QueueReferenceTable) {
        guard let list else { return }
        func ids(_ type: MemberGroupType) -> [String] { list.filter { $0.type == type }.compactMap(\.id) }
        skillGroups = ids(.skillGroup).map { table.name(.skillGroup, $0) }
        groups = ids(.group)
        teams = ids(.team)
    }
}
