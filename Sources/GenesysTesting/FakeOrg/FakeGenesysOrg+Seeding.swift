import Foundation
import GenesysCore
import HTTPTypes
public import RoutingModels

/// Seeding the org from Swift. These calls go through the same validation as the HTTP API (and throw
/// what it would answer, as ``FakeOrgError``), but skip authentication, faults, the request log, index
/// lag and skill-group evaluation time: seeded objects are there, indexed and complete at once.
extension FakeGenesysOrg {
    /// Adds a division. Divisions cannot be created through the API the org serves, so this is the
    /// only way.
    /// - Parameters:
    ///   - name: The division's name; unique (case-insensitively).
    ///   - description: Its description; the name when `nil`.
    /// - Returns: The division id.
    /// - Throws: ``FakeOrgError`` if a division with this name (case-insensitively) exists.
    @discardableResult
    public func addDivision(name: String, description: String? = nil) throws -> String {
        try withEngine { engine in
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw FakeOrgError("a division needs a name", status: 400, code: "invalid.value") }
            if engine.state.divisions.contains(where: { $0.name?.lowercased() == name.lowercased() }) {
                throw FakeOrgError("a division named \"\(name)\" already exists", status: 409, code: "conflict")
            }
            let id = engine.state.makeID()
            engine.state.divisions.append(AuthzDivision(
                id: id, name: name, description: description ?? name, homeDivision: false,
                selfUri: "/api/v2/authorization/divisions/\(id)"
            ))
            return id
        }
    }

    /// Adds a user (users cannot be created through the API the org serves).
    /// - Parameters:
    ///   - name: The user's name.
    ///   - email: The user's email, also their `username`; unique (case-insensitively).
    ///   - division: A division name or id; the home division when `nil`.
    ///   - state: The user's state; `active` by default.
    /// - Returns: The user id.
    /// - Throws: ``FakeOrgError`` for an unknown division or a duplicate email.
    @discardableResult
    public func addUser(name: String, email: String, division: String? = nil, state: SkillState = .active) throws -> String {
        try withEngine { engine in
            let divisionID: String
            if let division {
                guard let match = engine.state.divisions.first(where: { $0.id == division || $0.name == division })?.id else {
                    let known = engine.state.divisions.compactMap(\.name).joined(separator: ", ")
                    throw FakeOrgError("user \(email): unknown division \"\(division)\" (divisions: \(known))", status: 400, code: "invalid.value")
                }
                divisionID = match
            } else {
                divisionID = engine.state.homeDivisionID
            }
            let lowercasedEmail = email.lowercased()
            var emails = engine.lowercasedEmails()
            if emails.contains(lowercasedEmail) {
                throw FakeOrgError("a user with the email \(email) already exists", status: 409, code: "conflict")
            }
            engine.derived.lowercasedEmails = nil  // so `emails` is the set's only owner: inserting copies nothing
            let id = engine.state.makeID()
            let user = User(
                id: id, name: name, division: Division(id: divisionID), email: email, state: state, username: email,
                version: 1, selfUri: "/api/v2/users/\(id)"
            )
            engine.state.users.append(FakeOrgState.UserRecord(user: user))
            // The users now differ from the ones `emails` came from by exactly this user: hand the set on
            // instead of lowercasing every email again for the next user (seeding stays linear).
            emails.insert(lowercasedEmail)
            engine.derived.lowercasedEmails = (engine.state.revisions.users, emails)
            return id
        }
    }

    /// Creates a skill (as `POST /api/v2/routing/skills`).
    /// - Parameters:
    ///   - name: The skill's name; no live skill may have it already.
    ///   - division: A division id; the home division when `nil`.
    /// - Returns: The skill id.
    @discardableResult
    public func addSkill(name: String, division: String? = nil) throws -> String {
        try create(.post, "/api/v2/routing/skills", CreateRoutingSkill(name: name, divisionId: division), as: RoutingSkill.self).id ?? ""
    }

    /// Creates a language (as `POST /api/v2/routing/languages`).
    /// - Parameter name: The language's name; no live language may have it already.
    /// - Returns: The language id.
    @discardableResult
    public func addLanguage(name: String) throws -> String {
        try create(.post, "/api/v2/routing/languages", Language(name: name), as: Language.self).id ?? ""
    }

    /// Creates a wrap-up code (as `POST /api/v2/routing/wrapupcodes`).
    /// - Parameters:
    ///   - name: The code's name; no other code may have it already.
    ///   - division: A division id; the home division when `nil`.
    ///   - description: The code's description.
    /// - Returns: The wrap-up code id.
    @discardableResult
    public func addWrapupCode(name: String, division: String? = nil, description: String? = nil) throws -> String {
        let request = WrapupCodeRequest(name: name, division: division.map { Division(id: $0) }, description: description)
        return try create(.post, "/api/v2/routing/wrapupcodes", request, as: WrapupCode.self).id ?? ""
    }

    /// Creates a skill group (as `POST /api/v2/routing/skillgroups`).
    /// - Returns: The skill group id.
    @discardableResult
    public func addSkillGroup(_ group: SkillGroupWithMemberDivisions) throws -> String {
        try create(.post, "/api/v2/routing/skillgroups", group, as: SkillGroupWithMemberDivisions.self).id ?? ""
    }

    /// Creates a queue (as `POST /api/v2/routing/queues`).
    /// - Returns: The queue id.
    @discardableResult
    public func addQueue(_ request: CreateQueueRequest) throws -> String {
        try create(.post, "/api/v2/routing/queues", request, as: RoutingQueue.self).id ?? ""
    }

    /// Adds users to a queue directly (as `POST …/queues/{queueId}/members`, at most 100).
    public func addQueueMembers(queueID: String, userIDs: [String]) throws {
        _ = try perform(.post, "/api/v2/routing/queues/\(URIEncoding.encode(queueID))/members", userIDs.map { WritableEntity(id: $0) })
    }

    /// Attaches wrap-up codes to a queue (as `POST …/queues/{queueId}/wrapupcodes`, at most 100).
    public func addQueueWrapupCodes(queueID: String, codeIDs: [String]) throws {
        _ = try perform(.post, "/api/v2/routing/queues/\(URIEncoding.encode(queueID))/wrapupcodes", codeIDs.map { WrapUpCodeReference(id: $0) })
    }

    /// Assigns a skill to a user, or changes its proficiency (as `POST …/users/{userId}/routingskills`).
    public func assignSkill(userID: String, skillID: String, proficiency: Double) throws {
        _ = try perform(.post, "/api/v2/users/\(URIEncoding.encode(userID))/routingskills", UserRoutingSkillPost(id: skillID, proficiency: proficiency))
    }

    /// Assigns a language to a user, or changes its proficiency (as `POST …/users/{userId}/routinglanguages`).
    public func assignLanguage(userID: String, languageID: String, proficiency: Double) throws {
        _ = try perform(
            .post, "/api/v2/users/\(URIEncoding.encode(userID))/routinglanguages", UserRoutingLanguagePost(id: languageID, proficiency: proficiency)
        )
    }

    /// Stores a skill expression (the API has no create call; Genesys stores them from flows). The
    /// expression is kept raw, valid or not.
    /// - Parameters:
    ///   - name: The expression's name.
    ///   - expression: The raw expression, such as `Skill('Billing') >= 3`.
    ///   - queueID: The queue that uses it, if any (must exist).
    /// - Returns: The expression id.
    @discardableResult
    public func addSkillExpression(name: String, expression: String, queueID: String? = nil) throws -> String {
        try withEngine { engine in
            if let queueID, !engine.state.queues.contains(where: { $0.queue.id == queueID }) {
                throw FakeOrgError("the queue \(queueID) does not exist", status: 400, code: "invalid.value")
            }
            let id = engine.state.makeID()
            engine.state.skillExpressions.append(FakeOrgState.SkillExpressionRecord(expression: SkillExpression(
                id: id, name: name, expression: expression, queueId: queueID, selfUri: "/api/v2/routing/skillexpressions/\(id)"
            )))
            return id
        }
    }

    /// The users currently in a skill group as the API reports them (ordered by name).
    public func skillGroupMemberIDs(_ skillGroupID: String) -> [String] {
        withEngine { $0.visibleMembers(ofGroup: skillGroupID) }
    }

    // MARK: - Plumbing

    private func create<T: Decodable>(_ method: HTTPRequest.Method, _ path: String, _ body: some Encodable, as type: T.Type) throws -> T {
        let response = try perform(method, path, body)
        do {
            return try GenesysJSON.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw FakeOrgError("the fake org answered \(path) with an unexpected body: \(error)")
        }
    }

    private func perform(_ method: HTTPRequest.Method, _ path: String, _ body: some Encodable) throws -> FakeResponse {
        let data: Data
        do {
            data = try GenesysJSON.makeEncoder().encode(body)
        } catch {
            throw FakeOrgError("cannot encode the body for \(path): \(error)")
        }
        return try withEngine { engine in
            do {
                return try engine.call(method, path, body: data)
            } catch let error as APIError {
                let field = error.details.first?.fieldName.map { " (\($0))" } ?? ""
                throw FakeOrgError("\(error.message)\(field)", status: error.status, code: error.code)
            }
        }
    }
}
