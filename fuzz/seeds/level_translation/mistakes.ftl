title = Primera
briefng = x
work-1 = { $n }
-term = y
event-x =
    .text = z
