/// What an upsert (``RoutingSync/upsertSkill(_:logger:)`` and its siblings) did to one object: its id and
/// whether it was created, updated or already matched.
///
/// The upserts are idempotent, per-object calls for Swift services: "make sure this exists and looks like
/// this". ``RoutingSync/upsertSkill(_:logger:)``, ``RoutingSync/upsertLanguage(_:logger:)``,
/// ``RoutingSync/upsertWrapupCode(_:logger:)``, ``RoutingSync/upsertSkillGroup(_:logger:)``,
/// ``RoutingSync/upsertQueue(_:members:logger:)`` and ``RoutingSync/upsertRoutingProfile(_:mode:logger:)``
/// take one object; ``RoutingSync/upsertSkills(_:logger:)``, ``RoutingSync/upsertLanguages(_:logger:)``,
/// ``RoutingSync/upsertWrapupCodes(_:logger:)`` and ``RoutingSync/upsertRoutingProfiles(_:mode:logger:)``
/// take many with one read and one plan.
///
/// ```swift
/// let sync = RoutingSync(routing: routing)
/// let billing = try await sync.upsertSkill(SkillSpec(name: "Billing"))   // .created, then .unchanged
/// try await sync.upsertRoutingProfiles(
///     agents.map { AgentSpec(user: .email($0), skills: ["Billing": 4]) }, mode: .additive)
/// ```
///
/// Each call builds a one-object (or, for the batch forms, one-kind) ``DesiredState`` whose policy never
/// prunes, and runs it through the same validate → read → plan → apply path as a file
/// (``RoutingSync/apply(_:options:concurrency:logger:)``): identity by exact name, the same ``SyncError`` for
/// an ambiguous name or an unknown reference, the same adoption of creates whose answer was lost, the same
/// waiting out of the org's consistency lag, the same per-change deadline, metrics and spans. Calling again
/// with the same arguments writes nothing and reports ``UpsertResult/Outcome/unchanged``. A reference to an
/// object created moments ago (a skill named in a skill group's conditions or an agent's profile) that the
/// org does not list yet is planned again from a fresh read, backing off on the client's clock within
/// ``RoutingSync/Configuration/consistencyTimeout``; after that it is the file's
/// ``SyncError/Code/unresolvedReference``.
///
/// **Only what is written is managed.** A property left `nil` is neither compared nor changed, exactly as
/// in a file: upserting a queue without `members` leaves its members alone, a skill without a division
/// stays in whatever division it is in (a new one goes to the home division), a skill group without
/// `conditions` keeps its conditions. Nothing is ever deleted.
///
/// What the calls cannot promise is what the file path cannot either (see ``RoutingSync/apply(_:concurrency:logger:onProgress:)``):
/// identity is the exact name, so two callers upserting the same name at the same moment end with one
/// object only where the org refuses a duplicate name (409 naming the existing object, which is then
/// adopted and both get its id, as the in-memory `FakeGenesysOrg` does) — whether Genesys does is not
/// established; and an object created moments ago can be missing from listings (the search index lags), so
/// a second upsert of the same name right after the first relies on that same refusal.
public struct UpsertResult: Sendable, Hashable, CustomStringConvertible {
    /// What happened to the object.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The object did not exist and was created (or, when another writer created it under the same name
        /// at the same moment, adopted: see ``UpsertResult``).
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
