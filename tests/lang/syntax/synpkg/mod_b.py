B = "mod_b.B"
