"""The 发展党员 tab: people in the procedure, their steps, deadlines and problems."""
