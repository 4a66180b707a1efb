/// A step of an apply: the changes of one tier run concurrently, and a tier starts only when the one
/// before it has ended, so every object exists before anything refers to it (and is no longer referred
/// to when it is deleted).
///
/// The raw value is the tier's number in traces (`GenesysSpans.Attribute.tier`).
enum Tier: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Creates and updates of skills, languages and wrap-up codes.
    case definitions = 0
    /// Creates and updates of skill groups (their conditions name skills and languages).
    case skillGroups = 1
    /// Creates and updates of queues (they name skill groups, wrap-up codes and members).
    case queues = 2
    /// Queues' references to queues created in this run (conditional group routing and activation, the
    /// direct-routing backup queue), once every queue exists: so queues that refer to each other apply in
    /// one run.
    case queueReferences = 3
    /// Agents' routing profiles (skills and languages).
    case agents = 4
    /// Deletes of queues (nothing refers to them any more).
    case queueDeletes = 5
    /// Deletes of skill groups (after the queues that named them).
    case skillGroupDeletes = 6
    /// Deletes of skills, languages and wrap-up codes (after the groups and queues that named them).
    case definitionDeletes = 7

    /// The tier a change runs in.
    init(of change: PlannedChange) {
        if change.operation?.writesAfterQueues == true {
            self = .queueReferences
            return
        }
        switch (change.action, change.kind) {
        case (.delete, .queue): self = .queueDeletes
        case (.delete, .skillGroup): self = .skillGroupDeletes
        case (.delete, _): self = .definitionDeletes
        case (_, .skill), (_, .language), (_, .wrapupCode): self = .definitions
        case (_, .skillGroup): self = .skillGroups
        case (_, .queue): self = .queues
        case (_, .agent): self = .agents
        }
    }

    static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
}
