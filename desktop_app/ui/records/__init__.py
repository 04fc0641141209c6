"""Screens shared by the 听课 and 家访 tabs: period selector, quota and coverage views, quota settings."""
