import GenesysCore
import GenesysRouting
import Logging
import RoutingModels

/// What one change of a plan sends: its ``Operation`` turned into requests, under one deadline
/// (``RoutingSync/Configuration/changeTimeout``), waiting out the org's eventual consistency, and (for
/// creates) adopting an object a lost create made (``CreateOrAdopt``). Records created ids, failures and
/// a halt in the run's shared ``ApplyProgress``.
struct ChangeExecutor: Sendable {
    let routing: RoutingAPI
    let configuration: RoutingSync.Configuration
    let progress: ApplyProgress
    let logger: Logger

    /// Create-or-adopt for this run's creates.
    var adoption: CreateOrAdopt {
        CreateOrAdopt(clock: routing.client.clock, consistencyTimeout: configuration.consistencyTimeout, logger: logger)
    }

    /// Runs one change and records its outcome; never throws.
    ///
    /// A change is skipped when the run has halted or a change it depends on failed. An authentication
    /// failure halts the run; a cancellation halts it as `cancelled`.
    func run(_ change: PlannedChange) async -> ChangeResult {
        func result(_ status: ChangeResult.Status, _ error: String? = nil) -> ChangeResult {
            ChangeResult(kind: change.kind, name: change.name, action: change.action, status: status, error: error)
        }
        if let reason = await progress.halted {
            await progress.markFailed(change.object)
            return result(.skipped, "not attempted: the run halted (\(reason))")
        }
        if let failed = await progress.firstFailed(of: change.dependsOn) {
            await progress.markFailed(change.object)
            return result(.skipped, "depends on \(failed), which was not applied")
        }
        guard let operation = change.operation else {
            await progress.markFailed(change.object)
            return result(.skipped, "this change carries no operation (it was not planned by RoutingSync) and cannot be applied; plan again")
        }
        let deadline = GenesysDeadline(
            timeout: configuration.changeTimeout, clock: routing.client.clock,
            label: "\(change.action.rawValue) \(change.kind.rawValue) \"\(change.name)\"")
        do {
            try await deadline.run { try await execute(operation, change: change) }
            logger.debug("routing sync applied", metadata: ["change": "\(change.action.rawValue) \(change.kind.rawValue) \(change.name)"])
            var applied = result(.applied)
            applied.objectID = await progress.createdID(of: change.object) ?? change.existingID
            return applied
        } catch let error as GenesysError {
            await progress.markFailed(change.object)
            if error.code == .unauthorized || error.code == .authenticationFailed {
                await progress.halt("authentication failed: \(error.localizedMessage)")
            }
            logger.debug("routing sync change failed", metadata: ["change": "\(change.id)", "error": "\(error)"])
            var failed = result(.failed, error.localizedMessage)
            failed.failure = error
            return failed
        } catch is CancellationError {
            await progress.markFailed(change.object)
            await progress.halt("cancelled")
            return result(.failed, "cancelled")
        } catch {
            await progress.markFailed(change.object)
            return result(.failed, "\(error)")
        }
    }

    /// Sends what `operation` needs.
    func execute(_ operation: Operation, change: PlannedChange) async throws {
        let routing = self.routing
        let ref = change.object
        switch operation {
        case .createSkill(let name, let divisionID):
            let id = try await adoption.create(name: name) {
                try await routing.createSkill(CreateRoutingSkill(name: name, divisionId: divisionID), logger: logger).id
            } find: {
                try await routing.findSkill(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .moveSkill(let id, let divisionID):
            _ = try await routing.moveSkill(id: id, toDivision: divisionID, logger: logger)
        case .deleteSkill(let id):
            try await deleting { try await routing.deleteSkill(id: id, logger: logger) }
        case .createLanguage(let name):
            let id = try await adoption.create(name: name) {
                try await routing.createLanguage(Language(name: name), logger: logger).id
            } find: {
                try await routing.findLanguage(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .deleteLanguage(let id):
            try await deleting { try await routing.deleteLanguage(id: id, logger: logger) }
        case .createWrapupCode(let name, let divisionID):
            let request = WrapupCodeRequest(name: name, division: divisionID.map { Division(id: $0) })
            let id = try await adoption.create(name: name) {
                try await routing.createWrapupCode(request, logger: logger).id
            } find: {
                try await routing.findWrapupCode(named: name, logger: logger)?.id
            }
            await progress.register(ref, id: id)
        case .updateWrapupCode(let id, let request):
            _ = try await routing.updateWrapupCode(id: id, request, logger: logger)
        case .deleteWrapupCode(let id):
            try await deleting { try await routing.deleteWrapupCode(id: id, logger: logger) }
        case .createSkillGroup(let write):
            try await createSkillGroup(write, change: change)
        case .updateSkillGroup(let id, let write):
            try await updateSkillGroup(id: id, write)
        case .deleteSkillGroup(let id):
            try await deleting { try await routing.deleteSkillGroup(id: id, logger: logger) }
        case .createQueue(let write):
            try await createQueue(write, change: change)
        case .updateQueue(let id, let write):
            try await updateQueue(id: id, write)
        case .deleteQueue(let id):
            try await deleting { try await routing.deleteQueue(id: id, logger: logger) }
        case .writeQueueReferences(let queue, let write):
            try await writeQueueReferences(queue, write)
        case .updateAgent(let write):
            try await updateAgent(write)
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
