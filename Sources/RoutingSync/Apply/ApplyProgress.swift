import GenesysCore
import RoutingModels

/// How far an apply has got: passed to the `onProgress` callback of
/// ``RoutingSync/apply(_:concurrency:logger:onProgress:)`` after each change.
public struct SyncProgress: Sendable, Hashable, CustomStringConvertible {
    /// Changes in the plan.
    public var total: Int
    /// Changes applied so far.
    public var applied = 0
    /// Changes that failed so far.
    public var failed = 0
    /// Changes skipped so far.
    public var skipped = 0

    /// Creates counts with nothing done yet.
    public init(total: Int) { self.total = total }

    /// Changes that have ended, whatever their outcome.
    public var done: Int { applied + failed + skipped }

    /// `applied 120/3350, failed 0, skipped 0`.
    public var description: String { "applied \(applied)/\(total), failed \(failed), skipped \(skipped)" }

    mutating func record(_ status: ChangeResult.Status) {
        switch status {
        case .applied: applied += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        }
    }
}

/// Shared state of one apply run.
actor ApplyProgress {
    private var createdIDs: [ObjectRef: String] = [:]
    private var failed: Set<ObjectRef> = []
    private(set) var halted: String?
    private(set) var touchedGroups: [String] = []

    func register(_ ref: ObjectRef, id: String) { createdIDs[ref] = id }

    /// The id a create in this run registered for `ref` (the new or adopted object's).
    func createdID(of ref: ObjectRef) -> String? { createdIDs[ref] }

    func markFailed(_ ref: ObjectRef) { failed.insert(ref) }

    func firstFailed(of refs: [ObjectRef]) -> ObjectRef? { refs.first { failed.contains($0) } }

    func halt(_ reason: String) {
        if halted == nil { halted = reason }
    }

    func touched(group id: String) {
        if !touchedGroups.contains(id) { touchedGroups.append(id) }
    }

    func id(of target: ObjectID) throws -> String {
        switch target {
        case .existing(let id): return id
        case .created(let ref):
            guard let id = createdIDs[ref] else {
                throw GenesysError(code: .invalidRequest, operation: "routingSync.apply", message: "\(ref) was not created")
            }
            return id
        }
    }
}
