// Vietnamese for the few words django-prose-editor's menus ask `window.gettext` for (the
// package ships no Vietnamese catalogue). A classic script, run before the editor's module.
(function () {
  const vi = {
    Rows: "Số dòng", Columns: "Số cột", "Include header row": "Có dòng tiêu đề",
    "Table Properties": "Chèn bảng", "Insert Table": "Chèn bảng", Update: "Cập nhật",
    Cancel: "Hủy", "List properties": "Kiểu danh sách", "List type": "Kiểu danh sách",
    "Start at": "Bắt đầu từ", "Decimal numbers": "Số 1, 2, 3", Bullets: "Gạch đầu dòng",
    "Lowercase letters": "Chữ a, b, c", "Uppercase letters": "Chữ A, B, C",
    "Lowercase Roman numerals": "Số La Mã i, ii", "Uppercase Roman numerals": "Số La Mã I, II",
    "Toggle fullscreen": "Toàn màn hình",
  };
  const previous = window.gettext;
  window.gettext = (text) => vi[text] || (previous ? previous(text) : text);
})();
