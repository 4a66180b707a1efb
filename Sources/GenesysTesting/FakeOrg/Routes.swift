import HTTPTypes

extension OrgEngine {
    /// Every endpoint the fake org serves: method, path as in Genesys' API reference, operation name (as
    /// `GenesysRouting` names it) and handler.
    static let routes: [Router.Route] = [
        // Skills (§4.1)
        .init(.get, "/api/v2/routing/skills", "routing.listSkills") { try $0.listSkills($1) },
        .init(.post, "/api/v2/routing/skills", "routing.createSkill") { try $0.createSkill($1) },
        .init(.get, "/api/v2/routing/skills/{skillId}", "routing.getSkill") { try $0.getSkill($1) },
        .init(.patch, "/api/v2/routing/skills/{skillId}", "routing.moveSkill") { try $0.updateSkillDivision($1) },
        .init(.delete, "/api/v2/routing/skills/{skillId}", "routing.deleteSkill") { try $0.deleteSkill($1) },

        // Skill groups (§4.2)
        .init(.get, "/api/v2/routing/skillgroups", "routing.listSkillGroups") { try $0.listSkillGroups($1) },
        .init(.post, "/api/v2/routing/skillgroups", "routing.createSkillGroup") { try $0.createSkillGroup($1) },
        .init(.get, "/api/v2/routing/skillgroups/{skillGroupId}", "routing.getSkillGroup") { try $0.getSkillGroup($1) },
        .init(.patch, "/api/v2/routing/skillgroups/{skillGroupId}", "routing.updateSkillGroup") { try $0.updateSkillGroup($1) },
        .init(.delete, "/api/v2/routing/skillgroups/{skillGroupId}", "routing.deleteSkillGroup") { try $0.deleteSkillGroup($1) },
        .init(.get, "/api/v2/routing/skillgroups/{skillGroupId}/members", "routing.listSkillGroupMembers") {
            try $0.listSkillGroupMembers($1)
        },
        .init(.get, "/api/v2/routing/skillgroups/{skillGroupId}/members/divisions", "routing.getSkillGroupMemberDivisions") {
            try $0.getSkillGroupMemberDivisions($1)
        },
        .init(.post, "/api/v2/routing/skillgroups/{skillGroupId}/members/divisions", "routing.updateSkillGroupMemberDivisions") {
            try $0.updateSkillGroupMemberDivisions($1)
        },

        // Queues (§4.3)
        .init(.get, "/api/v2/routing/queues", "routing.listQueues") { try $0.listQueues($1) },
        .init(.post, "/api/v2/routing/queues", "routing.createQueue") { try $0.createQueue($1) },
        .init(.get, "/api/v2/routing/queues/{queueId}", "routing.getQueue") { try $0.getQueue($1) },
        .init(.put, "/api/v2/routing/queues/{queueId}", "routing.updateQueue") { try $0.updateQueue($1) },
        .init(.delete, "/api/v2/routing/queues/{queueId}", "routing.deleteQueue") { try $0.deleteQueue($1) },
        .init(.get, "/api/v2/routing/queues/{queueId}/members", "routing.listQueueMembers") { try $0.listQueueMembers($1) },
        .init(.post, "/api/v2/routing/queues/{queueId}/members", "routing.addQueueMembers") { try $0.addOrRemoveQueueMembers($1) },
        .init(.patch, "/api/v2/routing/queues/{queueId}/members", "routing.setQueueMembersJoined") { try $0.updateQueueMembers($1) },
        .init(.patch, "/api/v2/routing/queues/{queueId}/members/{memberId}", "routing.updateQueueMember") {
            try $0.updateQueueMember($1)
        },
        .init(.delete, "/api/v2/routing/queues/{queueId}/members/{memberId}", "routing.removeQueueMember") {
            try $0.removeQueueMember($1)
        },
        .init(.get, "/api/v2/routing/queues/{queueId}/wrapupcodes", "routing.listQueueWrapupCodes") {
            try $0.listQueueWrapupCodes($1)
        },
        .init(.post, "/api/v2/routing/queues/{queueId}/wrapupcodes", "routing.addQueueWrapupCodes") {
            try $0.addQueueWrapupCodes($1)
        },
        .init(.delete, "/api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}", "routing.removeQueueWrapupCode") {
            try $0.removeQueueWrapupCode($1)
        },

        // A user's routing skills (§4.4)
        .init(.get, "/api/v2/users/{userId}/routingskills", "routing.listUserRoutingSkills") { try $0.listAssignments(.skill, $1) },
        .init(.post, "/api/v2/users/{userId}/routingskills", "routing.addUserRoutingSkill") { try $0.addAssignment(.skill, $1) },
        .init(.put, "/api/v2/users/{userId}/routingskills/{skillId}", "routing.updateUserRoutingSkill") {
            try $0.updateAssignment(.skill, $1, idParameter: "skillId")
        },
        .init(.delete, "/api/v2/users/{userId}/routingskills/{skillId}", "routing.removeUserRoutingSkill") {
            try $0.removeAssignment(.skill, $1, idParameter: "skillId")
        },
        .init(.put, "/api/v2/users/{userId}/routingskills/bulk", "routing.replaceUserRoutingSkills") {
            try $0.bulkAssignments(.skill, $1, replace: true)
        },
        .init(.patch, "/api/v2/users/{userId}/routingskills/bulk", "routing.addOrUpdateUserRoutingSkills") {
            try $0.bulkAssignments(.skill, $1, replace: false)
        },

        // A user's routing languages (§4.5): no PUT bulk, PATCH for one.
        .init(.get, "/api/v2/users/{userId}/routinglanguages", "routing.listUserRoutingLanguages") {
            try $0.listAssignments(.language, $1)
        },
        .init(.post, "/api/v2/users/{userId}/routinglanguages", "routing.addUserRoutingLanguage") {
            try $0.addAssignment(.language, $1)
        },
        .init(.patch, "/api/v2/users/{userId}/routinglanguages/{languageId}", "routing.updateUserRoutingLanguage") {
            try $0.updateAssignment(.language, $1, idParameter: "languageId")
        },
        .init(.delete, "/api/v2/users/{userId}/routinglanguages/{languageId}", "routing.removeUserRoutingLanguage") {
            try $0.removeAssignment(.language, $1, idParameter: "languageId")
        },
        .init(.patch, "/api/v2/users/{userId}/routinglanguages/bulk", "routing.addOrUpdateUserRoutingLanguages") {
            try $0.bulkAssignments(.language, $1, replace: false)
        },

        // A user's skill groups (§4.6)
        .init(.get, "/api/v2/users/{userId}/skillgroups", "routing.listUserSkillGroups") { try $0.listUserSkillGroups($1) },

        // Routing languages (§4.7)
        .init(.get, "/api/v2/routing/languages", "routing.listLanguages") { try $0.listLanguages($1) },
        .init(.post, "/api/v2/routing/languages", "routing.createLanguage") { try $0.createLanguage($1) },
        .init(.get, "/api/v2/routing/languages/{languageId}", "routing.getLanguage") { try $0.getLanguage($1) },
        .init(.delete, "/api/v2/routing/languages/{languageId}", "routing.deleteLanguage") { try $0.deleteLanguage($1) },

        // Wrap-up codes (§4.8)
        .init(.get, "/api/v2/routing/wrapupcodes", "routing.listWrapupCodes") { try $0.listWrapupCodes($1) },
        .init(.post, "/api/v2/routing/wrapupcodes", "routing.createWrapupCode") { try $0.createWrapupCode($1) },
        .init(.get, "/api/v2/routing/wrapupcodes/{codeId}", "routing.getWrapupCode") { try $0.getWrapupCode($1) },
        .init(.put, "/api/v2/routing/wrapupcodes/{codeId}", "routing.updateWrapupCode") { try $0.updateWrapupCode($1) },
        .init(.delete, "/api/v2/routing/wrapupcodes/{codeId}", "routing.deleteWrapupCode") { try $0.deleteWrapupCode($1) },

        // Utilization (§4.9)
        .init(.get, "/api/v2/routing/utilization", "routing.getOrgUtilization") { try $0.getOrgUtilization($1) },
        .init(.put, "/api/v2/routing/utilization", "routing.setOrgUtilization") { try $0.setOrgUtilization($1) },
        .init(.delete, "/api/v2/routing/utilization", "routing.resetOrgUtilization") { try $0.resetOrgUtilization($1) },
        .init(.get, "/api/v2/routing/users/{userId}/utilization", "routing.getUserUtilization") { try $0.getUserUtilization($1) },
        .init(.put, "/api/v2/routing/users/{userId}/utilization", "routing.setUserUtilization") { try $0.setUserUtilization($1) },
        .init(.delete, "/api/v2/routing/users/{userId}/utilization", "routing.resetUserUtilization") {
            try $0.resetUserUtilization($1)
        },

        // Skill expressions (§4.10)
        .init(.get, "/api/v2/routing/skillexpressions", "routing.listSkillExpressions") { try $0.listSkillExpressions($1) },
        .init(.delete, "/api/v2/routing/skillexpressions", "routing.archiveSkillExpressions") { try $0.archiveSkillExpressions($1) },
        .init(.get, "/api/v2/routing/skillexpressions/{expressionId}", "routing.getSkillExpression") { try $0.getSkillExpression($1) },
        .init(.delete, "/api/v2/routing/skillexpressions/{expressionId}", "routing.archiveSkillExpression") {
            try $0.archiveSkillExpression($1)
        },
        .init(.get, "/api/v2/routing/skillexpressions/queue/{queueId}", "routing.listQueueSkillExpressions") {
            try $0.listQueueSkillExpressions($1)
        },
        .init(.post, "/api/v2/routing/skillexpressions/validate", "routing.validateSkillExpression", isWrite: false) {
            try $0.validateSkillExpression($1)
        },

        // Divisions (§4.11)
        .init(.get, "/api/v2/authorization/divisions", "authorization.listDivisions") { try $0.listDivisions($1) },
        .init(.get, "/api/v2/authorization/divisions/home", "authorization.getHomeDivision") { try $0.getHomeDivision($1) },
        .init(.get, "/api/v2/authorization/divisions/{divisionId}", "authorization.getDivision") { try $0.getDivision($1) },
        .init(.post, "/api/v2/authorization/divisions/{divisionId}/objects/{objectType}", "authorization.moveObjects") {
            try $0.moveObjects($1)
        },

        // Users (§4.12)
        .init(.get, "/api/v2/users", "users.listUsers") { try $0.listUsers($1) },
        .init(.get, "/api/v2/users/{userId}", "users.getUser") { try $0.getUser($1) },
        .init(.post, "/api/v2/users/search", "users.searchUsers", isWrite: false) { try $0.searchUsers($1) },
        .init(.get, "/api/v2/users/search", "users.searchUsers") { try $0.continueUserSearch($1) },
    ]
}
