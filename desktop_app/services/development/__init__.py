"""发展党员: records of people on their way into the Party, their deadlines and problems."""
