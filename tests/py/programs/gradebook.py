students = [
    {"name": "Ann", "scores": [90, 85, 77]},
    {"name": "Bob", "scores": [60, 72, 58]},
    {"name": "Cid", "scores": [88, 95, 91]},
]

def grade(avg):
    for limit, letter in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= limit:
            return letter
    return "F"

for s in students:
    avg = sum(s["scores"]) / len(s["scores"])
    s["avg"] = avg
    print("%-4s %6.2f %s" % (s["name"], avg, grade(avg)))
best = max(students, key=lambda s: s["avg"])
print("best:", best["name"])
print(sorted(s["name"] for s in students if s["avg"] < 80))
