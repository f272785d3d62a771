"""Classification levels and roles — the one place they are defined.

Classification (độ mật) follows Luật Bảo vệ bí mật nhà nước số 29/2018/QH14, Điều 8: secrets
are Tuyệt mật, Tối mật, Mật; everything else is ordinary (thường). The integer order is the
point: a user with clearance N sees records classified ≤ N, and that comparison is done in
the database query.
"""

from __future__ import annotations

from django.db import models


class Classification(models.IntegerChoices):
    NORMAL = 0, "Thường"
    SECRET = 1, "Mật"  # Mật
    TOP_SECRET = 2, "Tối mật"  # Tối mật
    MOST_SECRET = 3, "Tuyệt mật"  # Tuyệt mật


class Role(models.TextChoices):
    """What a person does in the committee's office (a user may hold several, per unit)."""

    CLERK = "van_thu", "Văn thư"  # registers and numbers documents
    SPECIALIST = "chuyen_vien", "Chuyên viên"  # keeps records, drafts reports
    LEADER = "lanh_dao", "Lãnh đạo"  # reads, approves, signs
    ADMIN = "quan_tri", "Quản trị"  # manages users and vocabulary of its units
