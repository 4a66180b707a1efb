import GenesysTesting
import Testing

@Suite("Fake org OAuth clients")
struct OAuthClientRedactionTests {
    @Test("never show their secret in descriptions or dumps")
    func secretIsRedacted() {
        let client = FakeGenesysOrg.OAuthClient(id: "real-client", secret: "REAL-SECRET-value-42")
        var dumped = ""
        dump(client, to: &dumped)
        for text in [client.description, client.debugDescription, String(describing: client), dumped, "\(FakeGenesysOrg.Configuration(clients: [client]))"] {
            #expect(!text.contains("REAL-SECRET-value-42"), "leaked in: \(text)")
        }
        #expect(client.description.contains("real-client"))
    }
}
