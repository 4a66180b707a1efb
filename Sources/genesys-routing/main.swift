import GenesysRoutingCLI

await GenesysRoutingCommand.main()
