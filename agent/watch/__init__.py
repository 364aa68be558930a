"""`roos watch`: the agent's live events in the terminal (lines, terminal safety, connection)."""
