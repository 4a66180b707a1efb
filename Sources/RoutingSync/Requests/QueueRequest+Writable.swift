import RoutingModels

extension QueueRequest {
    /// A queue read from the org as a `putRoutingQueue` body: every setting kept, built from the writable
    /// schema (`QueueRequest` without the fields the API marks read-only).
    ///
    /// The org's answer carries what a write must not send back: counts, `selfUri`, dates, and member groups
    /// rendered with their names, divisions and member counts. See ``writableOnly()``.
    static func writable(from queue: RoutingQueue) -> QueueRequest {
        QueueRequest(queue).writableOnly()
    }

    /// This body with every read-only or server-owned field dropped and every reference reduced to what
    /// identifies it.
    ///
    /// - Dropped: `id`, the member counts, `selfUri`, `dateCreated`, `dateModified`, `createdBy`, `modifiedBy`.
    /// - The division is `{id}` (`WritableDivision`); member groups (the queue's, each bullseye ring's, each
    ///   conditional group routing and activation rule's) are `{id, type}`.
    /// - Flow, prompt, queue and address references are `{id}`; default scripts and the outbound email
    ///   route are `{id}` too (the API marks the id of the referenced `Script` and `InboundRoute` read-only
    ///   because it reuses their full schemas, but the id is how a queue points at them).
    /// - Ring `skillsToRemove` entries are `{id}` (or `{name}` when the org gave no id).
    func writableOnly() -> QueueRequest {
        var body = self
        body.id = nil
        body.memberCount = nil
        body.userMemberCount = nil
        body.joinedMemberCount = nil
        body.selfUri = nil
        body.dateCreated = nil
        body.dateModified = nil
        body.createdBy = nil
        body.modifiedBy = nil
        body.division = division.map { Division(id: $0.id) }
        body.memberGroups = memberGroups.map(Self.writable)
        body.bullseye = bullseye.map { bullseye in
            Bullseye(rings: bullseye.rings?.map { ring in
                Ring(
                    expansionCriteria: ring.expansionCriteria,
                    actions: ring.actions.map { actions in
                        Actions(skillsToRemove: actions.skillsToRemove?.map { SkillsToRemove(name: $0.id == nil ? $0.name : nil, id: $0.id) })
                    },
                    memberGroups: ring.memberGroups.map(Self.writable)
                )
            })
        }
        body.conditionalGroupRouting = conditionalGroupRouting.map { routing in
            ConditionalGroupRouting(rules: routing.rules?.map { rule in
                var rule = rule
                rule.queue = rule.queue.map(Self.reference)
                rule.groups = rule.groups.map(Self.writable)
                return rule
            })
        }
        body.conditionalGroupActivation = conditionalGroupActivation.map { activation in
            ConditionalGroupActivation(
                pilotRule: activation.pilotRule.map { rule in
                    ConditionalGroupActivationPilotRule(conditions: rule.conditions.map(Self.writable), conditionExpression: rule.conditionExpression)
                },
                rules: activation.rules?.map { rule in
                    ConditionalGroupActivationRule(
                        conditions: rule.conditions.map(Self.writable), conditionExpression: rule.conditionExpression,
                        groups: rule.groups.map(Self.writable)
                    )
                }
            )
        }
        body.queueFlow = queueFlow.map(Self.reference)
        body.emailInQueueFlow = emailInQueueFlow.map(Self.reference)
        body.messageInQueueFlow = messageInQueueFlow.map(Self.reference)
        body.whisperPrompt = whisperPrompt.map(Self.reference)
        body.onHoldPrompt = onHoldPrompt.map(Self.reference)
        body.defaultScripts = defaultScripts?.mapValues { Script(id: $0.id) }
        body.outboundMessagingAddresses = outboundMessagingAddresses.map { addresses in
            QueueMessagingAddresses(
                smsAddress: addresses.smsAddress.map(Self.reference),
                openMessagingRecipient: addresses.openMessagingRecipient.map(Self.reference),
                whatsAppRecipient: addresses.whatsAppRecipient.map(Self.reference)
            )
        }
        body.outboundEmailAddress = outboundEmailAddress.map(Self.writable)
        if let addresses = mediaSettings?.email?.allOutboundEmailAddresses {
            body.mediaSettings?.email?.allOutboundEmailAddresses = addresses.map(Self.writable)
        }
        return body
    }

    /// Member groups as `{id, type}`.
    static func writable(_ groups: [MemberGroup]) -> [MemberGroup] {
        groups.map { MemberGroup(id: $0.id, type: $0.type) }
    }

    static func writable(_ conditions: [ConditionalGroupActivationCondition]) -> [ConditionalGroupActivationCondition] {
        conditions.map { condition in
            var condition = condition
            let queue = condition.simpleMetric?.queue.map(reference)
            condition.simpleMetric?.queue = queue
            return condition
        }
    }

    static func writable(_ address: QueueEmailAddress) -> QueueEmailAddress {
        QueueEmailAddress(domain: address.domain.map(reference), route: address.route.map { InboundRoute(id: $0.id) })
    }

    /// A reference as `{id}`.
    static func reference(_ ref: DomainEntityRef) -> DomainEntityRef {
        DomainEntityRef(id: ref.id)
    }
}
