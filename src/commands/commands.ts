/**
 * The ribbon's function file. The one-click "Kiểm tra hồ sơ" and "Xóa đánh dấu" commands
 * arrive with the Excel adapter (issue 8); until then the file only initializes.
 */
Office.onReady(() => {
  // Nothing to register yet.
});
