"""capuy — the work-and-reporting system of a Vietnamese Party committee office.

The core (``text``, ``vocab``, ``model``, ``read``, ``extract``, ``check``, ``render``) imports
nothing from Django; the web app in ``capuy.web`` builds on it.
"""

__version__ = "0.1.0"
