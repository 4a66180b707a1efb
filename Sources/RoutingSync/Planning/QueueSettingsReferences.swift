/// The kinds of object queue settings refer to by name.
enum QueueReferenceKind: String, Sendable, Hashable, CaseIterable {
    case queue
    case skillGroup = "skill group"
    case skill
}

/// One name reference in queue settings, with the field it is written in
/// (`conditionalGroupRouting.rules[0].queue`, `bullseye.rings[1].skillGroups[0]`).
struct QueueSettingsReference: Sendable, Hashable {
    var kind: QueueReferenceKind
    var name: String
    var field: String
}

/// Names ↔ ids of the queues, skill groups and skills queue settings refer to.
///
/// An id the table does not know is shown as `id:<id>` (an object the org answered with but the snapshot
/// does not list, such as a deleted skill group still referenced by a ring), and `id:<id>` resolves back
/// to the id, so settings read from the org survive a round trip.
struct QueueReferenceTable: Sendable, Hashable {
    private var ids: [QueueReferenceKind: [String: String]] = [:]
    private var names: [QueueReferenceKind: [String: String]] = [:]

    init() {}

    /// Records that `name` is `id`; the first name recorded for an id is the one shown.
    mutating func record(_ kind: QueueReferenceKind, name: String, id: String) {
        ids[kind, default: [:]][name] = id
        if names[kind]?[id] == nil { names[kind, default: [:]][id] = name }
    }

    /// Records every queue, skill group and skill of `snapshot` under its name in the org (after whatever
    /// was recorded before, which keeps the name it is shown under).
    mutating func record(_ snapshot: OrgSnapshot) {
        for queue in snapshot.queues ?? [] {
            if let id = queue.queue.id, let name = queue.queue.name { record(.queue, name: name, id: id) }
        }
        for group in snapshot.skillGroups ?? [] {
            if let id = group.group.id, let name = group.group.name { record(.skillGroup, name: name, id: id) }
        }
        for skill in snapshot.skills ?? [] {
            if let id = skill.id, let name = skill.name { record(.skill, name: name, id: id) }
        }
    }

    /// The id of a name, or `nil` when the table does not know it.
    func id(_ kind: QueueReferenceKind, _ name: String) -> String? {
        if let id = ids[kind]?[name] { return id }
        if name.hasPrefix("id:") { return String(name.dropFirst(3)) }
        return nil
    }

    /// The name to show for an id.
    func name(_ kind: QueueReferenceKind, _ id: String) -> String {
        names[kind]?[id] ?? "id:\(id)"
    }
}

extension QueueSettings {
    /// Every name reference, with the field it is written in (file vocabulary, positions from 0).
    var references: [QueueSettingsReference] {
        var found: [QueueSettingsReference] = []
        func add(_ kind: QueueReferenceKind, _ names: [String]?, _ field: String) {
            for (position, name) in (names ?? []).enumerated() {
                found.append(QueueSettingsReference(kind: kind, name: name, field: "\(field)[\(position)]"))
            }
        }
        func add(_ kind: QueueReferenceKind, _ name: String?, _ field: String) {
            if let name { found.append(QueueSettingsReference(kind: kind, name: name, field: field)) }
        }
        for (index, ring) in (bullseye?.rings ?? []).enumerated() {
            add(.skillGroup, ring.skillGroups, "bullseye.rings[\(index)].skillGroups")
            add(.skill, ring.skillsToRemove, "bullseye.rings[\(index)].skillsToRemove")
        }
        for (index, rule) in (conditionalGroupRouting?.rules ?? []).enumerated() {
            add(.queue, rule.queue, "conditionalGroupRouting.rules[\(index)].queue")
            add(.skillGroup, rule.skillGroups, "conditionalGroupRouting.rules[\(index)].skillGroups")
        }
        for (index, condition) in (conditionalGroupActivation?.pilotRule?.conditions ?? []).enumerated() {
            add(.queue, condition.queue, "conditionalGroupActivation.pilotRule.conditions[\(index)].queue")
        }
        for (index, rule) in (conditionalGroupActivation?.rules ?? []).enumerated() {
            for (position, condition) in (rule.conditions ?? []).enumerated() {
                add(.queue, condition.queue, "conditionalGroupActivation.rules[\(index)].conditions[\(position)].queue")
            }
            add(.skillGroup, rule.skillGroups, "conditionalGroupActivation.rules[\(index)].skillGroups")
        }
        add(.queue, directRouting?.backupQueue, "directRouting.backupQueue")
        return found
    }

    /// Whether a setting holds a reference to one of these queue names.
    func refersToQueues(in names: Set<String>) -> Bool {
        references.contains { $0.kind == .queue && names.contains($0.name) }
    }

    /// These settings without the references to the given queues: the conditional group routing and
    /// activation that name one are left out, and so is the direct-routing backup queue. What a queue
    /// created in this run is created with before the queues it refers to exist.
    func withoutReferences(toQueues names: Set<String>) -> QueueSettings {
        var settings = self
        if let rules = conditionalGroupRouting?.rules, rules.contains(where: { $0.queue.map(names.contains) ?? false }) {
            settings.conditionalGroupRouting = nil
        }
        if let activation = conditionalGroupActivation {
            let conditions = (activation.pilotRule?.conditions ?? []) + (activation.rules ?? []).flatMap { $0.conditions ?? [] }
            if conditions.contains(where: { $0.queue.map(names.contains) ?? false }) { settings.conditionalGroupActivation = nil }
        }
        if let backup = directRouting?.backupQueue, names.contains(backup) {
            settings.directRouting?.backupQueue = nil
        }
        return settings
    }
}

extension QueueSettings {
    /// The skills these settings refer to by name (bullseye rings' `skillsToRemove`).
    var referencedSkillNames: Set<String> {
        Set((bullseye?.rings ?? []).flatMap { $0.skillsToRemove ?? [] })
    }
}
