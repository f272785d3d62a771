"""The citation graph: every citation in every registered document, resolved to the register
entry it names, with the relation read from the words before it (``capuy.vocab``)."""
