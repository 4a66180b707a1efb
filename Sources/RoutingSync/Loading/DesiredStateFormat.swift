#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The syntax of a desired-state file. The file extension decides: `.yaml`/`.yml` or `.json`.
public enum DesiredStateFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// YAML (`.yaml`, `.yml`).
    case yaml
    /// JSON (`.json`).
    case json

    /// The format for a file extension (without the dot, any case); `nil` for others.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }

    /// The format for a file URL's extension; `nil` when the extension is not one of the three.
    public init?(url: URL) {
        self.init(fileExtension: url.pathExtension)
    }
}
