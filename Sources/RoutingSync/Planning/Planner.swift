import RoutingModels

/// The pure diff between a ``DesiredState`` and an ``OrgSnapshot`` (no I/O).
///
/// Resolution first (identity by exact name, ambiguity, references), collecting every problem; then a
/// per-object comparison of only the fields the file writes; then the changes in apply order.
///
/// This file holds the shared state; each kind is planned in its own file: `Planner+Definitions.swift`
/// (skills, languages, wrap-up codes), `Planner+SkillGroups.swift`, `Planner+Queues.swift` (the queue's
/// managed fields are compared in `Planner+QueueFields.swift`), `Planner+Agents.swift` and
/// `Planner+Prune.swift`. Names and references resolve in `Planner+Resolution.swift`.
struct Planner {
    let desired: DesiredState
    let current: OrgSnapshot
    let prune: Bool
    let file: String
    /// The snapshot's divisions and users, indexed once (`nil` when not read).
    let divisionIndex: NameIndex<AuthzDivision>?
    let userIndex: UserIndex?

    /// Every problem found so far (planning continues, so all are reported at once).
    private(set) var problems: [ValidationProblem] = []

    /// The changes in apply order: `run()` plans the kinds in the order of their tiers (skills, languages,
    /// wrap-up codes; skill groups; queues; agents), each appending its own; deletions come last.
    var changes: [PlannedChange] = []
    /// Queues' references to queues created in this run: planned with the queues, appended after all of
    /// them (their own tier, ``Tier/queueReferences``).
    var queueReferenceChanges: [PlannedChange] = []
    /// Declared objects that already match the file.
    var unchanged: [ObjectRef] = []

    /// How each declared name resolved, per kind (what references to it use).
    var skillIDs: [String: Resolution] = [:]
    var languageIDs: [String: Resolution] = [:]
    var wrapupCodeIDs: [String: Resolution] = [:]
    var skillGroupIDs: [String: Resolution] = [:]

    /// Existing objects a declared object claims (kept under prune).
    var claimed: Set<String> = []

    /// Division problems already reported (`object|field|name`), so each is reported once.
    var divisionProblems: Set<String> = []

    init(desired: DesiredState, current: OrgSnapshot, prune: Bool) {
        self.desired = desired
        self.current = current
        self.prune = prune
        self.file = desired.source?.fileName ?? "desired state"
        self.divisionIndex = current.divisions.map { NameIndex($0, name: \.name) }
        self.userIndex = current.agents.map(UserIndex.init)
    }

    // MARK: - Entry point

    static func plan(desired: DesiredState, current: OrgSnapshot, options: PlanOptions) throws(SyncError) -> SyncPlan {
        var planner = Planner(desired: desired, current: current, prune: options.prune ?? desired.policy.prune)
        planner.run()
        if !planner.problems.isEmpty {
            let problems = planner.problems.sorted(by: ValidationProblem.precedes)
            throw SyncError(code: Self.code(of: problems), problems: problems)
        }
        return planner.makePlan()
    }

    /// The error code for planning problems: ambiguity first, then unresolved references, then missing fields.
    static func code(of problems: [ValidationProblem]) -> SyncError.Code {
        if problems.contains(where: { $0.code == .ambiguousName }) { return .ambiguousName }
        if problems.contains(where: { $0.code == .unresolvedReference }) { return .unresolvedReference }
        if problems.contains(where: { $0.code == .missingField }) { return .incompleteDefinition }
        return .incompleteSnapshot
    }

    mutating func run() {
        changes.reserveCapacity(
            desired.skills.count + desired.languages.count + desired.wrapupCodes.count + desired.skillGroups.count
                + desired.queues.count + desired.agents.count
        )
        requirePruneLists()
        // The default division must resolve even when no object falls back to it (reported once).
        if let name = desired.defaults.division, current.divisions != nil {
            _ = divisionID(name, object: "defaults", field: "division")
        }
        planSkills()
        planLanguages()
        planWrapupCodes()
        planSkillGroups()
        planQueues()
        planAgents()
    }

    mutating func makePlan() -> SyncPlan {
        changes += pruneDeletions()
        return SyncPlan(changes: changes, unchanged: unchanged, warnings: desired.warnings, prune: prune)
    }

    // MARK: - Problems

    mutating func report(_ code: ValidationProblem.Code, object: String, field: String?, _ message: String) {
        let source = desired.source
        let line = field.flatMap { source?.fieldLines["\(object).\($0)"] } ?? source?.lines[object]
        problems.append(ValidationProblem(code: code, file: file, line: line, object: object, field: field, message: message))
    }

    mutating func requireSnapshot<T>(_ value: T?, _ what: String, object: String) -> T? {
        if value == nil {
            report(.invalidValue, object: object, field: nil, "the org snapshot does not include \(what) (read it with readOrg(for:) for this file)")
        }
        return value
    }

    /// Prune deletes what the snapshot lists but the file does not declare, so every prunable list must have
    /// been read (a snapshot read for the file without prune, then planned with the override, lacks some).
    mutating func requirePruneLists() {
        guard prune else { return }
        let lists: [(read: Bool, what: String)] = [
            (current.skills != nil, "skills"), (current.languages != nil, "languages"), (current.wrapupCodes != nil, "wrap-up codes"),
            (current.skillGroups != nil, "skill groups"), (current.queues != nil, "queues"),
        ]
        let missing = lists.filter { !$0.read }.map(\.what)
        guard !missing.isEmpty else { return }
        report(.invalidValue, object: "policy", field: "prune",
               "prune deletes every undeclared skill, language, wrap-up code, skill group and queue, but the org snapshot does not include \(missing.joined(separator: ", ")) (read it with readOrg(for:) for the file with policy.prune set)")
    }

    // MARK: - Values shown in a plan

    static func ids<Item>(_ items: [Item], _ id: (Item) -> String?) -> String {
        items.compactMap(id).map { "id \($0)" }.joined(separator: ", ")
    }

    /// A dictionary's entries in ``NameOrder`` of their keys, each key folded once (not at every comparison).
    static func inNameOrder<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
        dictionary.map { (folded: $0.key.lowercased(), entry: $0) }
            .sorted { $0.folded != $1.folded ? $0.folded < $1.folded : $0.entry.key < $1.entry.key }
            .map(\.entry)
    }

    static func names(_ values: [String]) -> ConfigValue {
        .array(values.sorted(by: NameOrder.precedes).map(ConfigValue.string))
    }
}

/// Options for planning.
public struct PlanOptions: Sendable, Hashable {
    /// Overrides the file's `policy.prune` (the CLI's `--prune`); `nil` keeps the file's.
    public var prune: Bool?

    /// Creates options.
    public init(prune: Bool? = nil) {
        self.prune = prune
    }
}
