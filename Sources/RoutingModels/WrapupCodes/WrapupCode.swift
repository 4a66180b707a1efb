#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A wrap-up code (`WrapupCode`), from `/api/v2/routing/wrapupcodes` and a queue's
/// `…/wrapupcodes`.
public struct WrapupCode: Codable, Sendable, Hashable {
    /// The wrap-up code id (GUID string). Read-only: set by the server.
    public var id: String?
    /// The wrap-up code name.
    public var name: String?
    /// The division (`StarrableDivision`) the code belongs to.
    public var division: Division?
    /// The wrap-up code description.
    public var description: String?
    /// When the code was created.
    public var dateCreated: Date?
    /// When the code was last modified.
    public var dateModified: Date?
    /// The id of the user that created the code.
    public var createdBy: String?
    /// The id of the user that last modified the code.
    public var modifiedBy: String?
    /// The code's URI. Read-only: set by the server.
    public var selfUri: String?

    /// Creates a wrap-up code; every field is optional.
    public init(
        id: String? = nil,
        name: String? = nil,
        division: Division? = nil,
        description: String? = nil,
        dateCreated: Date? = nil,
        dateModified: Date? = nil,
        createdBy: String? = nil,
        modifiedBy: String? = nil,
        selfUri: String? = nil
    ) {
        self.id = id
        self.name = name
        self.division = division
        self.description = description
        self.dateCreated = dateCreated
        self.dateModified = dateModified
        self.createdBy = createdBy
        self.modifiedBy = modifiedBy
        self.selfUri = selfUri
    }
}
