"""The member's own pages (phone first): profile, meetings, readings, self-review, notices.

Every page starts from ``require_member``: an office user without a member account, or a
member who has left the register, gets 404. Objects are looked up within the member's own
cell (or own person), so another cell's meeting or another member's review is a 404 too.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from capuy.handbook.forms import CorrectionForm, ReplyForm, SelfReviewForm
from capuy.handbook.models import (
    Attendance,
    CellMeeting,
    CellOfficer,
    MemberAccount,
    Notification,
    ProfileView,
    Reading,
    ReadingMark,
    SelfReview,
)
from capuy.handbook.scope import meeting_for_member, readings_for, require_member
from capuy.handbook.services import due_date_notices, refresh_attendance
from capuy.handbook.tiles import tiles
from capuy.text import shift_months as add_months
from capuy.vocab.records import badge_years


def _unread(request: HttpRequest) -> int:
    return Notification.objects.filter(user=request.user, read_at__isnull=True).count()


def _badge_due(member) -> tuple[int, dt.date] | None:
    """The next Huy hiệu Đảng the member's Party age will call for, and when."""
    if member.admitted_on is None:
        return None
    awarded = set(member.badges.values_list("years", flat=True))
    for years in sorted(badge_years()):
        if years not in awarded:
            return years, add_months(member.admitted_on, 12 * years)
    return None


@login_required
@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    due_date_notices(request.user, member, timezone.localdate())
    upcoming = (
        CellMeeting.objects.filter(cell_id=member.organisation_id, held=False)
        .order_by("starts_at")
        .first()
    )
    cards = []
    for tile in tiles():
        try:
            url = reverse(tile.url_name)
        except NoReverseMatch:
            continue
        cards.append(
            {
                "label": tile.label,
                "url": url,
                "note": tile.note(request, member) if tile.note else "",
            }
        )
    context = {
        "member": member,
        "unread": _unread(request),
        "upcoming": upcoming,
        "tiles": cards,
        "officer": CellOfficer.objects.filter(member=member, cell=member.organisation).first(),
    }
    return render(request, "handbook/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        correction = form.save(commit=False)
        correction.member = member
        correction.save()
        messages.success(request, "Đã gửi đề nghị sửa thông tin đến văn phòng cấp ủy.")
        return redirect("handbook:profile")
    context = {
        "member": member,
        "form": form,
        "badge_due": _badge_due(member),
        "ratings": member.ratings.order_by("-year"),
        "badges": member.badges.order_by("years"),
        "corrections": member.correction_requests.all()[:10],
        "party_years": member.party_years(timezone.localdate()),
    }
    return render(request, "handbook/profile.html", context)


@login_required
@require_http_methods(["GET"])
def who_viewed(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    views = (
        ProfileView.objects.filter(member=member)
        .exclude(viewer=request.user)
        .select_related("viewer")[:200]
    )
    return render(request, "handbook/who_viewed.html", {"member": member, "views": views})


@login_required
@require_http_methods(["GET"])
def meetings(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    rows = CellMeeting.objects.filter(cell_id=member.organisation_id)[:50]
    replies = dict(
        Attendance.objects.filter(member=member, meeting__in=rows).values_list(
            "meeting_id", "reply"
        )
    )
    items = [{"meeting": m, "reply": replies.get(m.pk)} for m in rows]
    return render(request, "handbook/meetings.html", {"member": member, "items": items})


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    member = require_member(request.user)
    item = meeting_for_member(member, pk)
    attendance, _ = Attendance.objects.get_or_create(meeting=item, member=member)
    form = ReplyForm(
        request.POST or None,
        initial={"reply": attendance.reply or None, "reason": attendance.reason},
    )
    if request.method == "POST":
        if item.held:
            messages.error(request, "Buổi sinh hoạt đã diễn ra, không thể trả lời nữa.")
            return redirect("handbook:meeting", pk=item.pk)
        if form.is_valid():
            attendance.reply = form.cleaned_data["reply"]
            attendance.reason = form.cleaned_data["reason"]
            attendance.replied_at = timezone.now()
            attendance.save()
            refresh_attendance(item.cell_id, item.month)
            messages.success(
                request,
                "Đã xác nhận tham dự."
                if attendance.reply == Attendance.Reply.YES
                else "Đã gửi lý do vắng đến chi bộ.",
            )
            return redirect("handbook:meeting", pk=item.pk)
    context = {
        "member": member,
        "meeting": item,
        "attendance": attendance,
        "form": form,
        "readings": readings_for(request.user, member).filter(meeting=item),
    }
    return render(request, "handbook/meeting.html", context)


@login_required
@require_http_methods(["GET"])
def readings(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    rows = readings_for(request.user, member)
    show = request.GET.get("xem", "")
    if show == "hoc-tap":
        rows = rows.filter(study=True)
    marks = {
        m.reading_id: m for m in ReadingMark.objects.filter(member=member, reading__in=rows[:200])
    }
    if show == "danh-dau":
        rows = rows.filter(pk__in=[k for k, m in marks.items() if m.bookmarked])
    items = [{"reading": r, "mark": marks.get(r.pk)} for r in rows[:200]]
    return render(
        request, "handbook/readings.html", {"member": member, "items": items, "show": show}
    )


def _reading_or_404(request: HttpRequest, pk: int) -> tuple[object, Reading]:
    member = require_member(request.user)
    try:
        return member, readings_for(request.user, member).get(pk=pk)
    except (Reading.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy.") from exc


@login_required
@require_http_methods(["GET"])
def reading(request: HttpRequest, pk: int) -> HttpResponse:
    member, item = _reading_or_404(request, pk)
    mark, _ = ReadingMark.objects.get_or_create(reading=item, member=member)
    if mark.read_at is None:
        mark.read_at = timezone.now()
        mark.save(update_fields=["read_at"])
    return render(request, "handbook/reading.html", {"reading": item, "mark": mark})


@login_required
@require_POST
def bookmark(request: HttpRequest, pk: int) -> HttpResponse:
    member, item = _reading_or_404(request, pk)
    mark, _ = ReadingMark.objects.get_or_create(reading=item, member=member)
    mark.bookmarked = not mark.bookmarked
    mark.save(update_fields=["bookmarked"])
    messages.success(request, "Đã đánh dấu." if mark.bookmarked else "Đã bỏ đánh dấu.")
    return redirect("handbook:reading", pk=item.pk)


@login_required
@require_http_methods(["GET", "POST"])
def self_review(request: HttpRequest) -> HttpResponse:
    member = require_member(request.user)
    year = timezone.localdate().year
    review = SelfReview.objects.filter(member=member, year=year).first()
    locked = review is not None and review.submitted_at is not None
    form = SelfReviewForm(None if locked else (request.POST or None), instance=review)
    if request.method == "POST" and not locked and form.is_valid():
        review = form.save(commit=False)
        review.member, review.year = member, year
        if "gui" in request.POST:
            review.submitted_at = timezone.now()
        review.save()
        messages.success(
            request,
            "Đã gửi bản tự kiểm điểm đến chi bộ." if review.submitted_at else "Đã lưu bản nháp.",
        )
        return redirect("handbook:self_review")
    history = SelfReview.objects.filter(member=member).exclude(year=year).order_by("-year")
    context = {
        "member": member,
        "year": year,
        "review": review,
        "locked": locked,
        "form": form,
        "history": history,
    }
    return render(request, "handbook/self_review.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("handbook:notifications")
    return render(
        request,
        "handbook/notifications.html",
        {"notices": mine[:100], "unread": mine.filter(read_at__isnull=True).count()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    """First login (and any time): the one-time password from the cell is replaced."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        MemberAccount.objects.filter(user=user).update(must_change_password=False)
        messages.success(request, "Đã đổi mật khẩu.")
        return redirect("handbook:home")
    return render(request, "handbook/change_password.html", {"form": form})
