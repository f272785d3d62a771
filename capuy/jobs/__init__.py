"""Background jobs on Huey: the ``Job`` row is the truth, Huey only delivers its id.

See ``docs/jobs.md``: a job is queued (``chờ``), claimed by one worker (``đang chạy``), and
ends ``xong`` or ``lỗi``; workers beat a heartbeat row and re-queue the jobs of a dead worker.
"""
