import GenesysCore
import HTTPTypes
import Logging
import RoutingModels

extension RoutingAPI {
    /// Writes `posts` to one of a user's bulk endpoints (`…/routingskills/bulk`, `…/routinglanguages/bulk`)
    /// in chunks of 50 (the official tooling's limit), each chunk retried on a user-version conflict.
    ///
    /// Every chunk is a PATCH (adds or updates, keeps the others) and an empty list sends nothing; with
    /// `replacing`, the first chunk is a PUT instead (replaces the whole set) and an empty list is sent as
    /// one PUT with `[]`.
    /// - Returns: The entities of every response combined (later wins, first positions stay).
    func writeUserBulk<Post: Encodable & Sendable, Entity: Decodable & Sendable>(
        _ posts: [Post], path: String, replacing: Bool = false, id: (Entity) -> String?, operation: String,
        logger: Logger?
    ) async throws -> [Entity] {
        let chunks = replacing && posts.isEmpty ? [[]] : posts.chunked(into: 50)
        var responses: [[Entity]] = []
        for (index, chunk) in chunks.enumerated() {
            let method: HTTPRequest.Method = replacing && index == 0 ? .put : .patch
            let page = try await retryingVersionConflicts(operation: operation, logger: logger) {
                try await call(
                    method, path, json: Array(chunk), operation: operation, isIdempotent: true,
                    as: EntityListing<Entity>.self, logger: logger)
            }
            responses.append(page.entities ?? [])
        }
        return Array.mergedByID(responses, id: id)
    }
}
