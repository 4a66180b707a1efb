#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A Genesys Cloud user (`User`), reduced to what a routing tool needs.
///
/// Returned by `/api/v2/users`, user search and queue-member expansions. The spec's large
/// expansion tree (presence, station, authorization, locations, groups, team, manager, images,
/// addresses, …) is not modelled; those fields are ignored when decoding. ``skills`` and
/// ``languages`` are present with `expand=skills` / `expand=languages`.
public struct User: Codable, Sendable, Hashable {
    /// The user id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The user's full name.
    public var name: String?
    /// The user's division.
    public var division: Division?
    /// The user's chat identity.
    public var chat: Chat?
    /// The user's department.
    public var department: String?
    /// The user's email address.
    public var email: String?
    /// The user's state. Read-only: set by the server.
    public var state: SkillState?
    /// The user's job title.
    public var title: String?
    /// The user's login name.
    public var username: String?
    /// The user's version (integer); must equal the current value when PATCHing the user.
    public var version: Int?
    /// The user's certifications.
    public var certifications: [String]?
    /// The agent's preferred full name.
    public var preferredName: String?
    /// The user's routing status (with `expand=routingStatus`). Read-only: set by the server.
    public var routingStatus: RoutingStatus?
    /// Profile skills (with `expand=profileSkills`). Read-only: set by the server.
    public var profileSkills: [String]?
    /// Routing (ACD) skills (with `expand=skills`). Read-only: set by the server.
    public var skills: [UserRoutingSkill]?
    /// Routing (ACD) languages (with `expand=languages`). Read-only: set by the server.
    public var languages: [UserRoutingLanguage]?
    /// Whether ACD interactions are auto-answered for this user.
    public var acdAutoAnswer: Bool?
    /// The user's preferred language. Read-only: set by the server.
    public var languagePreference: String?
    /// The last time the user logged in with username and password (with `expand=dateLastLogin`).
    /// Read-only: set by the server.
    public var dateLastLogin: Date?
    /// When the user's welcome email was sent (with `expand=dateWelcomeSent`). Read-only: set by
    /// the server.
    public var dateWelcomeSent: Date?
    /// The user's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a user; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        chat: Chat? = nil,
        department: String? = nil,
        email: String? = nil,
        state: SkillState? = nil,
        title: String? = nil,
        username: String? = nil,
        version: Int? = nil,
        certifications: [String]? = nil,
        preferredName: String? = nil,
        routingStatus: RoutingStatus? = nil,
        profileSkills: [String]? = nil,
        skills: [UserRoutingSkill]? = nil,
        languages: [UserRoutingLanguage]? = nil,
        acdAutoAnswer: Bool? = nil,
        languagePreference: String? = nil,
        dateLastLogin: Date? = nil,
        dateWelcomeSent: Date? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.chat = chat
        self.department = department
        self.email = email
        self.state = state
        self.title = title
        self.username = username
        self.version = version
        self.certifications = certifications
        self.preferredName = preferredName
        self.routingStatus = routingStatus
        self.profileSkills = profileSkills
        self.skills = skills
        self.languages = languages
        self.acdAutoAnswer = acdAutoAnswer
        self.languagePreference = languagePreference
        self.dateLastLogin = dateLastLogin
        self.dateWelcomeSent = dateWelcomeSent
        self.selfUri = selfUri
    }
}

/// A user's chat identity (`Chat`).
public struct Chat: Codable, Sendable, Hashable {
    /// The user's Jabber id (usable as the `jabberId` filter of `GET /api/v2/users`).
    public var jabberId: String?

    /// Creates a chat identity.
    public init(jabberId: String? = nil) {
        self.jabberId = jabberId
    }
}
