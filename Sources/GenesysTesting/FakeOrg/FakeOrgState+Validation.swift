import RoutingModels

extension FakeOrgState {
    /// What makes this state unusable as an org, one line each naming the field (`homeDivisionID`,
    /// `users[3].skills[0].id`, …): ids missing or repeated, references to divisions, users, skills,
    /// languages or wrap-up codes the state does not hold, and values outside the API's ranges
    /// (proficiency 0–5, ring 1–6). Empty when the state is valid.
    ///
    /// ``load(from:)`` refuses a file with problems, so a hand-edited or damaged state file is reported
    /// instead of being served (and rewritten) as a broken org.
    public func validationProblems() -> [String] {
        var problems: [String] = []
        let divisionIDs = Self.ids(divisions.map(\.id), field: "divisions", problems: &problems)
        if !divisionIDs.contains(homeDivisionID) {
            problems.append("homeDivisionID: \(Self.quoted(homeDivisionID)) is not the id of one of the divisions")
        }
        let userIDs = Self.ids(users.map(\.user.id), field: "users", idField: "user.id", problems: &problems)
        let skillIDs = Self.ids(skills.map(\.id), field: "skills", problems: &problems)
        let languageIDs = Self.ids(languages.map(\.id), field: "languages", problems: &problems)
        let wrapupCodeIDs = Self.ids(wrapupCodes.map(\.id), field: "wrapupCodes", problems: &problems)
        _ = Self.ids(skillGroups.map(\.group.id), field: "skillGroups", idField: "group.id", problems: &problems)
        _ = Self.ids(queues.map(\.queue.id), field: "queues", idField: "queue.id", problems: &problems)

        for (index, record) in users.enumerated() {
            let field = "users[\(index)]"
            if let division = record.user.division?.id, !divisionIDs.contains(division) {
                problems.append("\(field).user.division.id: \(Self.quoted(division)) is not the id of one of the divisions")
            }
            Self.check(record.skills, field: "\(field).skills", known: skillIDs, what: "skills", problems: &problems)
            Self.check(record.languages, field: "\(field).languages", known: languageIDs, what: "languages", problems: &problems)
        }
        for (index, record) in skillGroups.enumerated() {
            for (position, id) in record.memberDivisionIDs.enumerated() where !divisionIDs.contains(id) {
                problems.append("skillGroups[\(index)].memberDivisionIDs[\(position)]: \(Self.quoted(id)) is not the id of one of the divisions")
            }
        }
        for (index, record) in queues.enumerated() {
            for (position, member) in record.members.enumerated() {
                let field = "queues[\(index)].members[\(position)]"
                if !userIDs.contains(member.userID) {
                    problems.append("\(field).userID: \(Self.quoted(member.userID)) is not the id of one of the users")
                }
                if !(1...6).contains(member.ringNumber) {
                    problems.append("\(field).ringNumber: must be between 1 and 6, got \(member.ringNumber)")
                }
            }
            for (position, id) in record.wrapupCodeIDs.enumerated() where !wrapupCodeIDs.contains(id) {
                problems.append("queues[\(index)].wrapupCodeIDs[\(position)]: \(Self.quoted(id)) is not the id of one of the wrap-up codes")
            }
        }
        return problems
    }

    /// The ids of one collection; a missing, empty or repeated id is a problem naming its position.
    private static func ids(_ ids: [String?], field: String, idField: String = "id", problems: inout [String]) -> Set<String> {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() {
            guard let id, !id.isEmpty else {
                problems.append("\(field)[\(index)].\(idField): missing")
                continue
            }
            if !seen.insert(id).inserted {
                problems.append("\(field)[\(index)].\(idField): \(quoted(id)) is used by an earlier entry too")
            }
        }
        return seen
    }

    /// A user's skill or language assignments: known ids, proficiency 0–5.
    private static func check(_ assignments: [Assignment], field: String, known: Set<String>, what: String, problems: inout [String]) {
        for (index, assignment) in assignments.enumerated() {
            if !known.contains(assignment.id) {
                problems.append("\(field)[\(index)].id: \(quoted(assignment.id)) is not the id of one of the \(what)")
            }
            if !(0...5).contains(assignment.proficiency) {
                problems.append("\(field)[\(index)].proficiency: must be between 0 and 5, got \(assignment.proficiency)")
            }
        }
    }

    /// `text` in quotes, with control characters escaped (the file may hold anything).
    private static func quoted(_ text: String) -> String {
        text.debugDescription
    }
}
