import GenesysCore
import RoutingModels

/// The queue settings a queue write sends, with every name it uses resolved (objects created earlier in the
/// same apply are filled in when the write runs).
struct QueueSettingsWrite: Sendable, Hashable {
    /// The complete settings to write (the file's over the org's).
    var settings: QueueSettings
    /// The id of every queue, skill group and skill name the settings use.
    var references: [QueueReferenceKind: [String: ObjectID]]
    /// Queues created in this run that the settings refer to: a queue being created is created without
    /// these references, and they are written in a later step, once every queue exists.
    var laterQueues: Set<String> = []

    /// The objects created in this run that the settings need, except the queues written later.
    var createdDependencies: [ObjectRef] {
        references.flatMap { kind, names in
            names.compactMap { name, id in kind == .queue && laterQueues.contains(name) ? nil : id.createdRef }
        }
        .sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
    }

    /// Writes the settings into a queue body.
    /// - Parameters:
    ///   - request: The body to write into.
    ///   - withoutLaterQueues: Whether to leave out the references to ``laterQueues`` (the create).
    ///   - id: The id of a referenced object (created objects' ids come from the apply so far).
    func write(
        into request: inout QueueRequest, withoutLaterQueues: Bool, id: (ObjectID) async throws -> String
    ) async throws {
        let settings = withoutLaterQueues ? settings.withoutReferences(toQueues: laterQueues) : settings
        var ids: [QueueReferenceKind: [String: String]] = [:]
        for reference in settings.references {
            guard ids[reference.kind]?[reference.name] == nil else { continue }
            guard let target = references[reference.kind]?[reference.name] else {
                throw GenesysError(code: .invalidRequest, operation: "routingSync.apply",
                                   message: "\(reference.kind.rawValue) '\(reference.name)' in \(reference.field) was not resolved")
            }
            ids[reference.kind, default: [:]][reference.name] = try await id(target)
        }
        try settings.write(into: &request) { kind, name in
            guard let id = ids[kind]?[name] else {
                throw GenesysError(code: .invalidRequest, operation: "routingSync.apply", message: "\(kind.rawValue) '\(name)' was not resolved")
            }
            return id
        }
    }
}

extension Operation {
    /// Whether the operation writes references to queues created in this run, so runs after every queue
    /// create and update (its own apply tier).
    var writesAfterQueues: Bool {
        switch self {
        case .writeQueueReferences: true
        case .updateQueue(_, let write): write.settings?.laterQueues.isEmpty == false
        default: false
        }
    }
}
