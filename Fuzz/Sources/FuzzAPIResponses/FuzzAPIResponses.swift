import Foundation
import FuzzSupport
import RoutingModels

/// libFuzzer entry point: the input is a response body, decoded with `GenesysJSON` into each listing and
/// entity type the SDK reads; whatever decodes is encoded again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIResponses(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let decoder = GenesysJSON.makeDecoder()
    let encoder = GenesysJSON.makeEncoder()
    func attempt<T: Codable>(_ type: T.Type) {
        guard let value = try? decoder.decode(T.self, from: data) else { return }
        _ = try? encoder.encode(value)
    }
    attempt(EntityListing<RoutingSkill>.self)
    attempt(EntityListing<Language>.self)
    attempt(EntityListing<WrapupCode>.self)
    attempt(EntityListing<AuthzDivision>.self)
    attempt(EntityListing<RoutingQueue>.self)
    attempt(EntityListing<UserRoutingSkill>.self)
    attempt(EntityListing<UserRoutingLanguage>.self)
    attempt(EntityListing<User>.self)
    attempt(CursorListing<SkillGroup>.self)
    attempt(CursorListing<SkillGroupWithMemberDivisions>.self)
    attempt(QueueMemberEntityListing.self)
    attempt(UsersSearchResponse.self)
    attempt(SkillGroup.self)
    attempt(SkillGroupWithMemberDivisions.self)
    attempt(RoutingQueue.self)
    attempt(RoutingSkill.self)
    attempt(User.self)
    attempt(ErrorBody.self)
    attempt(AccessTokenResponse.self)
    attempt(UtilizationResponse.self)
    return 0
}

/// The entry point SwiftPM's renamed `main` calls (see `runLibFuzzer`).
@_cdecl("FuzzAPIResponses_main")
public func fuzzAPIResponsesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in fuzzAPIResponses(bytes, count) }
}
