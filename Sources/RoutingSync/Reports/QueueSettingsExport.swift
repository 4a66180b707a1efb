import RoutingModels

/// Turns a queue as the API returns it into its ``QueueSettings`` for export: every setting the org has,
/// with queues, skill groups and skills by name and everything else by id.
///
/// A setting that refers to a queue, skill group or skill the snapshot doesn't hold (deleted since, or
/// outside what the credentials can see) can't be written by name. Writing the id in its place would make
/// the file fail validation, and leaving the reference out would change the setting's meaning (a
/// conditional-group-routing rule without a queue evaluates its own queue), so that **whole setting is
/// left out** (not managed: applying the export keeps it as the org has it) and a warning names the queue,
/// the field and the id.
struct QueueSettingsExport {
    /// Queue names by id.
    let queueNames: [String: String]
    /// Skill group names by id.
    let groupNames: [String: String]
    /// Skill names by id.
    let skillNames: [String: String]
    /// The settings left out, one warning each.
    private(set) var warnings: [ValidationProblem] = []

    /// A reference export can't write by name.
    private struct Unresolved: Error {
        var field: String
        var kind: String
        var id: String
    }

    init(queueNames: [String: String], groupNames: [String: String], skillNames: [String: String]) {
        self.queueNames = queueNames
        self.groupNames = groupNames
        self.skillNames = skillNames
    }

    /// The settings of `queue` (exported under `name`).
    mutating func settings(of queue: RoutingQueue, name: String) -> QueueSettings {
        var settings = QueueSettings()
        settings.scoringMethod = queue.scoringMethod
        settings.lastAgentRoutingMode = queue.lastAgentRoutingMode
        settings.enableTranscription = queue.enableTranscription
        settings.enableAudioMonitoring = queue.enableAudioMonitoring
        settings.enableManualAssignment = queue.enableManualAssignment
        settings.suppressInQueueCallRecording = queue.suppressInQueueCallRecording
        settings.autoAnswerOnly = queue.autoAnswerOnly
        settings.callingPartyName = queue.callingPartyName
        settings.callingPartyNumber = queue.callingPartyNumber
        settings.defaultMediaLanguage = queue.defaultMediaLanguage
        settings.peerId = queue.peerId
        settings.routingRules = queue.routingRules
        settings.agentOwnedRouting = queue.agentOwnedRouting.flatMap { $0 == AgentOwnedRouting() ? nil : $0 }
        let memberGroups = queue.memberGroups ?? []
        settings.groups = Self.nonEmpty(Self.ids(memberGroups, .group))
        settings.teams = Self.nonEmpty(Self.ids(memberGroups, .team))
        settings.queueFlow = queue.queueFlow?.id
        settings.emailInQueueFlow = queue.emailInQueueFlow?.id
        settings.messageInQueueFlow = queue.messageInQueueFlow?.id
        settings.whisperPrompt = queue.whisperPrompt?.id
        settings.onHoldPrompt = queue.onHoldPrompt?.id
        if let scripts = queue.defaultScripts {
            let ids = scripts.compactMapValues(\.id)
            settings.defaultScripts = ids.isEmpty ? nil : ids
        }
        if let libraries = queue.cannedResponseLibraries, libraries != CannedResponseLibraries() {
            settings.cannedResponseLibraries = CannedResponseLibraries(
                libraryIds: libraries.libraryIds.map { $0.sorted(by: NameOrder.precedes) }, mode: libraries.mode
            )
        }
        if let addresses = queue.outboundMessagingAddresses {
            let exported = OutboundMessagingAddressSettings(
                smsAddress: addresses.smsAddress?.id, openMessagingRecipient: addresses.openMessagingRecipient?.id,
                whatsAppRecipient: addresses.whatsAppRecipient?.id
            )
            settings.outboundMessagingAddresses = exported == OutboundMessagingAddressSettings() ? nil : exported
        }
        if let address = queue.outboundEmailAddress {
            let exported = OutboundEmailAddressSettings(domain: address.domain?.id, route: address.route?.id)
            settings.outboundEmailAddress = exported == OutboundEmailAddressSettings() ? nil : exported
        }
        let ownID = queue.id
        let names = self  // the lookups, apart from the warnings being added to
        settings.bullseye = resolving(queue: name) { try queue.bullseye.flatMap(names.bullseye) }
        settings.conditionalGroupRouting = resolving(queue: name) {
            try queue.conditionalGroupRouting.flatMap { try names.conditionalGroupRouting($0, ownID: ownID) }
        }
        settings.conditionalGroupActivation = resolving(queue: name) {
            try queue.conditionalGroupActivation.flatMap { try names.conditionalGroupActivation($0, ownID: ownID) }
        }
        settings.directRouting = resolving(queue: name) { try queue.directRouting.flatMap(names.directRouting) }
        return settings
    }

    /// `make()`, or `nil` with a warning when it meets a reference it can't write by name.
    private mutating func resolving<Value>(queue: String, _ make: () throws -> Value?) -> Value? {
        do {
            return try make()
        } catch let unresolved as Unresolved {
            warnings.append(ValidationProblem(
                code: .unresolvedReference, severity: .warning, file: "", object: "queues[\(queue)]", field: unresolved.field,
                message: "refers to the \(unresolved.kind) \(unresolved.id), which is not in the org; "
                    + "\(unresolved.field.prefix { $0 != "." && $0 != "[" }) is left out of the export (not managed)"
            ))
            return nil
        } catch {
            return nil
        }
    }

    private func bullseye(_ bullseye: Bullseye) throws -> BullseyeSettings? {
        guard let rings = bullseye.rings else { return nil }
        return BullseyeSettings(rings: try rings.enumerated().map { index, ring in
            let field = "bullseye.rings[\(index)]"
            let groups = ring.memberGroups ?? []
            var exported = BullseyeSettings.Ring(
                expansionCriteria: ring.expansionCriteria,
                skillGroups: Self.nonEmpty(try skillGroupNames(groups, field: "\(field).skillGroups")),
                groups: Self.nonEmpty(Self.ids(groups, .group)),
                teams: Self.nonEmpty(Self.ids(groups, .team))
            )
            if let skills = ring.actions?.skillsToRemove, !skills.isEmpty {
                exported.skillsToRemove = try skills.compactMap { skill in
                    guard let id = skill.id, !id.isEmpty else { return skill.name }
                    guard let name = skillNames[id] else { throw Unresolved(field: "\(field).skillsToRemove", kind: "skill", id: id) }
                    return name
                }.sorted(by: NameOrder.precedes)
            }
            return exported
        })
    }

    private func conditionalGroupRouting(_ routing: ConditionalGroupRouting, ownID: String?) throws -> ConditionalGroupRoutingSettings? {
        guard let rules = routing.rules else { return nil }
        return ConditionalGroupRoutingSettings(rules: try rules.enumerated().map { index, rule in
            let field = "conditionalGroupRouting.rules[\(index)]"
            let groups = rule.groups ?? []
            return ConditionalGroupRoutingSettings.Rule(
                queue: try queueName(rule.queue?.id, ownID: ownID, field: "\(field).queue"),
                metric: rule.metric, operator: rule.operator, conditionValue: rule.conditionValue, waitSeconds: rule.waitSeconds,
                skillGroups: Self.nonEmpty(try skillGroupNames(groups, field: "\(field).skillGroups")),
                groups: Self.nonEmpty(Self.ids(groups, .group)),
                teams: Self.nonEmpty(Self.ids(groups, .team))
            )
        })
    }

    private func conditionalGroupActivation(
        _ activation: ConditionalGroupActivation, ownID: String?
    ) throws -> ConditionalGroupActivationSettings? {
        guard activation != ConditionalGroupActivation() else { return nil }
        func conditions(_ list: [ConditionalGroupActivationCondition]?, field: String) throws -> [ConditionalGroupActivationSettings.Condition]? {
            try list.map { conditions in
                try conditions.enumerated().map { index, condition in
                    ConditionalGroupActivationSettings.Condition(
                        metric: condition.simpleMetric?.metric,
                        queue: try queueName(condition.simpleMetric?.queue?.id, ownID: ownID, field: "\(field)[\(index)].queue"),
                        operator: condition.operator, value: condition.value
                    )
                }
            }
        }
        var exported = ConditionalGroupActivationSettings()
        if let pilot = activation.pilotRule {
            exported.pilotRule = ConditionalGroupActivationSettings.PilotRule(
                conditions: try conditions(pilot.conditions, field: "conditionalGroupActivation.pilotRule.conditions"),
                conditionExpression: pilot.conditionExpression
            )
        }
        exported.rules = try activation.rules.map { rules in
            try rules.enumerated().map { index, rule in
                let field = "conditionalGroupActivation.rules[\(index)]"
                let groups = rule.groups ?? []
                return ConditionalGroupActivationSettings.Rule(
                    conditions: try conditions(rule.conditions, field: "\(field).conditions"),
                    conditionExpression: rule.conditionExpression,
                    skillGroups: Self.nonEmpty(try skillGroupNames(groups, field: "\(field).skillGroups")),
                    groups: Self.nonEmpty(Self.ids(groups, .group)),
                    teams: Self.nonEmpty(Self.ids(groups, .team))
                )
            }
        }
        return exported
    }

    private func directRouting(_ routing: DirectRouting) throws -> DirectRoutingSettings? {
        let exported = DirectRoutingSettings(
            backupQueue: try routing.backupQueueId.map { id in
                guard let name = queueNames[id] else { throw Unresolved(field: "directRouting.backupQueue", kind: "queue", id: id) }
                return name
            },
            waitForAgent: routing.waitForAgent, agentWaitSeconds: routing.agentWaitSeconds,
            callMediaSettings: routing.callMediaSettings, emailMediaSettings: routing.emailMediaSettings,
            messageMediaSettings: routing.messageMediaSettings
        )
        return exported == DirectRoutingSettings() ? nil : exported
    }

    /// The name of the queue `id`; `nil` for no queue or the queue itself (the format's "this queue").
    private func queueName(_ id: String?, ownID: String?, field: String) throws -> String? {
        guard let id, !id.isEmpty, id != ownID else { return nil }
        guard let name = queueNames[id] else { throw Unresolved(field: field, kind: "queue", id: id) }
        return name
    }

    /// The names of the `SKILLGROUP` member groups, sorted.
    private func skillGroupNames(_ groups: [MemberGroup], field: String) throws -> [String] {
        try Self.ids(groups, .skillGroup).map { id in
            guard let name = groupNames[id] else { throw Unresolved(field: field, kind: "skill group", id: id) }
            return name
        }.sorted(by: NameOrder.precedes)
    }

    /// The ids of the member groups of one type, sorted.
    private static func ids(_ groups: [MemberGroup], _ type: MemberGroupType) -> [String] {
        groups.filter { $0.type == type }.compactMap(\.id).sorted(by: NameOrder.precedes)
    }

    private static func nonEmpty(_ values: [String]) -> [String]? { values.isEmpty ? nil : values }
}
