// The Swift code of the GenesysRouting DocC articles, compiled. `ArticleSnippetsTests` checks that every
// ```swift block of those articles appears here line for line, so an article cannot show code that does
// not compile. Each block sits in a function whose parameters are the names the article assumes.
import GenesysRouting
import Logging

enum GenesysRoutingArticleSnippets {
    // MARK: GettingStarted.md

    static func gettingStartedCreate(clientID: String, clientSecret: String) throws {
        let routing = try RoutingAPI(
            region: .euWest1,                       // or try GenesysRegion.parse("mypurecloud.ie")
            credentials: ClientCredentials(clientID: clientID, clientSecret: clientSecret)
        )
        _ = routing
    }

    static func gettingStartedShare(credentials: ClientCredentials, logger: Logger) throws {
        let client = try GenesysClient(region: .euWest1, credentials: credentials, logger: logger)
        let routing = RoutingAPI(client: client)
        _ = routing
    }

    static func gettingStartedRead(routing: RoutingAPI) async throws {
        for try await queue in routing.listQueues().items {
            print(queue.name ?? "?", queue.memberCount ?? 0)
        }
        let skills = try await routing.listSkills().collectItems()   // every page
        _ = skills
    }

    static func gettingStartedFind(routing: RoutingAPI) async throws {
        let billing = try await routing.findSkill(named: "Billing")  // nil if there is none
        _ = billing
    }

    static func gettingStartedWrite(routing: RoutingAPI, queueID: String, agentIDs: [String]) async throws {
        let skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        // A new skill can be missing from searches for a moment:
        _ = try await routing.waitForValue { try await routing.findSkill(named: "Billing") }

        try await routing.addQueueMembers(queueID: queueID, userIDs: agentIDs)   // any number; sent 100 at a time
        _ = skill
    }

    static func gettingStartedErrors(routing: RoutingAPI, queueID: String) async throws {
        do {
            _ = try await routing.getQueue(id: queueID)
        } catch let error as GenesysError where error.code == .notFound {
            // gone
        }
    }

    // MARK: GenesysRouting.md

    static func overview(id: String, secret: String, agentID: String) async throws {
        let routing = try RoutingAPI(
            region: .euWest1,
            credentials: ClientCredentials(clientID: id, clientSecret: secret)
        )
        if let skillID = try await routing.findSkill(named: "Billing")?.id {
            _ = try await routing.addUserRoutingSkill(userID: agentID, skillID: skillID, proficiency: 4)
        }
    }

    // MARK: Skills.md

    static func skillsLifecycle(routing: RoutingAPI, divisionID: String, otherDivisionID: String) async throws {
        let skill = try await routing.createSkill(CreateRoutingSkill(name: "Billing", divisionId: divisionID))
        let moved = try await routing.moveSkill(id: skill.id!, toDivision: otherDivisionID)
        try await routing.deleteSkill(id: moved.id!)
    }

    static func skillsWait(routing: RoutingAPI) async throws {
        _ = try await routing.createSkill(CreateRoutingSkill(name: "Billing"))
        let skill = try await routing.waitForValue(timeout: .seconds(20)) {
            try await routing.findSkill(named: "Billing")
        }
        _ = skill
    }

    // MARK: LanguagesAndWrapupCodes.md

    static func languages(routing: RoutingAPI) async throws {
        var spanish = try await routing.findLanguage(named: "Spanish")
        if spanish == nil { spanish = try await routing.createLanguage(Language(name: "Spanish")) }
        _ = spanish
    }

    static func wrapupCodes(routing: RoutingAPI, queueID: String) async throws {
        let code = try await routing.createWrapupCode(WrapupCodeRequest(name: "Sold", description: "Closed a sale"))
        _ = try await routing.updateWrapupCode(id: code.id!, WrapupCodeRequest(name: "Sold", description: "Won"))
        try await routing.addQueueWrapupCodes(queueID: queueID, codeIDs: [code.id!])
    }

    static func skillExpressions(routing: RoutingAPI, raw: String) async throws {
        let result = try await routing.validateSkillExpression(raw)
        if result.valid == true { print(result.expression ?? "") }
    }

    // MARK: Queues.md

    static func queuesUpdate(routing: RoutingAPI, queueID: String) async throws {
        _ = try await routing.updateQueue(id: queueID) { queue in
            queue.skillEvaluationMethod = .best
            queue.acwSettings = AcwSettings(wrapupPrompt: .optional, timeoutMs: 30_000)
        }
    }

    static func queuesMembers(routing: RoutingAPI, queueID: String, agentIDs: [String], agentID: String) async throws {
        try await routing.addQueueMembers(queueID: queueID, userIDs: agentIDs)
        try await routing.setQueueMembersJoined(queueID: queueID, agentIDs.map { QueueMemberJoinChange(userID: $0, joined: true) })
        try await routing.updateQueueMember(queueID: queueID, userID: agentID, ringNumber: 2)   // rings 1–6
    }

    static func queuesWait(routing: RoutingAPI, queueID: String, agentIDs: [String]) async throws {
        try await routing.waitForCondition {
            try await routing.listQueueMembers(queueID: queueID, joined: true).collectItems().count >= agentIDs.count
        }
    }

    // MARK: SkillGroups.md

    static func skillGroupsCreate(routing: RoutingAPI) async throws {
        let group = try await routing.createSkillGroup(SkillGroupWithMemberDivisions(
            name: "Billing experts",
            skillConditions: [SkillGroupCondition(
                routingSkillConditions: [SkillGroupRoutingCondition(
                    routingSkill: "Billing", comparator: .greaterThanOrEqualTo, proficiency: 4)],
                languageSkillConditions: [],
                operation: .and)],
            memberDivisions: ["*"]                      // users of every division may be members
        ))
        let complete = try await routing.waitForSkillGroupMembership(skillGroupID: group.id!)
        print(complete.memberCount ?? 0)
    }

    static func skillGroupsUpdate(routing: RoutingAPI, groupID: String) async throws {
        _ = try await routing.updateSkillGroup(id: groupID) { $0.description = "Tier 2" }
    }

    // MARK: AgentProfiles.md

    static func agentProfileRead(routing: RoutingAPI, agentID: String) async throws {
        let profile = try await routing.getRoutingProfile(userID: agentID)     // skills + languages
        for skill in profile.skills { print(skill.name ?? "?", skill.proficiency ?? 0) }
    }

    static func agentProfileReplace(routing: RoutingAPI, agentID: String, billingID: String, salesID: String) async throws {
        try await routing.replaceUserRoutingSkills(userID: agentID, [
            UserRoutingSkillPost(id: billingID, proficiency: 4),
            UserRoutingSkillPost(id: salesID, proficiency: 2),
        ])
    }

    static func agentProfileUtilization(routing: RoutingAPI, agentID: String) async throws {
        let current = try await routing.getUserUtilization(userID: agentID)   // level tells Agent or Organization
        _ = try await routing.setUserUtilization(userID: agentID, UtilizationRequest(
            utilization: ["call": MediaUtilization(maximumCapacity: 1), "email": MediaUtilization(maximumCapacity: 3)]))
        try await routing.resetUserUtilization(userID: agentID)                // back to the organisation's
        _ = current
    }

    // MARK: DivisionsAndUsers.md

    static func divisionsRead(routing: RoutingAPI) async throws {
        let home = try await routing.getHomeDivision()
        let emea = try await routing.findDivision(named: "EMEA")
        _ = (home, emea)
    }

    static func divisionsMove(routing: RoutingAPI, emea: AuthzDivision?, queueIDs: [String]) async throws {
        try await routing.moveObjects(toDivision: emea!.id!, objectType: .queue, objectIDs: queueIDs)
    }

    static func users(routing: RoutingAPI) async throws {
        let agent = try await routing.findUser(email: "ann@example.com")

        let request = UserSearchRequest(query: [UserSearchCriteria(value: "Ann", fields: ["name"], type: .contains)])
        for try await user in routing.searchUsers(request).items { print(user.email ?? "?") }
        _ = agent
    }
}
