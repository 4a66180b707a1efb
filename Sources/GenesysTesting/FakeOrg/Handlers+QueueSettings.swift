import RoutingModels

/// The queue settings beyond name, division, skill evaluation and ACW: what `postRoutingQueues` and
/// `putRoutingQueue` check, and how the fake stores and answers them.
///
/// Every field of the body is stored and answered as sent (read-only parts of references dropped). Genesys'
/// API reference gives no server default for `scoringMethod`, `lastAgentRoutingMode` or
/// `skillEvaluationMethod`, so the fake fills none in: a field the body leaves out is absent in the answer,
/// and a client must not rely on any default. Whether `putRoutingQueue` keeps a setting the body leaves
/// out is not established either (the reference calls it a full update: "GET, modify, PUT back"); the fake
/// clears it, the defensive choice, so a client that forgets to send back a setting it doesn't manage
/// sees it lost in tests rather than in production.
extension OrgEngine {
    /// Checks the settings that refer to other objects or have a documented range or value list:
    /// conditional group routing (at most 5 rules [Terraform provider]; metric and operator values; the
    /// rule's queue must exist; member groups. The provider's note that the first rule always evaluates the
    /// queue itself is not enforced: whether the API rejects another queue there is not established),
    /// conditional group activation (metric and operator values, queues, member groups), bullseye
    /// expansion criteria and the skills to remove (skills must exist), direct routing (the backup queue
    /// must exist; `agentWaitSeconds` 60–864000), agent-owned routing (`maxOwnedCallbackHours` 1–168,
    /// `maxOwnedCallbackDelayHours` 1–720) and the canned-response library mode. Answers 400 with the
    /// usual Genesys error body naming the field.
    func validateQueueSettings(_ queue: QueueRequest, id: String?) throws {
        if let rings = queue.bullseye?.rings {
            for (index, ring) in rings.enumerated() {
                let field = "bullseye.rings[\(index)]"
                for (position, criterium) in (ring.expansionCriteria ?? []).enumerated() {
                    try requireKnown(criterium.type, field: "\(field).expansionCriteria[\(position)].type")
                }
                for (position, skill) in (ring.actions?.skillsToRemove ?? []).enumerated() {
                    let path = "\(field).actions.skillsToRemove[\(position)].id"
                    guard let skillID = skill.id, !skillID.isEmpty else { throw APIError.required(path) }
                    guard state.skills.contains(where: { $0.id == skillID }) else {
                        throw APIError.invalidValue(field: path, "The skill \(skillID) does not exist", entityId: skillID)
                    }
                }
            }
        }
        if let rules = queue.conditionalGroupRouting?.rules {
            guard rules.count <= 5 else {
                throw APIError.invalidValue(field: "conditionalGroupRouting.rules", "A queue has at most 5 conditional group routing rules, got \(rules.count)")
            }
            for (index, rule) in rules.enumerated() {
                let field = "conditionalGroupRouting.rules[\(index)]"
                try requireKnown(rule.metric, field: "\(field).metric")
                try requireKnown(rule.operator, field: "\(field).operator")
                try requireQueue(rule.queue?.id, field: "\(field).queue.id", ownID: id)
                try validateMemberGroups(rule.groups, field: "\(field).groups")
            }
        }
        if let activation = queue.conditionalGroupActivation {
            try validateConditions(activation.pilotRule?.conditions, field: "conditionalGroupActivation.pilotRule.conditions", ownID: id)
            for (index, rule) in (activation.rules ?? []).enumerated() {
                let field = "conditionalGroupActivation.rules[\(index)]"
                try validateConditions(rule.conditions, field: "\(field).conditions", ownID: id)
                try validateMemberGroups(rule.groups, field: "\(field).groups")
            }
        }
        if let direct = queue.directRouting {
            try requireQueue(direct.backupQueueId, field: "directRouting.backupQueueId", ownID: id)
            try requireRange(direct.agentWaitSeconds, 60...864_000, field: "directRouting.agentWaitSeconds")
        }
        if let owned = queue.agentOwnedRouting {
            try requireRange(owned.maxOwnedCallbackHours, 1...168, field: "agentOwnedRouting.maxOwnedCallbackHours")
            try requireRange(owned.maxOwnedCallbackDelayHours, 1...720, field: "agentOwnedRouting.maxOwnedCallbackDelayHours")
        }
        try requireKnown(queue.cannedResponseLibraries?.mode, field: "cannedResponseLibraries.mode")
    }

    private func validateConditions(_ conditions: [ConditionalGroupActivationCondition]?, field: String, ownID: String?) throws {
        for (index, condition) in (conditions ?? []).enumerated() {
            let path = "\(field)[\(index)]"
            try requireKnown(condition.simpleMetric?.metric, field: "\(path).simpleMetric.metric")
            try requireKnown(condition.operator, field: "\(path).operator")
            try requireQueue(condition.simpleMetric?.queue?.id, field: "\(path).simpleMetric.queue.id", ownID: ownID)
        }
    }

    /// A referenced queue must exist (the queue being written counts, by its own id).
    private func requireQueue(_ queueID: String?, field: String, ownID: String?) throws {
        guard let queueID, !queueID.isEmpty, queueID != ownID, queuePosition(queueID) == nil else { return }
        throw APIError.invalidValue(field: field, "The queue \(queueID) does not exist", entityId: queueID)
    }

    private func requireRange(_ value: Int?, _ range: ClosedRange<Int>, field: String) throws {
        guard let value, !range.contains(value) else { return }
        throw APIError.invalidValue(field: field, "\(field) must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
    }

    // MARK: - Stored and answered forms

    /// Member groups as stored: only `{id, type}` (names and counts are rendered on every answer).
    static func storedGroups(_ groups: [MemberGroup]?) -> [MemberGroup]? {
        groups.map { $0.map { MemberGroup(id: $0.id, type: $0.type) } }
    }

    /// `queue` with `transform` applied to every member-group list in its settings (the queue's own, each
    /// bullseye ring's, each conditional-group-routing and activation rule's).
    static func mappingMemberGroups(_ queue: RoutingQueue, _ transform: ([MemberGroup]?) -> [MemberGroup]?) -> RoutingQueue {
        func each<Item>(_ items: [Item]?, _ groups: WritableKeyPath<Item, [MemberGroup]?>) -> [Item]? {
            items?.map { item in
                var item = item
                item[keyPath: groups] = transform(item[keyPath: groups])
                return item
            }
        }
        var queue = queue
        queue.memberGroups = transform(queue.memberGroups)
        let (rings, routingRules, activationRules) = (
            each(queue.bullseye?.rings, \.memberGroups), each(queue.conditionalGroupRouting?.rules, \.groups),
            each(queue.conditionalGroupActivation?.rules, \.groups)
        )
        queue.bullseye?.rings = rings
        queue.conditionalGroupRouting?.rules = routingRules
        queue.conditionalGroupActivation?.rules = activationRules
        return queue
    }
}
