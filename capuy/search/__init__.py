"""Site-wide search: one index of every record a user may find, two database backends.

Record apps register a ``SearchProvider`` from their ``AppConfig.ready()`` (see
``capuy.search.registry``); this app never imports them. See ``capuy.search.service`` for the
public functions (``search``, ``index_object``, ``rebuild``).
"""
