/// A string enum of the Genesys Cloud wire format that never fails to decode.
///
/// Genesys adds enum values over time ( the official SDKs map unknown values
/// to a placeholder instead of failing). A conforming enum lists the values this SDK knows as
/// cases and keeps any other value in an `unknown(String)` case, so decoding never fails and an
/// unknown value re-encodes unchanged.
///
/// A conforming enum declares only its cases, ``knownCases`` and ``rawValue``:
///
/// ```swift
/// public enum SkillEvaluationMethod: GenesysEnum {
///     case none, best, all, unknown(String)
///     public static let knownCases: [Self] = [.none, .best, .all]
///     public var rawValue: String {
///         switch self {
///         case .none: "NONE"
///         case .best: "BEST"
///         case .all: "ALL"
///         case .unknown(let value): value
///         }
///     }
/// }
/// ```
///
/// Decoding, encoding (a bare JSON string), equality, hashing and `description` come from this
/// protocol. Values compare by raw value, so `.unknown("BEST") == .best`.
public protocol GenesysEnum: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {
    /// Every value this SDK knows, in the order the API reference lists them.
    static var knownCases: [Self] { get }

    /// Wraps a wire value this SDK does not know. Satisfied by the enum's `unknown(String)` case.
    static func unknown(_ rawValue: String) -> Self

    /// The exact wire string (case-sensitive).
    var rawValue: String { get }

    /// Creates the known case whose raw value equals `rawValue`, otherwise `unknown(rawValue)`.
    /// Never fails.
    init(rawValue: String)
}

extension GenesysEnum {
    /// Creates the known case whose raw value equals `rawValue` (case-sensitive), otherwise
    /// `unknown(rawValue)`.
    public init(rawValue: String) {
        self = Self.knownCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// Decodes a bare string; a value outside ``knownCases`` becomes `unknown(_:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes ``rawValue`` as a bare string, so unknown values are written back unchanged.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Compares by raw value.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the raw value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// The raw wire value.
    public var description: String { rawValue }

    /// Whether the value is one of ``knownCases``.
    public var isKnown: Bool {
        Self.knownCases.contains { $0.rawValue == rawValue }
    }
}
