"""Reviewers' work on reports: decisions kept across drafts, the formal conclusion, cases for the project."""
