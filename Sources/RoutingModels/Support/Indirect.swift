/// Heap storage that lets a struct hold a value of a type that (indirectly) contains it.
///
/// Encodes and decodes exactly as the wrapped value.
enum Indirect<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    indirect case value(Value)

    /// The wrapped value.
    var value: Value {
        switch self {
        case .value(let value): value
        }
    }

    init(from decoder: any Decoder) throws {
        self = .value(try decoder.singleValueContainer().decode(Value.self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
