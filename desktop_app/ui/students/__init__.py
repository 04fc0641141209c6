"""The 班级学生 tab: classes with their head teachers, and the students of each class."""
