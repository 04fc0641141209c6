"""Prints (印制): PDFs with embedded TrueType CJK fonts, true to size.

One module per document (plaques 桌牌, pennants 锦旗, certificates 荣誉证书, pledge_letters
对标承诺书, notice 公示名单, calibration 校准页), each drawn from plain input records;
`sources` reads those records from the ledger and `jobs` ties kinds, fonts and settings
together for the print centre and the `print` command.
"""
