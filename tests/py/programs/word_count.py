text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs away
a quick brown dog"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print("%-6s %d" % (word, n))
print(len(counts), "distinct words")
longest = max(counts, key=len)
print("longest:", longest)
