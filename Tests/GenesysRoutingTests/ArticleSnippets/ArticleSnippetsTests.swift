import Foundation
import Testing

/// Code in the articles is compiled: every ```swift block of a covered article must appear, line for line
/// (indentation aside), in that article's snippet file in this folder, which the test target compiles.
/// `import` lines of a block must be imports of the snippet file. A block that is not Swift a program can
/// compile (a package manifest) is listed with its reason.
@Suite("Article snippets")
struct ArticleSnippetsTests {
    struct Article: Sendable, CustomTestStringConvertible {
        /// The article, relative to the package root.
        let path: String
        /// The snippet files in this folder that compile its code (comma-separated).
        let snippets: String
        /// First lines of blocks that are not compiled, with the reason.
        var exempt: [String: String] = [:]
        var testDescription: String { path }
    }

    static let routingCatalog = "Sources/GenesysRouting/GenesysRouting.docc"

    static let covered: [Article] = [
        Article(path: "\(routingCatalog)/GettingStarted.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/GenesysRouting.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/Skills.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/LanguagesAndWrapupCodes.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/Queues.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/SkillGroups.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/AgentProfiles.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(path: "\(routingCatalog)/DivisionsAndUsers.md", snippets: "GenesysRoutingArticleSnippets.swift"),
        Article(
            path: "Sources/GenesysTesting/GenesysTesting.docc/WritingIntegrationTests.md",
            snippets: "GenesysTestingArticleSnippets.swift"),
        Article(
            path: "Documentation/GettingStarted.md", snippets: "GettingStartedGuideSnippets.swift",
            exempt: ["// swift-tools-version:6.1": "a consumer's Package.swift manifest"]),
        Article(
            path: "Documentation/Architecture.md", snippets: "GettingStartedGuideSnippets.swift",
            exempt: ["let client = try GenesysClient(region: .euWest1, credentials: credentials)": "uses a hypothetical UsersAPI"]),
        Article(
            path: "Sources/GenesysClientDefaults/GenesysClientDefaults.docc/GenesysClientDefaults.md",
            snippets: "GettingStartedGuideSnippets.swift"),
        Article(path: "Sources/GenesysAsyncHTTPClient/GenesysAsyncHTTPClient.docc/GenesysAsyncHTTPClient.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/GenesysAuth/GenesysAuth.docc/GenesysAuth.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/GenesysCore/GenesysCore.docc/GenesysCore.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/GenesysTesting/GenesysTesting.docc/GenesysTesting.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/GenesysTesting/GenesysTesting.docc/ServingTheFakeOrgOverHTTP.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/GenesysURLSession/GenesysURLSession.docc/GenesysURLSession.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/RoutingModels/RoutingModels.docc/RoutingModels.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(path: "Sources/RoutingSync/RoutingSync.docc/RoutingSync.md", snippets: "ModuleCatalogSnippets.swift"),
        Article(
            path: "Documentation/Transports.md", snippets: "GuideSnippets.swift",
            exempt: [
                "// GenesysCore": "the protocol declarations GenesysCore already compiles",
                ".package(url: \"https://github.com/<org>/genesys-routing.git\", from: \"0.1.0\", traits: []),":
                    "a Package.swift fragment",
            ]),
        Article(path: "Documentation/Observability.md", snippets: "GuideSnippets.swift"),
        Article(
            path: "Documentation/TestingWithTheFakeOrg.md",
            snippets: "TestingGuideSnippets.swift,GenesysTestingArticleSnippets.swift"),
        Article(
            path: "Documentation/AuthenticationAndRegions.md", snippets: "AuthenticationGuideSnippets.swift",
            exempt: ["public protocol AccessTokenProvider: Sendable {": "the protocol declaration GenesysCore compiles"]),
        Article(path: "Sources/GenesysCore/GenesysCore.docc/Observability.md", snippets: "GuideSnippets.swift"),
        Article(
            path: "README.md", snippets: "ReadmeSnippets.swift",
            exempt: [
                "// Package.swift": "a consumer's Package.swift fragment",
                ".package(url: \"https://github.com/<org>/genesys-routing.git\", branch: \"main\", traits: []),":
                    "a Package.swift fragment",
            ]),
        Article(path: "Documentation/DesiredStateFormat.md", snippets: "RoutingSyncGuideSnippets.swift"),
        Article(path: "Documentation/Migration.md", snippets: "RoutingSyncGuideSnippets.swift"),
        Article(
            path: "Documentation/RetriesAndRateLimits.md", snippets: "RoutingSyncGuideSnippets.swift",
            exempt: [
                "public struct RateLimit: Sendable, Hashable {": "the declaration GenesysCore compiles",
                "public protocol RetryPolicy: Sendable {": "the protocol declaration GenesysCore compiles",
            ]),
    ]

    /// Articles with Swift code whose code is not compiled yet: empty since #11, and it stays empty
    /// (a new article with Swift code gets a snippet file). An entry without Swift code, or one that is
    /// also covered, fails the inventory test.
    static let notYetCompiled: Set<String> = []

    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```swift blocks of a Markdown text, each as its lines.
    static func swiftBlocks(_ markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```swift" {
                current = []
            } else if current != nil, trimmed == "```" {
                blocks.append(current ?? [])
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Lines without indentation, blank lines left out.
    static func normalized(_ lines: [String]) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("every Swift block of the article is in its compiled snippet file", arguments: covered)
    func blocksAreCompiled(_ article: Article) throws {
        let blocks = Self.swiftBlocks(try Self.read(Self.root.appendingPathComponent(article.path)))
        #expect(!blocks.isEmpty, "\(article.path) has no Swift blocks")
        var source: [String] = []
        for file in article.snippets.split(separator: ",") {
            source += Self.normalized(try Self.read(Self.here.appendingPathComponent(String(file))).components(separatedBy: "\n"))
        }
        let sourceText = "\n" + source.joined(separator: "\n") + "\n"
        for block in blocks {
            let lines = Self.normalized(block)
            guard let first = lines.first, article.exempt[first] == nil else { continue }
            for module in lines.filter({ $0.hasPrefix("import ") }) {
                #expect(source.contains(module), "\(article.path): \(article.snippets) lacks `\(module)`")
            }
            let code = lines.filter { !$0.hasPrefix("import ") }
            #expect(
                sourceText.contains("\n" + code.joined(separator: "\n") + "\n"),
                "\(article.path): this block is not in \(article.snippets) as written:\n\(code.joined(separator: "\n"))")
        }
    }

    @Test("every article with Swift code is compiled or listed as not yet compiled")
    func inventory() throws {
        let files = FileManager.default
        var articles: [String] = []
        for entry in try files.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Documentation").path) where entry.hasSuffix(".md") {
            articles.append("Documentation/\(entry)")
        }
        let sources = Self.root.appendingPathComponent("Sources")
        for module in try files.contentsOfDirectory(atPath: sources.path) {
            let catalog = sources.appendingPathComponent(module).appendingPathComponent("\(module).docc")
            guard let entries = try? files.contentsOfDirectory(atPath: catalog.path) else { continue }
            for entry in entries where entry.hasSuffix(".md") { articles.append("Sources/\(module)/\(module).docc/\(entry)") }
        }
        let coveredPaths = Set(Self.covered.map(\.path))
        for path in articles.sorted() {
            let hasSwift = !Self.swiftBlocks(try Self.read(Self.root.appendingPathComponent(path))).isEmpty
            if hasSwift {
                #expect(coveredPaths.contains(path) || Self.notYetCompiled.contains(path), "\(path) has Swift code that nothing compiles")
            } else {
                #expect(!Self.notYetCompiled.contains(path), "\(path) has no Swift code: take it off notYetCompiled")
            }
            #expect(!(coveredPaths.contains(path) && Self.notYetCompiled.contains(path)), "\(path) is covered: take it off notYetCompiled")
        }
    }
}
