import RoutingModels

/// The shape of a desired-state document, declared as one key table per section: each key's kind (text,
/// name, boolean, integer with its range, one of the API's enum values, a list of names, an `id:` reference,
/// a nested section…) and whether it is required. ``DocumentDecoder/read(_:object:field:table:)`` checks a
/// mapping against its table; the tables themselves are in `DocumentSchema+Tables.swift`.
enum DocumentSchema {
    /// An integer's range and the words its messages use.
    struct IntegerRule: Sendable {
        /// The values allowed.
        var range: ClosedRange<Double>
        /// What a non-number is said to be instead of (`expected an integer 0–5, found 'high'`).
        var expected: String
        /// Added after `2.5 is not an integer`.
        var notIntegerNote: String = ""
        /// The range as messages show it (`2.5 is out of range (integer 0–5)`).
        var rangeText: String

        /// A 32-bit integer (the API's `int32`), optionally within the spec's own minimum and maximum.
        static func int32(_ range: ClosedRange<Int32>? = nil) -> IntegerRule {
            guard let range else {
                return IntegerRule(range: Double(Int32.min)...Double(Int32.max), expected: "an integer",
                                   rangeText: "a 32-bit integer, \(Int32.min)–\(Int32.max)")
            }
            return IntegerRule(range: Double(range.lowerBound)...Double(range.upperBound), expected: "an integer",
                               rangeText: "\(range.lowerBound)–\(range.upperBound)")
        }
    }

    /// What a key holds.
    indirect enum Kind: Sendable {
        /// The object's name (or user) that identifies it; read before the other keys, by the section.
        case identity
        /// Any text, as written.
        case text
        /// Trimmed, non-empty text.
        case name
        /// `true` or `false`.
        case bool
        /// One of the API's values, spelled exactly as the API spells them.
        case choice([String])
        /// An integer within a range.
        case integer(IntegerRule)
        /// Any number.
        case number
        /// Names, each listed once (ignoring case); compared as a set.
        case names
        /// Users (`email` or `id:<userId>`), each listed once.
        case users
        /// One reference by id: `id:<id>` when `prefixed`, else the bare id.
        case id(prefixed: Bool)
        /// References by id, each listed once; compared as a set.
        case ids(prefixed: Bool)
        /// A mapping from trimmed keys to `id:<id>` references (`defaultScripts`).
        case idMap
        /// A nested section.
        case section(Table)
        /// An ordered list of sections.
        case list(Table)
        /// Read by the section's own decoder (condition trees, `mediaSettings`, proficiencies).
        case custom

        /// One of the values of an API enum.
        static func choice<E: GenesysEnum>(_: E.Type) -> Kind { .choice(E.knownCases.map(\.rawValue)) }
    }

    /// One key of a section.
    struct Key: Sendable {
        /// The key as written in files.
        var name: String
        /// What it holds.
        var kind: Kind
        /// The message when the key is missing (`is required`); `nil` when it is optional.
        var required: String?

        init(_ name: String, _ kind: Kind, required: String? = nil) {
            self.name = name
            self.kind = kind
            self.required = required
        }
    }

    /// A section's keys, in the format's order.
    struct Table: Sendable {
        var keys: [Key]

        init(_ keys: [Key]) { self.keys = keys }

        /// The keys' names, in order (unknown-key messages list them).
        var names: [String] { keys.map(\.name) }
    }
}
