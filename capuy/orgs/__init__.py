"""Party organisations over time: units, their reorganisations, their bodies and terms.

Public API (other apps import from here):

- models: ``Organisation``, ``OrgEvent``, ``Body``, ``CommitteeTerm``;
- ``capuy.orgs.history``: ``organisation_tree(root, at=date)``, ``descendants(root, at=date)``,
  ``reorganise(...)``, ``rename(...)``, ``name_at(org, date)``, ``term_at(org, date)``.
"""
