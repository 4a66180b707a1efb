print("genesys-routing")
