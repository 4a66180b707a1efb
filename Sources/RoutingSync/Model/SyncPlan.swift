/// An object a plan talks about: its kind and name.
public struct ObjectRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind.
    public var kind: PlannedChange.Kind
    /// The name (an agent's is the user's email).
    public var name: String

    /// Creates a reference.
    public init(kind: PlannedChange.Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// `skill "Billing"`.
    public var description: String { "\(kind.rawValue) \"\(name)\"" }
}

/// One field of a ``PlannedChange``: its current and its desired value.
public struct FieldChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field, such as `description`, `mediaSettings.call.alertingTimeoutSeconds`, `skills[Billing]`.
    public var field: String
    /// The current value; `nil` when the field has none (or the object is being created).
    public var from: ConfigValue?
    /// The desired value; `nil` when the value is being removed.
    public var to: ConfigValue?

    /// Creates a field change.
    public init(field: String, from: ConfigValue?, to: ConfigValue?) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// One readable line: `description: "old" → "new"`, `skills[Billing]: (none) → 4`.
    public var description: String {
        "\(field): \(from.map(\.compactText) ?? "(none)") → \(to.map(\.compactText) ?? "(none)")"
    }

    enum CodingKeys: String, CodingKey { case field, from, to }

    /// Encodes `field`, `from` and `to` (`null` when absent).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(from ?? .null, forKey: .from)
        try container.encode(to ?? .null, forKey: .to)
    }

    /// Decodes; `null` becomes `nil`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(String.self, forKey: .field)
        let from = try container.decodeIfPresent(ConfigValue.self, forKey: .from)
        let to = try container.decodeIfPresent(ConfigValue.self, forKey: .to)
        self.from = from == .null ? nil : from
        self.to = to == .null ? nil : to
    }
}

/// One change a plan makes to one object.
///
/// Encodes as in the CLI's JSON output (`Documentation/CLI.md`):
/// `{"action", "kind", "name", "fields": [{"field", "from", "to"}]}` (`fields` left out when empty). A
/// decoded change describes the change; it carries no operation and cannot be applied.
public struct PlannedChange: Sendable, Hashable, Codable, Identifiable, CustomStringConvertible {
    /// What happens to the object.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// A new object.
        case create
        /// Fields of an existing object change.
        case update
        /// The object is deleted and created again. Reserved: format version 1 can change every managed
        /// field in place, so plans do not produce it yet.
        case replace
        /// The object is deleted (only under `prune`).
        case delete
    }

    /// The kind of object.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A routing skill.
        case skill
        /// A routing language.
        case language
        /// A wrap-up code.
        case wrapupCode
        /// A skill group.
        case skillGroup
        /// A queue.
        case queue
        /// An agent's routing profile (named by the user's email).
        case agent
    }

    /// What happens.
    public var action: Action
    /// The kind of object.
    public var kind: Kind
    /// The object's (new) name; an agent's is the user's email.
    public var name: String
    /// The id of the existing object (updates and deletes); not encoded.
    public var existingID: String?
    /// The fields that change, in a stable order (for creates: the values set).
    public var fields: [FieldChange]
    /// Objects created in the same plan that this change needs (a queue needs its new skill group); if
    /// one of them fails, this change is skipped. Not encoded.
    public var dependsOn: [ObjectRef]
    /// What apply does; `nil` for a change built by hand or decoded from JSON (it cannot be applied). Not encoded.
    var operation: Operation?

    /// `kind "name"` with its action.
    public var id: String { "\(action.rawValue) \(kind.rawValue) \(name)" }

    /// The object.
    public var object: ObjectRef { ObjectRef(kind: kind, name: name) }

    /// Creates a change (without an operation: such a change is reported as not applicable by apply).
    public init(
        action: Action, kind: Kind, name: String, existingID: String? = nil, fields: [FieldChange] = [],
        dependsOn: [ObjectRef] = []
    ) {
        self.action = action
        self.kind = kind
        self.name = name
        self.existingID = existingID
        self.fields = fields
        self.dependsOn = dependsOn
    }

    init(
        action: Action, kind: Kind, name: String, existingID: String?, fields: [FieldChange], dependsOn: [ObjectRef],
        operation: Operation
    ) {
        self.init(action: action, kind: kind, name: name, existingID: existingID, fields: fields, dependsOn: dependsOn)
        self.operation = operation
    }

    /// `update queue "Billing Support": description: "a" → "b"; …`.
    public var description: String {
        var text = "\(action.rawValue) \(kind.rawValue) \"\(name)\""
        if !fields.isEmpty { text += ": " + fields.map(\.description).joined(separator: "; ") }
        return text
    }

    enum CodingKeys: String, CodingKey { case action, kind, name, fields }

    /// Encodes `action`, `kind`, `name` and (when not empty) `fields`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action, forKey: .action)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
    }

    /// Decodes a change (it carries no operation and cannot be applied).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            action: try container.decode(Action.self, forKey: .action),
            kind: try container.decode(Kind.self, forKey: .kind),
            name: try container.decode(String.self, forKey: .name),
            fields: try container.decodeIfPresent([FieldChange].self, forKey: .fields) ?? []
        )
    }
}

/// The difference between a desired state and an org: what apply would do, in the order it would do it.
///
/// Produced by the pure ``RoutingSync/plan(desired:current:options:)`` (no I/O) or by
/// ``RoutingSync/plan(_:options:logger:)`` (read, then plan). A plan with no changes means the org matches
/// the file; that is also how drift is detected (``RoutingSync/detectDrift(_:options:logger:)``).
///
/// A plan is what ``RoutingSync/apply(_:concurrency:logger:onProgress:)`` executes: each change carries the
/// requests it needs, worked out from the org it was planned against. It is therefore not `Codable`; its
/// JSON form (what the CLI's `--format json` and `-o` write) is a ``SyncPlanDocument``, which describes
/// the plan and cannot be applied — to apply later, plan again.
public struct SyncPlan: Sendable, Hashable {
    /// Counts per action.
    public struct Summary: Sendable, Hashable, Codable {
        /// Objects created.
        public var create: Int
        /// Objects updated.
        public var update: Int
        /// Objects replaced.
        public var replace: Int
        /// Objects deleted.
        public var delete: Int
        /// Declared objects that already match.
        public var unchanged: Int

        /// Creates a summary.
        public init(create: Int = 0, update: Int = 0, replace: Int = 0, delete: Int = 0, unchanged: Int = 0) {
            self.create = create
            self.update = update
            self.replace = replace
            self.delete = delete
            self.unchanged = unchanged
        }
    }

    /// The changes in apply order: skills, languages, wrap-up codes; skill groups; queues; agents; then
    /// deletions of queues, skill groups, and skills, languages, wrap-up codes.
    public var changes: [PlannedChange]
    /// Declared objects that already match the file (counted in ``summary``).
    public var unchanged: [ObjectRef]
    /// Warnings from loading the file and from planning.
    public var warnings: [ValidationProblem]
    /// Whether deletions were allowed (the file's policy or the caller's override).
    public var prune: Bool
    /// The routing impact: eligible agents before → after per skill group and queue that changes; `nil`
    /// when not previewed (``RoutingSync/plan(_:options:previewingImpact:logger:)``).
    public var impact: RoutingImpact?
    /// The unchanged count of a plan rebuilt from a report's JSON (``SyncReport``), whose unchanged
    /// objects are not in the JSON.
    var recordedUnchanged = 0

    /// Creates a plan.
    public init(changes: [PlannedChange], unchanged: [ObjectRef] = [], warnings: [ValidationProblem] = [], prune: Bool = false) {
        self.changes = changes
        self.unchanged = unchanged
        self.warnings = warnings
        self.prune = prune
    }

    /// Counts per action.
    public var summary: Summary {
        var summary = Summary(unchanged: unchanged.count + recordedUnchanged)
        for change in changes {
            switch change.action {
            case .create: summary.create += 1
            case .update: summary.update += 1
            case .replace: summary.replace += 1
            case .delete: summary.delete += 1
            }
        }
        return summary
    }

    /// Whether applying would change anything.
    public var hasChanges: Bool { !changes.isEmpty }

    /// Whether every change carries what apply needs: true for a plan from ``RoutingSync``, false when a
    /// change was built by hand or decoded (such changes are skipped by apply).
    public var isApplicable: Bool { changes.allSatisfy { $0.operation != nil } }

    /// The plan's JSON document (``SyncPlanDocument``).
    public var document: SyncPlanDocument { SyncPlanDocument(self) }
}
