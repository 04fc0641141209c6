"""Excel exports: the quarterly workbook and any record table as the user filtered it."""
