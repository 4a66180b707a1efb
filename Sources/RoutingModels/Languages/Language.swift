#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An organisation routing language (`Language`), from `/api/v2/routing/languages`.
///
/// Also the body of `POST /api/v2/routing/languages` (``name`` required). There is no update call.
public struct Language: Codable, Sendable, Hashable {
    /// The language id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The language name. Required on create.
    public var name: String?
    /// When the language was last modified.
    public var dateModified: Date?
    /// The state of the language.
    public var state: SkillState?
    /// The version; no language update call takes it.
    public var version: String?
    /// The language's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a language; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        dateModified: Date? = nil,
        state: SkillState? = nil,
        version: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.dateModified = dateModified
        self.state = state
        self.version = version
        self.selfUri = selfUri
    }
}
