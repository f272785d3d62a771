"""Users, their roles on organisations, their clearance — and the access API every app uses.

See ``capuy.accounts.access`` for the public functions; ``capuy.accounts.levels`` for the
classification levels and roles.
"""
