"""One-time form tokens: a form that creates a record is done at most once.

The probe's finding 9: the connection dropped after a registration was saved, the clerk saw an
error, pressed "Vào sổ" again, and the document was registered a second time under a new
number. Each such form now carries a token (``<input type="hidden" name="ma_phieu">``, from
``capuy.formtokens.api.new_token()``); the view calls ``done_with(token, user)`` first — a token already used
gives the record it made, and the page says so instead of making another — and
``remember(token, user, record)`` inside the transaction that makes the record, so the record
and its token are kept together or not at all (two identical posts at once: the second one's
``remember`` violates the unique token and its whole transaction, number included, is rolled
back).
"""
