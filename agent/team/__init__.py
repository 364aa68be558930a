"""Roos for a team: one PostgreSQL store shared by every member's own local agent."""
