"""发展党员: the 25 steps from 入党申请 to 转正, their date rules and deadlines (pure)."""
