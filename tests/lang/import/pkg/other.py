other_value = "other"
