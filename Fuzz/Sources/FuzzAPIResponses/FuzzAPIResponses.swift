import Foundation
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

/// SwiftPM links executables on Linux with `main` renamed to `FuzzAPIResponses_main`; with `-parse-as-library`
/// there is no Swift `main`, so this one hands over to libFuzzer's driver (libFuzzer's own `main` is then
/// not linked). Where SwiftPM does not rename, libFuzzer's `main` is used and this is unused.
@_cdecl("FuzzAPIResponses_main")
public func fuzzAPIResponsesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzAPIResponses(bytes, count) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
