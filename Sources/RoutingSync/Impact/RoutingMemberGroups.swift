import RoutingModels

/// The member groups a queue routes to beyond its own `memberGroups`: those of its bullseye rings and of
/// its conditional group routing and activation rules.
///
/// The routing-impact preview and the impact report count the agents of these groups as agents behind the
/// queue: a queue whose own members leave but whose outer ring or overflow rule still reaches a skill
/// group is not empty, and a change to such a group changes who answers the queue.
enum RoutingMemberGroups {
    /// The groups of `bullseye`'s rings and of the conditional group routing and activation rules, in that
    /// order.
    static func of(
        bullseye: Bullseye?, conditionalGroupRouting: ConditionalGroupRouting?, conditionalGroupActivation: ConditionalGroupActivation?
    ) -> [MemberGroup] {
        (bullseye?.rings ?? []).flatMap { $0.memberGroups ?? [] }
            + (conditionalGroupRouting?.rules ?? []).flatMap { $0.groups ?? [] }
            + (conditionalGroupActivation?.rules ?? []).flatMap { $0.groups ?? [] }
    }

    /// The routing groups of a queue as read.
    static func of(_ queue: RoutingQueue) -> [MemberGroup] {
        of(bullseye: queue.bullseye, conditionalGroupRouting: queue.conditionalGroupRouting,
           conditionalGroupActivation: queue.conditionalGroupActivation)
    }

    /// The routing groups of a queue body.
    static func of(_ queue: QueueRequest) -> [MemberGroup] {
        of(bullseye: queue.bullseye, conditionalGroupRouting: queue.conditionalGroupRouting,
           conditionalGroupActivation: queue.conditionalGroupActivation)
    }

    /// Every skill group id a queue reaches: its own `SKILLGROUP` member groups and its routing groups'.
    static func skillGroupIDs(of queue: RoutingQueue) -> [String] {
        ((queue.memberGroups ?? []) + of(queue)).filter { $0.type == .skillGroup }.compactMap(\.id)
    }
}
