import Foundation
import RoutingModels

/// The fake's skill-expression grammar. Genesys does not document the raw grammar, so the fake accepts
/// a small, plausible one and is strict about it:
///
/// ```
/// expression := or
/// or         := and ( "OR" and )*
/// and        := unary ( "AND" unary )*
/// unary      := "NOT" unary | "(" expression ")" | term
/// term       := ( "Skill" | "LanguageSkill" ) "(" quoted-name ")" comparator integer
/// comparator := "=" | "!=" | "<" | ">" | "<=" | ">="
/// ```
///
/// Keywords are case-insensitive; names are quoted with `'` or `"` and must name an existing skill or
/// language exactly. The normalised form references ids: `skills['<id>'] >= 3 and not (languages['<id>'] == 2)`.
struct SkillExpressionParser {
    struct Failure: Error {
        var code: String
        var message: String
        var position: Int
    }

    indirect enum Node {
        case term(isLanguage: Bool, id: String, comparator: String, value: Int)
        case not(Node)
        case and(Node, Node)
        case or(Node, Node)
    }

    let text: [Character]
    var position = 0
    let skills: [String: String]
    let languages: [String: String]
    var references: [SkillReference] = []

    init(_ text: String, skills: [String: String], languages: [String: String]) {
        self.text = Array(text)
        self.skills = skills
        self.languages = languages
    }

    mutating func parse() throws -> Node {
        let node = try parseOr()
        skipSpaces()
        guard position == text.count else { throw fail("syntax.error", "Unexpected \"\(text[position])\"") }
        return node
    }

    static func normalized(_ node: Node) -> String {
        switch node {
        case .term(let isLanguage, let id, let comparator, let value):
            return "\(isLanguage ? "languages" : "skills")['\(id)'] \(comparator == "=" ? "==" : comparator) \(value)"
        case .not(let inner): return "not (\(normalized(inner)))"
        case .and(let l, let r): return "(\(normalized(l)) and \(normalized(r)))"
        case .or(let l, let r): return "(\(normalized(l)) or \(normalized(r)))"
        }
    }

    private func fail(_ code: String, _ message: String, at: Int? = nil) -> Failure {
        Failure(code: code, message: message, position: at ?? position)
    }

    private mutating func skipSpaces() {
        while position < text.count, text[position].isWhitespace { position += 1 }
    }

    private mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let end = position + word.count
        guard end <= text.count, String(text[position..<end]).uppercased() == word else { return false }
        if end < text.count, text[end].isLetter || text[end].isNumber { return false }
        position = end
        return true
    }

    private mutating func symbol(_ symbol: String) -> Bool {
        skipSpaces()
        let end = position + symbol.count
        guard end <= text.count, String(text[position..<end]) == symbol else { return false }
        position = end
        return true
    }

    private mutating func parseOr() throws -> Node {
        var node = try parseAnd()
        while keyword("OR") { node = .or(node, try parseAnd()) }
        return node
    }

    private mutating func parseAnd() throws -> Node {
        var node = try parseUnary()
        while keyword("AND") { node = .and(node, try parseUnary()) }
        return node
    }

    private mutating func parseUnary() throws -> Node {
        if keyword("NOT") { return .not(try parseUnary()) }
        if symbol("(") {
            let node = try parseOr()
            guard symbol(")") else { throw fail("syntax.error", "Expected \")\"") }
            return node
        }
        return try parseTerm()
    }

    private mutating func parseTerm() throws -> Node {
        skipSpaces()
        let start = position
        let isLanguage: Bool
        if keyword("LANGUAGESKILL") { isLanguage = true } else if keyword("SKILL") { isLanguage = false } else {
            throw fail("syntax.error", "Expected Skill('name'), LanguageSkill('name'), NOT or \"(\"")
        }
        guard symbol("(") else { throw fail("syntax.error", "Expected \"(\"") }
        skipSpaces()
        guard position < text.count, text[position] == "'" || text[position] == "\"" else {
            throw fail("syntax.error", "Expected a quoted name")
        }
        let quote = text[position]
        position += 1
        let nameStart = position
        while position < text.count, text[position] != quote { position += 1 }
        guard position < text.count else { throw fail("syntax.error", "Unterminated name", at: nameStart - 1) }
        let name = String(text[nameStart..<position])
        position += 1
        guard symbol(")") else { throw fail("syntax.error", "Expected \")\"") }
        guard let id = (isLanguage ? languages : skills)[name] else {
            throw fail(isLanguage ? "unknown.language" : "unknown.skill", "The \(isLanguage ? "language" : "skill") \"\(name)\" does not exist", at: start)
        }
        var comparator: String?
        for candidate in ["!=", "<=", ">=", "=", "<", ">"] where symbol(candidate) {
            comparator = candidate
            break
        }
        guard let comparator else { throw fail("syntax.error", "Expected a comparator (=, !=, <, >, <=, >=)") }
        skipSpaces()
        let digitsStart = position
        while position < text.count, text[position].isNumber { position += 1 }
        guard let value = Int(String(text[digitsStart..<position])) else { throw fail("syntax.error", "Expected an integer proficiency") }
        guard (0...5).contains(value) else { throw fail("invalid.proficiency", "Proficiency must be from 0 to 5", at: digitsStart) }
        if !references.contains(where: { $0.id == id }) {
            references.append(SkillReference(id: id, name: name, isLanguageSkill: isLanguage))
        }
        return .term(isLanguage: isLanguage, id: id, comparator: comparator, value: value)
    }
}

extension OrgEngine {
    /// Validates and normalises a raw expression against the org's skills and languages.
    func validateExpression(_ expression: String) -> SkillExpressionValidationResult {
        let evaluator = SkillGroupEvaluator(state: state)
        let skills = Dictionary(evaluator.skillNames.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let languages = Dictionary(evaluator.languageNames.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var parser = SkillExpressionParser(expression, skills: skills, languages: languages)
        do {
            let node = try parser.parse()
            return SkillExpressionValidationResult(
                valid: true, expression: SkillExpressionParser.normalized(node), skills: parser.references, errors: []
            )
        } catch let failure as SkillExpressionParser.Failure {
            return SkillExpressionValidationResult(
                valid: false, expression: nil, skills: [],
                errors: [SkillExpressionValidationError(code: failure.code, message: failure.message, position: failure.position)]
            )
        } catch {
            return SkillExpressionValidationResult(valid: false, skills: [], errors: [SkillExpressionValidationError(code: "syntax.error", message: "\(error)")])
        }
    }

    func expressionIndex(_ id: String, includeArchived: Bool) throws -> Int {
        guard let index = state.skillExpressions.firstIndex(where: { $0.expression.id == id }),
              includeArchived || !state.skillExpressions[index].archived else {
            throw APIError.notFound("skill expression", id: id)
        }
        return index
    }

    func renderExpression(_ record: FakeOrgState.SkillExpressionRecord, normalized: Bool) -> SkillExpression {
        var expression = record.expression
        if normalized, let raw = expression.expression, let form = validateExpression(raw).expression {
            expression.expression = form
        }
        return expression
    }

    /// The `format` (`Raw` or `Normalized`) and `includeArchived` parameters.
    func expressionOptions(_ request: FakeHTTPRequest) throws -> (normalized: Bool, includeArchived: Bool) {
        let format = try request.oneOf("format", ["Raw", "Normalized"], default: "Raw")
        return (format == "Normalized", try request.bool("includeArchived") ?? false)
    }

    /// `GET /api/v2/routing/skillexpressions`.
    func listSkillExpressions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let (normalized, includeArchived) = try expressionOptions(request)
        let ids = Set(request.values("id"))
        let expressions = state.skillExpressions
            .filter { includeArchived || !$0.archived }
            .filter { ids.isEmpty || ids.contains($0.expression.id ?? "") }
            .sorted { NameFilter.ordered(($0.expression.name, $0.expression.id), ($1.expression.name, $1.expression.id)) }
            .map { renderExpression($0, normalized: normalized) }
        return .json(try Paging.pageA(expressions, request))
    }

    /// `GET /api/v2/routing/skillexpressions/{expressionId}`.
    func getSkillExpression(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let (normalized, includeArchived) = try expressionOptions(request)
        let index = try expressionIndex(request.param("expressionId"), includeArchived: includeArchived)
        return .json(renderExpression(state.skillExpressions[index], normalized: normalized))
    }

    /// `GET /api/v2/routing/skillexpressions/queue/{queueId}`.
    func listQueueSkillExpressions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let queueID = request.param("queueId")
        _ = try queueIndex(queueID)
        let (normalized, includeArchived) = try expressionOptions(request)
        let expressions = state.skillExpressions
            .filter { $0.expression.queueId == queueID && (includeArchived || !$0.archived) }
            .sorted { NameFilter.ordered(($0.expression.name, $0.expression.id), ($1.expression.name, $1.expression.id)) }
            .map { renderExpression($0, normalized: normalized) }
        return .json(try Paging.pageA(expressions, request))
    }

    /// `DELETE /api/v2/routing/skillexpressions/{expressionId}`: archives one.
    mutating func archiveSkillExpression(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let index = try expressionIndex(request.param("expressionId"), includeArchived: false)
        state.skillExpressions[index].archived = true
        return .empty()
    }

    /// `DELETE /api/v2/routing/skillexpressions?id=…`: archives several (all must exist).
    mutating func archiveSkillExpressions(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let ids = request.values("id")
        guard !ids.isEmpty else { throw APIError.required("id") }
        let indices = try ids.map { try expressionIndex($0, includeArchived: true) }
        for index in indices { state.skillExpressions[index].archived = true }
        return .empty()
    }

    /// `POST /api/v2/routing/skillexpressions/validate`: 200 with `valid` true or false; a missing
    /// expression is a 400.
    func validateSkillExpression(_ request: FakeHTTPRequest) throws -> FakeResponse {
        let body = try request.decode(SkillExpressionData.self)
        guard let expression = body.expression, !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.required("expression")
        }
        return .json(validateExpression(expression))
    }
}
