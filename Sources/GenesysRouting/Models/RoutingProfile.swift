public import RoutingModels

/// An agent's routing profile: the skills and languages assigned to one user.
public struct RoutingProfile: Sendable, Hashable {
    /// The user's id.
    public var userID: String
    /// The user, when the profile came from a user listing (``RoutingAPI/listRoutingProfiles(userIDs:pageSize:logger:)``);
    /// `nil` from ``RoutingAPI/getRoutingProfile(userID:logger:)``.
    public var user: User?
    /// The assigned routing skills (`id` = organisation skill id).
    public var skills: [UserRoutingSkill]
    /// The assigned routing languages (`id` = organisation language id).
    public var languages: [UserRoutingLanguage]

    /// Creates a profile.
    public init(userID: String, user: User? = nil, skills: [UserRoutingSkill] = [], languages: [UserRoutingLanguage] = []) {
        self.userID = userID
        self.user = user
        self.skills = skills
        self.languages = languages
    }
}
