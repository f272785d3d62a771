"""Pages of the vocabulary editor, for administrators only (role quản trị or superuser).

Anyone else gets 404, as for every record out of a user's reach. A refused text is shown
again with the message, so nothing typed is lost.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from capuy.web.vocabedit import files
from capuy.web.vocabedit.access import can_edit_vocab
from capuy.web.vocabedit.models import VocabVersion


class VocabForm(forms.Form):
    text = forms.CharField(
        label="Nội dung YAML",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        error_messages={"required": "Nội dung không được để trống."},
    )


def _admin_file(request: HttpRequest, name: str | None = None) -> files.VocabFile | None:
    if not can_edit_vocab(request.user):
        raise Http404
    if name is None:
        return None
    if name not in files.FILES:
        raise Http404
    return files.FILES[name]


@login_required
def vocab_files(request: HttpRequest) -> HttpResponse:
    _admin_file(request)
    rows = [{"file": f, "overridden": files.is_overridden(f.name)} for f in files.FILES.values()]
    return render(
        request,
        "vocabedit/list.html",
        {"rows": rows, "versions": VocabVersion.objects.select_related("user")[:20]},
    )


@login_required
def vocab_edit(request: HttpRequest, name: str) -> HttpResponse:
    file = _admin_file(request, name)
    assert file is not None
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        form = VocabForm(request.POST)
        if form.is_valid():
            text = form.cleaned_data["text"]
            try:
                with transaction.atomic():
                    before = files.save(name, text)
                    VocabVersion.objects.create(
                        name=name,
                        action=VocabVersion.Action.SAVED,
                        before=before,
                        after=files.current_text(name),
                        user=request.user,
                    )
            except files.VocabError as exc:
                form.add_error("text", str(exc))
            else:
                return redirect("vocab_edit", name=name)
    else:
        form = VocabForm(initial={"text": files.current_text(name)})
    return render(
        request,
        "vocabedit/edit.html",
        {
            "file": file,
            "form": form,
            "overridden": files.is_overridden(name),
            "versions": VocabVersion.objects.filter(name=name).select_related("user")[:20],
        },
    )


@login_required
def vocab_restore(request: HttpRequest, name: str) -> HttpResponse:
    _admin_file(request, name)  # before the method check: a non-admin learns nothing
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    with transaction.atomic():
        before = files.restore(name)
        VocabVersion.objects.create(
            name=name,
            action=VocabVersion.Action.RESTORED,
            before=before,
            after=files.current_text(name),
            user=request.user,
        )
    return redirect("vocab_edit", name=name)
