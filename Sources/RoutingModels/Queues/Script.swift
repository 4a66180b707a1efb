#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A script (`Script`), as used in a queue's ``RoutingQueue/defaultScripts``.
///
/// Minimal: the spec's free-form `features`, `variables`, `customActions` and `pages` are not
/// modelled and are dropped when a script is decoded and re-encoded.
public struct Script: Codable, Sendable, Hashable {
    /// The script id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The script name.
    public var name: String?
    /// The script's division.
    public var division: Division?
    /// The script version id.
    public var versionId: String?
    /// When the script was created.
    public var createdDate: Date?
    /// When the script was last modified.
    public var modifiedDate: Date?
    /// When the script was published.
    public var publishedDate: Date?
    /// The date of this version.
    public var versionDate: Date?
    /// The id of the start page.
    public var startPageId: String?
    /// The name of the start page.
    public var startPageName: String?
    /// The script's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a script; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        versionId: String? = nil,
        createdDate: Date? = nil,
        modifiedDate: Date? = nil,
        publishedDate: Date? = nil,
        versionDate: Date? = nil,
        startPageId: String? = nil,
        startPageName: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.versionId = versionId
        self.createdDate = createdDate
        self.modifiedDate = modifiedDate
        self.publishedDate = publishedDate
        self.versionDate = versionDate
        self.startPageId = startPageId
        self.startPageName = startPageName
        self.selfUri = selfUri
    }
}
