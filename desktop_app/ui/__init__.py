"""Qt widgets only. Screens call services; they never touch the database themselves."""
