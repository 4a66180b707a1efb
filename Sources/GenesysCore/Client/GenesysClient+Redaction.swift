extension GenesysClient {
    /// `error` (built from a server answer) with the token that was sent and every secret the token
    /// provider reports (``AccessTokenProvider/secrets()``) removed from its server-provided text.
    func redactingSecrets(_ error: GenesysError, sent token: AccessToken) async -> GenesysError {
        error.redacting(SecretRedactor([token.value] + (await tokenProvider.secrets())))
    }
}
