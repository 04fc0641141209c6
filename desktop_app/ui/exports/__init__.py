"""导出 menu: the quarterly, semester and school-year workbooks."""
