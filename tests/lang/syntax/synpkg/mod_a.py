A = "mod_a.A"
