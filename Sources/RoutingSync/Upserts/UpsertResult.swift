/// What an upsert (``RoutingSync/upsertSkill(_:logger:)`` and its siblings) did to one object: its id and
/// whether it was created, updated or already matched.
public struct UpsertResult: Sendable, Hashable, CustomStringConvertible {
    /// What happened to the object.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The object did not exist and was created (or, when another writer created it under the same name
        /// at the same moment, adopted: see ``RoutingSync/upsertSkill(_:logger:)``).
        case created
        /// The object existed and the fields the call manages were changed.
        case updated
        /// The object existed and already matched: nothing was written.
        case unchanged
    }

    /// The kind of object.
    public var kind: PlannedChange.Kind
    /// The object's name as given (an agent's: the user as given, `jane@example.com` or `id:<userId>`).
    public var name: String
    /// The object's id (an agent's: the user's id).
    public var id: String
    /// What happened.
    public var outcome: Outcome
    /// The fields that changed (for a create: the values set); empty when unchanged.
    public var changes: [FieldChange]

    /// Creates a result.
    public init(kind: PlannedChange.Kind, name: String, id: String, outcome: Outcome, changes: [FieldChange] = []) {
        self.kind = kind
        self.name = name
        self.id = id
        self.outcome = outcome
        self.changes = changes
    }

    /// `created skill "Billing" (id …)`.
    public var description: String { "\(outcome.rawValue) \(kind.rawValue) \"\(name)\" (id \(id))" }
}
