import RoutingModels

extension Planner {
    // MARK: - Prune

    /// Under prune, a delete for every object the snapshot lists that no declared object claims: queues,
    /// then skill groups, then skills, languages and wrap-up codes (each in name order).
    func pruneDeletions() -> [PlannedChange] {
        guard prune else { return [] }
        return deletions(current.queues, kind: .queue, name: \.queue.name, id: \.queue.id, operation: { .deleteQueue(id: $0) })
            + deletions(current.skillGroups, kind: .skillGroup, name: \.group.name, id: \.group.id, operation: { .deleteSkillGroup(id: $0) })
            + deletions(current.skills, kind: .skill, name: \.name, id: \.id, operation: { .deleteSkill(id: $0) })
            + deletions(current.languages, kind: .language, name: \.name, id: \.id, operation: { .deleteLanguage(id: $0) })
            + deletions(current.wrapupCodes, kind: .wrapupCode, name: \.name, id: \.id, operation: { .deleteWrapupCode(id: $0) })
    }

    private func deletions<Item>(
        _ items: [Item]?, kind: PlannedChange.Kind, name: (Item) -> String?, id: (Item) -> String?,
        operation: (String) -> Operation
    ) -> [PlannedChange] {
        (items ?? []).compactMap { item -> PlannedChange? in
            guard let itemID = id(item), !claimed.contains(itemID) else { return nil }
            return PlannedChange(action: .delete, kind: kind, name: name(item) ?? itemID, existingID: itemID, fields: [],
                                 dependsOn: [], operation: operation(itemID))
        }
        .sorted { NameOrder.precedes($0.name, $1.name) }
    }
}
