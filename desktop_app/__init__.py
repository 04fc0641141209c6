"""党建台账 — a desktop ledger for a school Party branch."""

__version__ = "0.1.0"
APP_NAME = "党建台账"
APP_ID = "BranchLedger"
