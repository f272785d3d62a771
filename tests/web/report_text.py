"""What a specialist writes where the composer left "[Chuyên viên bổ sung nội dung.]": a draft
carrying the mark cannot be approved (rule ``format.placeholder``), so tests that walk a
report to approval write these first (each place its own sentence: a sentence written twice
is itself a finding)."""

from __future__ import annotations

from capuy.reports.compose import NARRATIVE

WRITTEN = [
    "Các cơ quan, đơn vị đã triển khai thực hiện nghiêm túc các nhiệm vụ được giao.",
    "Công tác tuyên truyền được đẩy mạnh bằng nhiều hình thức phù hợp.",
    "Việc học tập, quán triệt nghị quyết được tổ chức đúng kế hoạch.",
    "Công tác kiểm tra, giám sát được duy trì thường xuyên.",
    "Công tác dân vận có nhiều chuyển biến tích cực.",
    "Các chi bộ sinh hoạt định kỳ đúng quy định.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
    "Công tác cải cách hành chính tiếp tục được quan tâm chỉ đạo.",
    "Hoạt động của Mặt trận và các đoàn thể được nâng lên.",
    "Công tác chuẩn bị đại hội được triển khai theo kế hoạch.",
    "Công tác phát triển đảng viên được chú trọng.",
    "Việc giải quyết đơn thư được thực hiện đúng thời hạn.",
]


def filled(body: str) -> str:
    """The composed text with every mark left for the specialist written."""
    parts = body.split(NARRATIVE)
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += WRITTEN[index % len(WRITTEN)] + part
    return out
