import Foundation
import RoutingModels
import Testing

/// Loads a JSON fixture from `Fixtures/` in the test bundle.
func fixtureData(_ name: String) throws -> Data {
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
        "missing fixture \(name).json"
    )
    return try Data(contentsOf: url)
}

/// Decodes a fixture with the Genesys decoder.
func decodeFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    try GenesysJSON.makeDecoder().decode(T.self, from: fixtureData(name))
}

/// Decodes a JSON string with the Genesys decoder.
func decode<T: Decodable>(_ json: String, as type: T.Type = T.self) throws -> T {
    try GenesysJSON.makeDecoder().decode(T.self, from: Data(json.utf8))
}

/// Encodes with the Genesys encoder (sorted keys, so output is stable).
func encodeToString<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try GenesysJSON.makeEncoder(sortedKeys: true).encode(value), as: UTF8.self)
}

/// Decode → encode → decode: the second decode must equal the first.
@discardableResult
func expectRoundTrip<T: Codable & Equatable>(
    _ value: T,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> Data {
    let data = try GenesysJSON.makeEncoder().encode(value)
    let again = try GenesysJSON.makeDecoder().decode(T.self, from: data)
    #expect(again == value, "round trip changed the value", sourceLocation: sourceLocation)
    return data
}

/// Decodes a fixture, checks the round trip, and (when `exact`) that re-encoding yields the same
/// JSON as the fixture: no field lost, renamed or added.
func roundTripFixture<T: Codable & Equatable>(
    _ name: String,
    as type: T.Type = T.self,
    exact: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> T {
    let original = try fixtureData(name)
    let value = try GenesysJSON.makeDecoder().decode(T.self, from: original)
    let encoded = try expectRoundTrip(value, sourceLocation: sourceLocation)
    if exact {
        let expected = try JSONDecoder().decode(JSONValue.self, from: original)
        let actual = try JSONDecoder().decode(JSONValue.self, from: encoded)
        #expect(actual == expected, "re-encoded \(name).json differs from the fixture", sourceLocation: sourceLocation)
    }
    return value
}

/// A JSON document for structural comparison (numbers compare by value; key order is irrelevant).
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses a JSON document.
    init(_ data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The value at `key` of an object, else `nil`.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    /// Whether `null` appears anywhere in the document.
    var containsNull: Bool {
        switch self {
        case .null: true
        case .array(let values): values.contains { $0.containsNull }
        case .object(let object): object.values.contains { $0.containsNull }
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ","))]"
        case .object(let object):
            "{\(object.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ","))}"
        }
    }
}

/// Builds a UTC date from components, for exact date assertions.
func utcDate(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
    milliseconds: Int = 0
) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    let whole = calendar.date(from: components)!
    return whole.addingTimeInterval(Double(milliseconds) / 1000)
}

/// Whether two dates are within half a millisecond.
func sameMillisecond(_ lhs: Date?, _ rhs: Date) -> Bool {
    guard let lhs else { return false }
    return abs(lhs.timeIntervalSince1970 - rhs.timeIntervalSince1970) < 0.0005
}
