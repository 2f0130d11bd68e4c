def is_palindrome(s):
    cleaned = "".join(ch.lower() for ch in s if ch.isalnum())
    return cleaned == cleaned[::-1]

for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"]:
    print(is_palindrome(s))

def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
vowels = sum(1 for ch in "programming language" if ch in "aeiou")
print(vowels)
print(" ".join(w.capitalize() for w in "the art of computer programming".split()))
print("-".join(reversed("a-b-c".split("-"))))
