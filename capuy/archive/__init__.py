"""capuy.archive — taking in an office's whole archive (issue 12, the importing half).

``capuy import PATH`` and the upload page walk a folder tree or a ZIP, read every file with the
reader layer (``capuy.api.read_document`` + ``extract``), and file it in the organisation's
register as an ordinary ``documents.Document`` (outgoing when the issuer is the importing
committee or one of its bodies, incoming otherwise), with the original kept beside the text.

Modules, one job each (top to bottom):

``formats``   which file names are offered to the readers
``sources``   walking a folder, unpacking a ZIP safely (no traversal, bounded size and count)
``reading``   one file → plain metadata (runs in a worker process; imports nothing from Django)
``filing``    metadata → journal row + register row in one transaction (duplicates, direction)
``runner``    the run: hashing, skipping what is known, the process pool, progress
``report``    counts and the CSV report
``synth``     ``capuy synth --archive DIR``: a realistic archive to test and measure with
``legacy``    TCVN3 / VNI encoders used by ``synth`` only (the decoders belong to capuy.read)
"""
