"""One module per sheet of the quarterly workbook."""
