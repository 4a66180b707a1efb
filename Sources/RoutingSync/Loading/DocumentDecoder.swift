/// Turns a ``SourceNode`` tree into a ``DesiredState``, collecting every problem instead of stopping at the
/// first (`Documentation/DesiredStateFormat.md`, format version 1).
///
/// The document's shape is declared once, in ``DocumentSchema``: a key table per section (key, kind,
/// whether it is required, range or allowed values, nested table). ``read(_:object:field:table:)`` checks a
/// mapping against its table and reads every value; one small decoder per section (`DocumentDecoder+…`)
/// turns what was read into the model. ``DesiredState/validate()`` runs a state built in code through this
/// same decoder.
struct DocumentDecoder {
    let file: String
    private(set) var problems: [ValidationProblem] = []
    private(set) var lines: [String: Int] = [:]
    private(set) var fieldLines: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func report(
        _ code: ValidationProblem.Code, line: Int?, column: Int? = nil, object: String, field: String?,
        _ message: String, severity: ValidationProblem.Severity = .error
    ) {
        problems.append(ValidationProblem(
            code: code, severity: severity, file: file, line: line, column: column,
            object: object, field: field, message: message
        ))
    }

    mutating func report(_ code: ValidationProblem.Code, at node: SourceNode, object: String, field: String?, _ message: String) {
        report(code, line: node.line, column: node.column, object: object, field: field, message)
    }

    /// Remembers the line of an object (`field` `nil`) or of one of its fields, for plan-time problems.
    mutating func remember(_ node: SourceNode, object: String, field: String?) {
        guard let line = node.line else { return }
        if let field {
            fieldLines["\(object).\(field)"] = line
        } else {
            lines[object] = line
        }
    }

    /// The errors and the warnings found, each ordered by line.
    var sortedProblems: (errors: [ValidationProblem], warnings: [ValidationProblem]) {
        (problems.filter { $0.severity == .error }.sorted(by: ValidationProblem.precedes),
         problems.filter { $0.severity == .warning }.sorted(by: ValidationProblem.precedes))
    }

    // MARK: - Paths and names

    /// `field.key`, or `field[0]` when `key` is an index; `key` alone at the top.
    static func join(_ field: String?, _ key: String) -> String {
        guard let field, !field.isEmpty else { return key }
        return key.hasPrefix("[") ? field + key : "\(field).\(key)"
    }

    /// The form names are compared in (case folded).
    static func fold(_ name: String) -> String { name.lowercased() }

    static func trim(_ text: String) -> String { text.trimmed }

    /// The closest allowed key within edit distance 2 (or differing only in case). Bounded work: keys longer
    /// than any allowed key by more than 2 characters are not compared.
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let length = key.count(limit: 66)
        guard length <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in allowed where abs(candidate.count - length) <= 2 {
            let distance = candidate.lowercased() == key.lowercased() ? 0 : editDistance(key.lowercased(), candidate.lowercased())
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A value for a message: `nothing`, `'plain'`, `text "quoted"`, or its type.
    static func describe(_ node: SourceNode) -> String {
        switch node.value {
        case .scalar(let text, let plain):
            if plain, case .null = SourceNode.resolvePlain(text) { return "nothing" }
            return plain ? "'\(text)'" : "text \"\(text)\""
        default:
            return node.typeDescription
        }
    }
}
