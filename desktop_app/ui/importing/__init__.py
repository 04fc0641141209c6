"""File → 导入Excel: the import dialog, the template download and the background worker."""
