/// The canned response libraries of a queue (`CannedResponseLibraries`).
public struct CannedResponseLibraries: Codable, Sendable, Hashable {
    /// Ids of the libraries associated with the queue, used only when ``mode`` is `SelectedOnly`.
    public var libraryIds: [String]?
    /// How libraries are associated with the queue.
    public var mode: CannedResponseLibrariesMode?

    /// Creates canned response library settings; every field is optional.
    public init(libraryIds: [String]? = nil, mode: CannedResponseLibrariesMode? = nil) {
        self.libraryIds = libraryIds
        self.mode = mode
    }
}

/// How canned response libraries are associated with a queue.
public enum CannedResponseLibrariesMode: GenesysEnum {
    /// `All`.
    case all
    /// `SelectedOnly`: the libraries in ``CannedResponseLibraries/libraryIds``.
    case selectedOnly
    /// `None`. Where an optional is expected, write `CannedResponseLibrariesMode.none`: a bare
    /// `.none` means `nil` there.
    case none
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `All`, `SelectedOnly`, `None`.
    public static let knownCases: [Self] = [.all, .selectedOnly, .none]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .all: "All"
        case .selectedOnly: "SelectedOnly"
        case .none: "None"
        case .unknown(let value): value
        }
    }
}
