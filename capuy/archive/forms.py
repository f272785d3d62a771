"""Forms of the intake pages: the upload, and the review of an item a person must complete.

Choices are limited to what the user may act on, as in the register's forms: organisations
where they are a clerk (văn thư) or an administrator, bodies of that organisation, and
classifications up to their own clearance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from capuy.accounts.access import organisations_with_role
from capuy.archive.formats import accepted_suffixes
from capuy.archive.models import ImportItem
from capuy.documents.forms import (
    REGISTERING_ROLES,
    BodyChoiceField,
    classification_choices,
    date_field,
)
from capuy.documents.models import Direction, SignerCapacity
from capuy.orgs.models import Body

MAX_UPLOAD_BYTES_DEFAULT = 500 * 1024 * 1024


def max_upload_bytes() -> int:
    """All files of one upload together (``CAPUY_IMPORT_UPLOAD_MAX_BYTES``, default 500 MB)."""
    return int(getattr(settings, "CAPUY_IMPORT_UPLOAD_MAX_BYTES", MAX_UPLOAD_BYTES_DEFAULT))


def max_upload_files() -> int:
    """Files in one request: Django's own ``DATA_UPLOAD_MAX_NUMBER_FILES`` (100 by default)."""
    return int(getattr(settings, "DATA_UPLOAD_MAX_NUMBER_FILES", 100) or 100)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        """Each file cleaned as the single-file field does. No file at all is "required": the
        widget hands over an empty list, which the recipe's loop would pass as a valid empty
        upload (an import run of 0 files)."""
        single = super().clean
        if not data and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.committee_name or obj.name


class UploadForm(forms.Form):
    organisation = OrganisationChoiceField(
        label="Nhập vào kho lưu trữ của", queryset=None, empty_label=None
    )
    files = MultipleFileField(
        label="Các tệp văn bản hoặc một tệp ZIP",
        help_text="DOCX, DOC, ODT, RTF, PDF (cả bản quét), ảnh chụp trang, TXT; hoặc một tệp ZIP "
        "chứa cả thư mục.",
        error_messages={"required": "Hãy chọn ít nhất một tệp."},
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations_with_role(user, *REGISTERING_ROLES).filter(
            valid_to__isnull=True
        )
        accept = ",".join(sorted(accepted_suffixes() | {".zip"}))
        self.fields["files"].widget.attrs["accept"] = accept

    def clean_files(self) -> list[Any]:
        files = self.cleaned_data.get("files") or []
        if len(files) > max_upload_files():
            raise ValidationError(
                f"Mỗi lần tải lên tối đa {max_upload_files()} tệp; nhiều hơn hãy nén thành ZIP."
            )
        total = sum(f.size for f in files)
        if total > max_upload_bytes():
            raise ValidationError(
                f"Tổng dung lượng quá {max_upload_bytes() // 1048576} MB; hãy chia thành nhiều lần."
            )
        allowed = accepted_suffixes() | {".zip"}
        zips = [f for f in files if Path(f.name).suffix.lower() == ".zip"]
        if zips and len(files) > 1:
            raise ValidationError("Tệp ZIP phải được tải lên một mình.")
        for upload in files:
            suffix = Path(upload.name).suffix.lower()
            if suffix not in allowed:
                raise ValidationError(
                    f"Tệp “{upload.name}” không phải định dạng văn bản được nhận ({suffix or 'không có đuôi'})."
                )
            if upload.size == 0:
                raise ValidationError(f"Tệp “{upload.name}” rỗng.")
        return files


class ReviewForm(forms.Form):
    """What a person supplies for an item the importer could not file (or wants to check)."""

    direction = forms.ChoiceField(label="Loại sổ", choices=Direction.choices)
    issuing_body = BodyChoiceField(
        label="Cơ quan ban hành (văn bản đi)", queryset=Body.objects.none(), required=False
    )
    sender = forms.CharField(label="Nơi gửi (văn bản đến)", max_length=300, required=False)
    type_code = forms.CharField(label="Thể loại (mã: BC, NQ, CV…)", max_length=8)
    number = forms.IntegerField(label="Số", min_value=1, required=False)
    symbol = forms.CharField(label="Số và ký hiệu", max_length=80, required=False)
    issued_on = date_field("Ngày ban hành")
    summary = forms.CharField(label="Trích yếu", widget=forms.Textarea(attrs={"rows": 3}))
    signer_name = forms.CharField(label="Người ký", max_length=120, required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=120, required=False)
    signer_capacity = forms.ChoiceField(
        label="Hình thức ký", choices=SignerCapacity.choices, required=False
    )
    classification = forms.TypedChoiceField(label="Độ mật", coerce=int, choices=())

    def __init__(self, *args: Any, user: Any = None, item: ImportItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        bodies = Body.objects.filter(organisation=item.organisation).select_related("organisation")
        self.fields["issuing_body"].queryset = bodies
        self.fields["classification"].choices = classification_choices(user)

    def clean_summary(self) -> str:
        return " ".join(self.cleaned_data["summary"].split())

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("direction") == Direction.OUTGOING:
            if not data.get("issuing_body"):
                self.add_error("issuing_body", "Văn bản đi cần cơ quan ban hành.")
            if not data.get("number"):
                self.add_error("number", "Văn bản đi cần số đã cấp khi ban hành.")
        elif not (data.get("sender") or "").strip():
            self.add_error("sender", "Văn bản đến cần nơi gửi.")
        return data
