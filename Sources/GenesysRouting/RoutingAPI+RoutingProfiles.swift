public import GenesysCore
import HTTPTypes
public import Logging
public import RoutingModels

extension RoutingAPI {
    /// One user's skills and languages, read from the authoritative per-user listings.
    ///
    /// `GET /api/v2/users/{userId}/routingskills` and `GET /api/v2/users/{userId}/routinglanguages` (every
    /// page of each), sent concurrently. ``RoutingProfile/user`` is `nil`.
    public func getRoutingProfile(userID: String, logger: Logger? = nil) async throws -> RoutingProfile {
        try Validate.id(userID, "userID", Self.operation())
        async let skills = listUserRoutingSkills(userID: userID, logger: logger).collectItems()
        async let languages = listUserRoutingLanguages(userID: userID, logger: logger).collectItems()
        return RoutingProfile(userID: userID, skills: try await skills, languages: try await languages)
    }

    /// Lists users together with their skills and languages: the cheap way to read many agents' profiles.
    ///
    /// `GET /api/v2/users?expand=skills&expand=languages` (paging style A). The API describes expansions as
    /// best effort; for one user's authoritative lists use ``getRoutingProfile(userID:logger:)``. Only active
    /// users are listed (the endpoint's default state). Lazy.
    /// - Parameters:
    ///   - userIDs: Only these users (`id`, repeated); any number, fetched in chunks of 100 (each page then
    ///     holds one chunk). An empty array matches nothing and sends no request.
    ///   - pageSize: Users per page; 500 by default.
    ///   - logger: Logger for this call; the client's logger when `nil`.
    public func listRoutingProfiles(
        userIDs: [String]? = nil, pageSize: Int = 500, logger: Logger? = nil
    ) -> PageSequence<UserEntityListing, RoutingProfile> {
        usersSequence(
            operation: Self.operation(), ids: userIDs, expand: ["skills", "languages"], state: nil,
            pageSize: pageSize, logger: logger,
            item: { (user: User) in
                user.id.map { RoutingProfile(userID: $0, user: user, skills: user.skills ?? [], languages: user.languages ?? []) }
            }
        )
    }

    /// Lists the skill groups a user currently falls into.
    ///
    /// `GET /api/v2/users/{userId}/skillgroups` (paging style C; entities are full `SkillGroup`s). Lazy.
    public func listUserSkillGroups(
        userID: String, pageSize: Int = 100, logger: Logger? = nil
    ) -> PageSequence<UserSkillGroupEntityListing, SkillGroup> {
        let operation = Self.operation()
        return pagedByCursor(
            operation: operation, path: "/api/v2/users/\(Self.segment(userID))/skillgroups", pageSize: pageSize,
            validate: { try Validate.id(userID, "userID", operation) }, logger: logger)
    }
}
