"""Editing the vocabulary from the web app: an overlay of ``capuy/vocab/*.yaml`` files.

The packaged files stay untouched; an administrator's edited copy is written to
``<CAPUY_DATA_DIR>/vocab/<name>.yaml`` (settings point ``CAPUY_VOCAB_DIR`` there, which
``capuy.vocab.loader`` reads first). Every save and restore is kept as a ``VocabVersion``
(who, when, the text before and after), also recorded by django-auditlog.
"""
