"""The capuy web app: Django project (settings, URLs, WSGI), base templates, static files.

The record families live in their own Django apps (``capuy.orgs``, ``capuy.accounts``,
``capuy.documents`` …); this package holds what they share: the layout, the Vietnamese
template filters, the home page and its panels, the server and demo commands.
"""
