import os

rows = [("alice", 30, 1.5), ("bob", 25, 2.25), ("carol", 35, 3.0)]
name = "_roundtrip.csv"
with open(name, "w") as f:
    f.write("name,age,score\n")
    for r in rows:
        f.write(",".join(str(x) for x in r) + "\n")

loaded = []
with open(name) as f:
    header = f.readline().strip().split(",")
    for line in f:
        fields = line.strip().split(",")
        loaded.append((fields[0], int(fields[1]), float(fields[2])))
os.remove(name)
print(header)
print(loaded == rows, loaded)
print(os.path.exists(name))
