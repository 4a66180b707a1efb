public import Foundation
public import RoutingModels

/// Everything a ``FakeGenesysOrg`` stores: divisions, users with their routing skills and languages,
/// skills, languages, wrap-up codes, skill groups, queues with their members and wrap-up codes, skill
/// expressions, utilization settings and the id counter.
///
/// Get it with ``FakeGenesysOrg/snapshot()``, compare snapshots in tests ("exactly these objects"), and
/// put it back with ``FakeGenesysOrg/init(state:configuration:clock:)`` or
/// ``FakeGenesysOrg/restore(_:)``. ``save(to:)`` and ``load(from:)`` keep it in a JSON file between runs
/// (the CLI's `--fake-state FILE`).
///
/// Objects are stored as the wire models, in creation order, without the values the org computes when
/// it answers (member counts, skill-group status, names of referenced divisions). Time-based behaviour
/// in flight (index lag, skill groups still `InProgress`, issued tokens, rate-limit windows) is not part
/// of the state: after a restore everything is indexed and complete.
public struct FakeOrgState: Codable, Sendable, Equatable {
    /// A user and their routing profile.
    public struct UserRecord: Codable, Sendable, Equatable {
        /// The user (id, name, email, username, state, version, `division` as `{id}` only, selfUri).
        public var user: User
        /// The user's routing skills, in assignment order.
        public var skills: [Assignment]
        /// The user's routing languages, in assignment order.
        public var languages: [Assignment]
        /// The user's own utilization settings; `nil` means the organisation's apply.
        public var utilization: UtilizationRequest?

        /// Creates a record.
        public init(user: User, skills: [Assignment] = [], languages: [Assignment] = [], utilization: UtilizationRequest? = nil) {
            self.user = user
            self.skills = skills
            self.languages = languages
            self.utilization = utilization
        }
    }

    /// One skill or language assigned to a user.
    public struct Assignment: Codable, Sendable, Hashable {
        /// The organisation skill or language id.
        public var id: String
        /// The proficiency, 0.0–5.0.
        public var proficiency: Double
        /// `active` or `inactive`; inactive assignments never satisfy skill-group conditions.
        public var state: SkillState

        /// Creates an assignment.
        public init(id: String, proficiency: Double, state: SkillState = .active) {
            self.id = id
            self.proficiency = proficiency
            self.state = state
        }
    }

    /// A skill group and the divisions whose users may be members.
    public struct SkillGroupRecord: Codable, Sendable, Equatable {
        /// The group with its conditions (no status or member count: those are computed).
        public var group: SkillGroup
        /// The member division ids (a `*` given to the API is stored as the divisions that existed then).
        public var memberDivisionIDs: [String]

        /// Creates a record.
        public init(group: SkillGroup, memberDivisionIDs: [String]) {
            self.group = group
            self.memberDivisionIDs = memberDivisionIDs
        }
    }

    /// A queue, its direct members and its wrap-up codes.
    public struct QueueRecord: Codable, Sendable, Equatable {
        /// The queue (no member counts: those are computed).
        public var queue: RoutingQueue
        /// Users added directly (`memberBy: user`), in the order they were added.
        public var members: [QueueMemberRecord]
        /// Ids of the wrap-up codes attached to the queue, in the order they were attached.
        public var wrapupCodeIDs: [String]

        /// Creates a record.
        public init(queue: RoutingQueue, members: [QueueMemberRecord] = [], wrapupCodeIDs: [String] = []) {
            self.queue = queue
            self.members = members
            self.wrapupCodeIDs = wrapupCodeIDs
        }
    }

    /// A user added directly to a queue.
    public struct QueueMemberRecord: Codable, Sendable, Hashable {
        /// The user id.
        public var userID: String
        /// The bullseye ring, 1–6.
        public var ringNumber: Int
        /// Whether the member is joined (receives interactions).
        public var joined: Bool

        /// Creates a member record.
        public init(userID: String, ringNumber: Int = 1, joined: Bool = true) {
            self.userID = userID
            self.ringNumber = ringNumber
            self.joined = joined
        }
    }

    /// A stored skill expression.
    public struct SkillExpressionRecord: Codable, Sendable, Equatable {
        /// The expression (raw form).
        public var expression: SkillExpression
        /// Whether it was archived (deleted); archived expressions show only with `includeArchived`.
        public var archived: Bool

        /// Creates a record.
        public init(expression: SkillExpression, archived: Bool = false) {
            self.expression = expression
            self.archived = archived
        }
    }

    /// The file format version (1).
    public var formatVersion: Int
    /// The seed of the id generator.
    public var idSeed: UInt64
    /// How many ids have been generated.
    public var idCounter: UInt64
    /// The home division's id.
    public var homeDivisionID: String
    /// Divisions, in creation order.
    public var divisions: [AuthzDivision]
    /// Users, in creation order.
    public var users: [UserRecord] {
        didSet { revisions.users = Revision() }
    }
    /// Routing skills, including soft-deleted ones (`state: deleted`).
    public var skills: [RoutingSkill] {
        didSet { revisions.skills = Revision() }
    }
    /// Routing languages, including soft-deleted ones.
    public var languages: [Language] {
        didSet { revisions.languages = Revision() }
    }
    /// Wrap-up codes.
    public var wrapupCodes: [WrapupCode]
    /// Skill groups.
    public var skillGroups: [SkillGroupRecord] {
        didSet { revisions.skillGroups = Revision() }
    }
    /// Queues.
    public var queues: [QueueRecord]
    /// Skill expressions.
    public var skillExpressions: [SkillExpressionRecord]
    /// The organisation's utilization settings; `nil` means the system defaults.
    public var organizationUtilization: UtilizationRequest?

    /// The versions of `users`, `skills`, `languages` and `skillGroups` this state holds (see
    /// ``Revision``): the org keeps what it computed from them (skill-group memberships, users by name)
    /// until one of them changes. Bookkeeping, not state: neither saved nor compared. (The observers
    /// above do not read `oldValue`, so changes are still made in place.)
    var revisions = Revisions()

    /// Every stored property except ``revisions``. A property added later must be added here too.
    enum CodingKeys: String, CodingKey {
        case formatVersion, idSeed, idCounter, homeDivisionID, divisions, users, skills, languages, wrapupCodes
        case skillGroups, queues, skillExpressions, organizationUtilization

        /// The id generator's fields (`UInt64`).
        static let counters: [CodingKeys] = [.idSeed, .idCounter]
    }

    init(idSeed: UInt64, homeDivisionName: String) {
        formatVersion = 1
        self.idSeed = idSeed
        idCounter = 0
        homeDivisionID = ""
        divisions = []
        users = []
        skills = []
        languages = []
        wrapupCodes = []
        skillGroups = []
        queues = []
        skillExpressions = []
        organizationUtilization = nil
        let home = makeID()
        homeDivisionID = home
        divisions.append(AuthzDivision(
            id: home, name: homeDivisionName, description: "The home division", homeDivision: true,
            selfUri: "/api/v2/authorization/divisions/\(home)"
        ))
    }

    /// The next deterministic GUID-shaped id: the counter, mixed with the seed.
    mutating func makeID() -> String {
        idCounter += 1
        let high = SplitMix64.mix(idSeed &+ idCounter &* 2)
        let low = SplitMix64.mix(idSeed &+ idCounter &* 2 &+ 1)
        // Version-4/variant bits, so the ids look like ordinary random GUIDs.
        return guidString((high & ~0xF000) | 0x4000, (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000)
    }

    // MARK: - Files

    /// Reads a state file written by ``save(to:)``, following symbolic links, and checks it (see
    /// ``validationProblems()``).
    /// - Throws: ``FakeOrgError`` naming the file (and the field, for a value that is not valid) when it
    ///   cannot be read, is not a regular file, or is not a valid state file.
    public static func load(from url: URL) throws -> FakeOrgState {
        let data: Data
        do {
            data = try RegularFile.read(url.path)
        } catch {
            throw FakeOrgError("cannot read the fake org state file: \(error.message)")
        }
        return try decode(data, file: url.path)
    }

    /// The state in `data`, the content of the state file `file`, checked.
    static func decode(_ data: Data, file: String) throws -> FakeOrgState {
        // The decoder reports a number out of its type's range (a negative counter) as "not valid JSON"
        // at the top level: the id generator's fields are checked first, by name.
        if let top = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            for key in CodingKeys.counters {
                guard let value = top[key.stringValue], let problem = wholeNumberProblem(value) else { continue }
                throw FakeOrgError("\(file): not a valid fake org state file: \(key.stringValue): \(problem)")
            }
        }
        let state: FakeOrgState
        do {
            state = try GenesysJSON.makeDecoder().decode(FakeOrgState.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty && context.underlyingError != nil {
            // A syntax error: the underlying error says where.
            throw FakeOrgError("\(file): not a fake org state file: not valid JSON (\(context.underlyingError.map { "\($0)" } ?? ""))")
        } catch let error as DecodingError {
            throw FakeOrgError("\(file): not a fake org state file: \(FakeOrgError.describe(error))")
        } catch {
            throw FakeOrgError("\(file): not a fake org state file: \(error)")
        }
        guard state.formatVersion == 1 else {
            throw FakeOrgError("\(file): unsupported fake org state format version \(state.formatVersion) (expected 1)")
        }
        if let problem = state.validationProblems().first {
            throw FakeOrgError("\(file): not a valid fake org state file: \(problem)")
        }
        return state
    }

    /// Why `value` is not a whole number from 0 to `UInt64.max`, or `nil` when it is one.
    private static func wholeNumberProblem(_ value: Any) -> String? {
        if let number = value as? Int { return number < 0 ? "must be a whole number, 0 or more; got \(number)" : nil }
        if value is UInt64 { return nil }
        if let number = value as? Double {
            return "must be a whole number from 0 to \(UInt64.max); got \(number)"
        }
        return "must be a whole number, 0 or more; got \(String(describing: value).prefix(40))"
    }

    /// Writes the state as pretty-printed JSON with sorted keys (stable, diffable), replacing the file
    /// atomically and keeping its permissions; a symbolic link is followed and its target replaced.
    /// - Throws: ``FakeOrgError`` naming the file when it cannot be written or something other than a
    ///   regular file (a directory, a FIFO, a device) is at the path; nothing is changed then.
    public func save(to url: URL) throws {
        let data: Data
        do {
            data = try GenesysJSON.makeEncoder(prettyPrinted: true, sortedKeys: true).encode(self)
        } catch {
            throw FakeOrgError("\(url.path): cannot encode the fake org state (\(error.localizedDescription))")
        }
        do {
            try RegularFile.write(data, to: url.path)
        } catch {
            throw FakeOrgError("cannot write the fake org state file: \(error.message)")
        }
    }
}

/// A failure of the fake org's Swift API: a seeding call the org refuses (the same validation as the
/// HTTP API), or a state or seed file that cannot be read.
///
/// ``description`` is one line; for API refusals ``status`` and ``code`` carry what the HTTP API would
/// have answered.
public struct FakeOrgError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in one line.
    public var message: String
    /// The HTTP status the API would have answered, for refused calls.
    public var status: Int?
    /// The Genesys error code (`invalid.value`, `conflict`, …), for refused calls.
    public var code: String?

    /// Creates an error.
    public init(_ message: String, status: Int? = nil, code: String? = nil) {
        self.message = message
        self.status = status
        self.code = code
    }

    /// The message.
    public var description: String { message }

    /// A `DecodingError` as `field.path: what`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
