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

    /// The checks and clean-up for the elements of a user's bulk skill or language write: the user id and
    /// every element are checked (id present, proficiency 0.0–5.0; fields named `<field>[index]`), then
    /// duplicates are removed (each id keeps its first position and its last value) and only the writable
    /// fields, rebuilt with `writable(id, proficiency)`, are kept.
    static func checkedUserBulkPosts<Post>(
        userID: String, _ posts: [Post], field: String, operation: String,
        id: (Post) -> String?, proficiency: (Post) -> Double?, writable: (String?, Double?) -> Post
    ) throws -> [Post] {
        try Validate.id(userID, "userID", operation)
        for (index, post) in posts.enumerated() {
            try Validate.name(id(post), "\(field)[\(index)].id", operation)
            try Validate.proficiency(proficiency(post), "\(field)[\(index)].proficiency", operation)
        }
        return posts.uniqued(by: { id($0) ?? "" }).map { writable(id($0), proficiency($0)) }
    }
}
