public import RoutingModels

/// How skill expressions are returned (`format`): as written (`Raw`) or normalised (`Normalized`).
public enum SkillExpressionFormat: GenesysEnum {
    /// `Raw`: as written.
    case raw
    /// `Normalized`: the server's normalised form.
    case normalized
    /// A value this SDK does not know, kept verbatim.
    case unknown(String)

    /// `Raw`, `Normalized`.
    public static let knownCases: [Self] = [.raw, .normalized]

    /// The exact wire string.
    public var rawValue: String {
        switch self {
        case .raw: "Raw"
        case .normalized: "Normalized"
        case .unknown(let value): value
        }
    }
}
