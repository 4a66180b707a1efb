// `import GenesysRouting` is all an application needs: the client, auth and wire types come with it.
@_exported public import GenesysAuth
@_exported public import GenesysCore
@_exported public import RoutingModels
