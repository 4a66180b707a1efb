import GenesysCore
import RoutingModels

/// Shared state of one apply run.
actor ApplyProgress {
    private var createdIDs: [ObjectRef: String] = [:]
    private var failed: Set<ObjectRef> = []
    private(set) var halted: String?
    private(set) var touchedGroups: [String] = []

    func register(_ ref: ObjectRef, id: String) { createdIDs[ref] = id }

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

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
